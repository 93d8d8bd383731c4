import FormcheckFeedback
import Testing

/// The cue limiter as a transcript: what arrives when, and what is said when (4 s gap).
@Suite struct CueLimiterTests {
    enum Input {
        case cue(String)
        case finished
        case tick
    }

    static let bouncing = FormError.bouncing.cue  // "Stop bouncing — hold still"
    static let tooFast = FormError.tooFast.cue  // "Gently, slower"

    /// (time in seconds, what happens, what the limiter says to speak then, or nil for nothing).
    static let transcript: [(Double, Input, String?)] = [
        (0.0, .cue("Raise your legs to forty-five degrees"), "Raise your legs to forty-five degrees"),
        (1.0, .cue("forty-five degrees — now cross your leg"), nil),  // speaking: waits
        (1.5, .cue("Now gently pull towards your chest"), nil),  // replaces the waiting cue
        (2.0, .finished, nil),  // done speaking, but the gap lasts until 4.0
        (3.0, .tick, nil),
        (3.5, .cue(bouncing), nil),  // a form error replaces the waiting guidance
        (3.8, .cue("Hold — thirty seconds left"), nil),  // a countdown does not replace a form error
        (4.0, .tick, bouncing),  // the gap is over
        (5.0, .finished, nil),
        (9.0, .cue("Hold — ten seconds left"), "Hold — ten seconds left"),  // 5 s after the last start
        (10.0, .cue("Switch legs"), nil),
        (11.0, .cue(tooFast), nil),  // the form error wins the slot
        (12.0, .cue("Done — release slowly"), nil),
        (14.0, .finished, tooFast),  // a long utterance: the gap was over when it ended
        (15.0, .finished, nil),
        (16.0, .cue("Now gently pull towards your chest"), nil),  // 2 s after the last start
        (17.9, .tick, nil),
        (18.5, .cue("Switch legs"), "Switch legs"),  // gap over: the newer cue, at once
        (18.6, .tick, nil),  // speaking; nothing waits
        (19.5, .finished, nil),
    ]

    @Test func transcriptWithAFourSecondGap() {
        var limiter = CueLimiter()
        #expect(limiter.minimumGap == 4)
        for (t, input, expected) in Self.transcript {
            let action: CueLimiter.Action
            switch input {
            case .cue(let text): action = limiter.cue(CueLimiter.Cue(text: text), now: t)
            case .finished: action = limiter.finishedSpeaking(now: t)
            case .tick: action = limiter.tick(now: t)
            }
            let said: String? = if case .speak(let cue) = action { cue.text } else { nil }
            #expect(said == expected, "at \(t) s after \(input)")
        }
        #expect(limiter.pending == nil)
        #expect(!limiter.isSpeaking)
    }

    @Test func waitingStateAndNextTick() {
        var limiter = CueLimiter(minimumGap: 4)
        #expect(limiter.cue(.init(text: "A"), now: 10) == .speak(.init(text: "A", priority: .guidance)))
        #expect(limiter.isSpeaking)
        #expect(limiter.nextTick == nil)  // speaking: the end of the utterance comes first
        #expect(limiter.cue(.init(text: "B"), now: 10.5) == .none)
        #expect(limiter.pending?.text == "B")
        #expect(limiter.finishedSpeaking(now: 11) == .none)
        #expect(limiter.nextTick == 14)
        #expect(limiter.tick(now: 13.99) == .none)
        #expect(limiter.tick(now: 14) == .speak(.init(text: "B", priority: .guidance)))
        #expect(limiter.nextTick == nil)
    }

    @Test func formErrorCuesAreRecognisedByTheirText() {
        for kind in FormError.allCases {
            #expect(CueLimiter.Cue(text: kind.cue).priority == .formError, "\(kind)")
        }
        #expect(CueLimiter.Cue(text: "Hold — thirty seconds left").priority == .guidance)
        #expect(CueLimiter.Cue(text: "Switch legs").priority == .guidance)
    }
}
