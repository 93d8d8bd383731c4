import FormcheckFeedback
import Testing

/// The cue limiter as a transcript: what arrives when, and what is said when (4 s gap).
@Suite struct CueLimiterTests {
    enum Input {
        case cue(Cue)
        case finished
        case tick
    }

    static let bouncing = CueCatalogue.english.text(.correct(.bouncing))  // "Stop bouncing — hold still"
    static let tooFast = CueCatalogue.english.text(.correct(.tooFast))  // "Gently, slower"

    /// (time in seconds, what happens, what the limiter says to speak then, or nil for nothing).
    static let raise = Cue.raiseToBand(degrees: 45, rep: 1)
    static let cross = Cue.crossLeg(degrees: 45)
    static let pull = Cue.pullTowardsChest
    static func text(_ cue: Cue) -> String { CueCatalogue.english.text(cue) }

    /// (time in seconds, what happens, what the limiter says to speak then, or nil for nothing).
    static let transcript: [(Double, Input, String?)] = [
        (0.0, .cue(raise), text(raise)),
        (1.0, .cue(cross), nil),  // speaking: waits
        (1.5, .cue(pull), nil),  // another kind: waits behind it (not replacing it)
        (2.0, .finished, nil),  // done speaking, but the gap lasts until 4.0
        (3.0, .tick, nil),
        (3.5, .cue(.correct(.bouncing)), nil),  // a correction goes to the front
        (4.0, .tick, bouncing),  // the gap is over: the correction first
        (5.0, .finished, nil),
        (6.0, .cue(.holdCountdown(seconds: 30, first: false)), nil),  // behind cross and pull: the queue is full
        (8.0, .tick, text(cross)),  // in the order they came
        (8.5, .cue(.holdCountdown(seconds: 20, first: false)), nil),  // replaces the waiting countdown (same kind)
        (9.0, .finished, nil),
        (12.0, .tick, text(pull)),
        (12.5, .finished, nil),
        (13.0, .cue(.switchSides(.right)), nil),
        (14.0, .cue(.correct(.tooFast)), nil),
        (15.0, .cue(.holdDone), nil),  // over capacity: the oldest guidance (the countdown) gives way
        (16.0, .tick, tooFast),  // the correction first
        (18.0, .finished, nil),
        (20.0, .tick, text(.switchSides(.right))),
        (21.0, .finished, nil),
        (24.0, .tick, text(.holdDone)),
        (24.5, .finished, nil),
        (25.0, .tick, nil),  // nothing waits
    ]

    @Test func transcriptWithAFourSecondGap() {
        var limiter = CueLimiter()
        #expect(limiter.minimumGap == 4)
        #expect(limiter.capacity == 3)
        for (t, input, expected) in Self.transcript {
            let action: CueLimiter.Action
            switch input {
            case .cue(let cue): action = limiter.cue(CueLimiter.Utterance(cue), now: t)
            case .finished: action = limiter.finishedSpeaking(now: t)
            case .tick: action = limiter.tick(now: t)
            }
            let said: String? = if case .speak(let cue) = action { cue.text } else { nil }
            #expect(said == expected, "at \(t) s after \(input)")
        }
        #expect(limiter.pending == nil)
        #expect(!limiter.isSpeaking)
    }

    @Test func crossThenPullAreBothSaidInOrder() {
        var limiter = CueLimiter()
        #expect(limiter.cue(.init(Self.raise), now: 0) == .speak(.init(Self.raise)))
        #expect(limiter.cue(.init(Self.cross), now: 1) == .none)
        #expect(limiter.cue(.init(Self.pull), now: 2) == .none)
        #expect(limiter.waiting.map(\.kind) == [.crossLeg, .moveToHold])
        #expect(limiter.finishedSpeaking(now: 4.5) == .speak(.init(Self.cross)))
        #expect(limiter.finishedSpeaking(now: 6) == .none)
        #expect(limiter.tick(now: 8.5) == .speak(.init(Self.pull)))
    }

    @Test func waitingStateAndNextTick() {
        var limiter = CueLimiter(minimumGap: 4)
        #expect(limiter.cue(.init(text: "A", kind: .setup), now: 10) == .speak(.init(text: "A", kind: .setup)))
        #expect(limiter.isSpeaking)
        #expect(limiter.nextTick == nil)  // speaking: the end of the utterance comes first
        #expect(limiter.cue(.init(text: "B", kind: .startPosition), now: 10.5) == .none)
        #expect(limiter.pending?.text == "B")
        #expect(limiter.finishedSpeaking(now: 11) == .none)
        #expect(limiter.nextTick == 14)
        #expect(limiter.tick(now: 13.99) == .none)
        #expect(limiter.tick(now: 14) == .speak(.init(text: "B", kind: .startPosition)))
        #expect(limiter.nextTick == nil)
    }

    @Test func correctionsHaveTheHigherPriority() {
        for kind in CueKind.allCases {
            // A sensor gone or back (two sensors) is as urgent as a correction: which leg is coached now.
            let correction: Set<CueKind> = [.formError, .strapSlipped, .wrongSide, .sensor]
            #expect(CueLimiter.Priority(kind) == (correction.contains(kind) ? .formError : .guidance), "\(kind)")
        }
    }
}
