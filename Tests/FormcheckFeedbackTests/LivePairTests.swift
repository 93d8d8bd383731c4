import FormcheckFeedback
import FormcheckDevices
import FormcheckFormats
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// `formcheck routine NAME LEFT RIGHT`'s path: the pair-short scenario (a hamstring stretch on each
/// leg, then two bridges on both legs; a Joy-Con on each thigh) through `PairedRoutineRunner`, its
/// two nodes' events handed out in the order of their kernel times (`Lockstep`: as the kernel
/// delivers two devices' frames), against `replay SESSION.json` of the same recordings; the
/// recordings and session file it writes; and a sensor unplugged during the other leg's exercise.
@Suite struct LivePairTests {
    struct Fixture {
        var pair: ScenarioPair
        var rendering: ScenarioPair.Rendering
        /// Each node's events on the kernel clock (the session file's starts put back).
        var events: [Side: [InputEvent]]
        var plan: RoutinePlan
        var replayed: [RoutineEvent]
    }

    static let short = Result { () throws -> Fixture in
        let pair = try #require(ScenarioLibrary.namedPair("routine-pair-short"))
        let r = pair.render()
        var events: [Side: [InputEvent]] = [:]
        for side in [Side.left, .right] {
            let shift = (r.session.entry(side)?.start ?? 1) - 1
            events[side] = try Recording(bytes: Array(r.rendering(side).evemuText().utf8), path: "x.evemu").events().map {
                InputEvent(time: $0.time + shift, type: $0.type, code: $0.code, value: $0.value)
            }
        }
        let plan = try RoutinePlan(RoutineLibrary.load(RoutineSessionTests.routines + "/pair-short.json"), sensors: .two) { try ExerciseLibrary.named($0) }
        let readings = try RoutineScenarioTests.pairedReadings(r, path: pair.name)
        var replayed: [RoutineEvent] = []
        PairedRoutineSession.replay(left: readings[.left] ?? [], right: readings[.right] ?? [], plan: plan,
                                    estimator: OrientationFilter()) { replayed.append($0) }
        return Fixture(pair: pair, rendering: r, events: events, plan: plan, replayed: replayed)
    }

    /// Two nodes' events handed out one at a time in the order of their kernel times, each only once
    /// the reader of the one before has come back for more (so it has passed that one on): the two
    /// streams reach the runner in the order the kernel would deliver them, whatever the threads do.
    /// A side's events may end with "gone" (the node is unplugged there).
    final class Lockstep: @unchecked Sendable {
        enum Item: Sendable {
            case event(InputEvent)
            case gone
        }

        private let lock = NSLock()
        private var items: [(side: Side, item: Item)]
        private var next = 0
        private var waiting: [Side: CheckedContinuation<Item?, Never>] = [:]

        init(_ items: [(side: Side, item: Item)]) {
            self.items = items
        }

        /// The next item of `side`'s node (nil: none left), when its turn comes.
        func take(_ side: Side) async -> Item? {
            await withCheckedContinuation { (c: CheckedContinuation<Item?, Never>) in
                let resume: [(CheckedContinuation<Item?, Never>, Item?)] = lock.withLock {
                    waiting[side] = c
                    return dispatch()
                }
                for (c, item) in resume { c.resume(returning: item) }
            }
        }

        /// Hands the next item to its side if that side is waiting (and ends a side with nothing
        /// left). After "gone" (no event to pass on) the next goes out at once too.
        private func dispatch() -> [(CheckedContinuation<Item?, Never>, Item?)] {
            var out: [(CheckedContinuation<Item?, Never>, Item?)] = []
            while true {
                for side in [Side.left, .right] where waiting[side] != nil && !items[next...].contains(where: { $0.side == side }) {
                    out.append((waiting.removeValue(forKey: side)!, nil))
                }
                guard next < items.count, let c = waiting.removeValue(forKey: items[next].side) else { return out }
                let item = items[next].item
                out.append((c, item))
                next += 1
                guard case .gone = item else { return out }
            }
        }

        /// A node's stream: its items until "gone" (then it throws as an unplugged node does) or the end.
        func stream(_ side: Side) -> AsyncThrowingStream<InputEvent, any Error> {
            AsyncThrowingStream { continuation in
                let task = Task {
                    while let item = await self.take(side) {
                        switch item {
                        case .event(let e): continuation.yield(e)
                        case .gone:
                            continuation.finish(throwing: InputError(.deviceGone, path: "/dev/input/event9", "the device disappeared"))
                            return
                        }
                    }
                    continuation.finish()
                }
                continuation.onTermination = { _ in task.cancel() }
            }
        }
    }

    /// Both nodes' events in kernel-time order (the left first on a tie); `cut` removes the left's
    /// events in a window and marks it gone at its start (unplugged there, back at its end).
    static func lockstep(_ f: Fixture, unplugLeft cut: Range<Int64>? = nil, endLeftAt end: Int64? = nil) -> Lockstep {
        var items: [(side: Side, item: Lockstep.Item, time: Int64)] = []
        for side in [Side.left, .right] {
            var marked = false
            for e in f.events[side] ?? [] {
                if side == .left, let end, e.time >= end { break }
                if side == .left, let cut, cut.contains(e.time) {
                    if !marked { items.append((side, .gone, e.time)) }
                    marked = true
                    continue
                }
                items.append((side, .event(e), e.time))
            }
            if side == .left, end != nil { items.append((side, .gone, end ?? 0)) }
        }
        items.sort { $0.time < $1.time || ($0.time == $1.time && $0.side == .left && $1.side == .right) }
        return Lockstep(items.map { ($0.side, $0.item) })
    }

    static func connection(_ side: Side, _ f: Fixture, _ lockstep: Lockstep, uniq: String?) -> LiveConnection {
        let d = f.rendering.rendering(side).description
        return LiveConnection(events: lockstep.stream(side), description: d, initialValues: d.absInfo.mapValues(\.value),
                              path: "/dev/input/event\(side == .left ? 8 : 9)", uniq: uniq)
    }

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("formcheck-pair-\(UUID().uuidString)-\(name)").path
    }

    @Test func liveGivesTheEventsOfTheReplayAndRecordsThePair() async throws {
        let f = try Self.short.get()
        let sessionPath = Self.temporary("s.json")
        var recordings: [Side: RecordingFile] = [:]
        for side in [Side.left, .right] {
            recordings[side] = try RecordingFile(path: SessionFile.recordingPath(side, sessionPath: sessionPath), description: f.rendering.rendering(side).description)
        }
        defer {
            for side in [Side.left, .right] { try? FileManager.default.removeItem(atPath: SessionFile.recordingPath(side, sessionPath: sessionPath)) }
            try? FileManager.default.removeItem(atPath: sessionPath)
        }
        let lockstep = Self.lockstep(f)
        var runner = PairedRoutineRunner(session: PairedRoutineSession(plan: f.plan, estimator: OrientationFilter()), recordings: recordings)
        var live: [RoutineEvent] = []
        var both = 0
        let summary = try await runner.run(left: Self.connection(.left, f, lockstep, uniq: nil), right: Self.connection(.right, f, lockstep, uniq: nil),
                                           reconnect: nil, emit: { e, _ in live.append(e) }, notice: { _ in }, recorded: { both += 1 })
        // Event for event the replay's, at the same times.
        #expect(live.map(LiveRoutineTests.kind) == f.replayed.map(LiveRoutineTests.kind))
        let worst = zip(live, f.replayed).map { abs($0.time - $1.time) }.max() ?? .infinity
        #expect(worst <= 1e-9, "worst time difference \(worst) s")
        #expect(summary.complete && summary.steps.map(\.exercise) == ["hamstring", "hamstring", "bridge", "bridge"])
        #expect(summary.symmetry.map(\.exercise) == ["hamstring", "bridge"])
        #expect(!runner.deviceLost && both == 1)
        #expect(throws: Never.self) { try SessionEventJSON.validate(routine: live.map(\.jsonLine)) }
        // The recordings and the session file: `replay SESSION.json` gives the same routine.
        for r in recordings.values { try r.close() }
        let session = SessionFile(recordings: [Side.left, .right].map { side in
            SessionFile.Entry(side: side, file: (SessionFile.recordingPath(side, sessionPath: sessionPath) as NSString).lastPathComponent,
                              device: f.rendering.rendering(side).description.name, uniq: nil, start: recordings[side]?.firstEventTime)
        })
        #expect(session.entry(.left)?.start == f.rendering.session.entry(.left)?.start)
        #expect(session.entry(.right)?.start == f.rendering.session.entry(.right)?.start)
        try session.write(to: sessionPath)
        let back = try SessionFile.load(sessionPath)
        var readings: [Side: [PairedReading]] = [:]
        for e in back.recordings {
            readings[e.side] = try PairedFeed.readings(of: Recording(path: SessionFile.path(of: e, besides: sessionPath)), side: e.side, start: e.start)
        }
        var again: [RoutineEvent] = []
        PairedRoutineSession.replay(left: readings[.left] ?? [], right: readings[.right] ?? [], plan: f.plan, estimator: OrientationFilter()) { again.append($0) }
        #expect(again.map(\.jsonLine) == live.map(\.jsonLine))
    }

    /// The two given the wrong way round as ones that nothing tells apart (`sides: .fromMovement`):
    /// live, the right leg's hamstring (step 1) swaps them — said, and on stderr (`notice`) — and
    /// every event is the replay's of the same recordings given so, at the same times; the summary
    /// is the one given the right way round.
    @Test func liveGivenTheWrongWayRoundSwapsAsTheReplayDoes() async throws {
        let f = try Self.short.get()
        var crossed = f
        crossed.events = [.left: f.events[.right] ?? [], .right: f.events[.left] ?? []]
        let lockstep = Self.lockstep(crossed)
        func connection(_ given: Side) -> LiveConnection {
            let d = f.rendering.rendering(given.opposite).description
            return LiveConnection(events: lockstep.stream(given), description: d, initialValues: d.absInfo.mapValues(\.value),
                                  path: "/dev/input/event\(given == .left ? 8 : 9)", uniq: nil)
        }
        var runner = PairedRoutineRunner(session: PairedRoutineSession(plan: f.plan, estimator: OrientationFilter(), sides: .fromMovement))
        var live: [RoutineEvent] = []
        var notices: [String] = []
        let summary = try await runner.run(left: connection(.left), right: connection(.right), reconnect: nil,
                                           emit: { e, _ in live.append(e) }, notice: { notices.append($0) })
        let readings = try RoutineScenarioTests.givenTheOtherWayRound(RoutineScenarioTests.pairedReadings(f.rendering, path: f.pair.name))
        var replayed: [RoutineEvent] = []
        PairedRoutineSession.replay(left: readings[.left] ?? [], right: readings[.right] ?? [], plan: f.plan, estimator: OrientationFilter(),
                                    sides: .fromMovement) { replayed.append($0) }
        #expect(live.map(LiveRoutineTests.kind) == replayed.map(LiveRoutineTests.kind))
        let worst = zip(live, replayed).map { abs($0.time - $1.time) }.max() ?? .infinity
        #expect(worst <= 1e-9, "worst time difference \(worst) s")
        #expect(RoutineScenarioTests.sideCues(live).map(\.cue) == [.sensorSides(firstOn: .right, swapped: true)])
        #expect(notices == ["The first sensor is on your right thigh, the second on your left — carrying on so"])
        #expect(runner.session.swapped && runner.session.thigh(of: .left) == .right)
        #expect(summary.complete && summary.steps.map { "\($0.exercise) \($0.side)" } == ["hamstring right", "hamstring left", "bridge left", "bridge right"])
        let straight = f.replayed.compactMap { e -> RoutineSummary? in if case .summary(let s) = e { s } else { nil } }.last
        #expect(summary.steps.map(\.summary.holds.count) == straight?.steps.map(\.summary.holds.count))
        #expect(summary.steps.map { $0.summary.reps?.count } == straight?.steps.map { $0.summary.reps?.count })
    }

    /// The left Joy-Con unplugged for 3 s during the right leg's hamstring (step 1, the left resting),
    /// then back with the same uniq: said, the right leg's coaching unchanged, the left found again
    /// and its own step (2) coached as without the outage.
    @Test func oneSensorUnpluggedTheOtherGoesOn() async throws {
        let f = try Self.short.get()
        let truth = f.rendering.right.truth
        let hold = try #require(truth.holds.first)  // the right leg's hamstring hold
        let t0 = f.events[.left]?.first?.time ?? 0
        let from = t0 + Int64((hold.start + 2) * 1e6)
        let lockstep = Self.lockstep(f, unplugLeft: from..<(from + 3_000_000))
        var runner = PairedRoutineRunner(session: PairedRoutineSession(plan: f.plan, estimator: OrientationFilter()))
        var events: [RoutineEvent] = []
        var notices: [String] = []
        let summary = try await runner.run(
            left: Self.connection(.left, f, lockstep, uniq: "98:B6:E9:00:00:11"), right: Self.connection(.right, f, lockstep, uniq: "98:B6:E9:00:00:22"),
            reconnect: { side, uniq in
                #expect(side == .left && uniq == "98:B6:E9:00:00:11")
                return Self.connection(.left, f, lockstep, uniq: uniq)
            }, emit: { e, _ in events.append(e) }, notice: { notices.append($0) })
        #expect(notices == ["the left sensor disappeared (98:B6:E9:00:00:11); waiting for it to come back — the right leg's coaching goes on",
                            "the left sensor is back (/dev/input/event8); carrying on"])
        #expect(!runner.deviceLost && summary.complete)
        // The right leg's step as without the outage; the left's own step too (its hold found).
        guard case .summary(let reference)? = f.replayed.last else {
            Issue.record("no routine summary in the replay")
            return
        }
        #expect(summary.steps.map(\.ending) == reference.steps.map(\.ending))
        for (a, b) in zip(summary.steps, reference.steps) where a.number <= 2 {
            #expect(a.summary.holds.count == 1 && b.summary.holds.count == 1)
            if let h = a.summary.holds.first, let r = b.summary.holds.first {
                #expect(abs(h.start - r.start) <= TruthAngleSessionTests.boundaryTolerance && abs(h.end - r.end) <= TruthAngleSessionTests.boundaryTolerance,
                        "step \(a.number) \(a.side): \(h.start)–\(h.end) vs \(r.start)–\(r.end)")
            }
        }
        #expect(throws: Never.self) { try SessionEventJSON.validate(routine: events.map(\.jsonLine)) }
    }

    /// The left Joy-Con gone for good (no uniq to wait for) during the right leg's step: said, and the
    /// right leg's step is still coached to its end; the left's step then waits for a sensor that
    /// does not come (the routine ends when the right's stream does, stopped, the device lost).
    @Test func aSensorGoneForGoodLeavesTheOtherLeg() async throws {
        let f = try Self.short.get()
        let hold = try #require(f.rendering.right.truth.holds.first)
        let t0 = f.events[.left]?.first?.time ?? 0
        let lockstep = Self.lockstep(f, endLeftAt: t0 + Int64((hold.start + 2) * 1e6))
        var runner = PairedRoutineRunner(session: PairedRoutineSession(plan: f.plan, estimator: OrientationFilter()))
        var notices: [String] = []
        var events: [RoutineEvent] = []
        let summary = try await runner.run(left: Self.connection(.left, f, lockstep, uniq: nil), right: Self.connection(.right, f, lockstep, uniq: nil),
                                           reconnect: nil, emit: { e, _ in events.append(e) }, notice: { notices.append($0) })
        #expect(notices == ["the left sensor disappeared; the right leg's coaching goes on"])
        #expect(runner.deviceLost && !summary.complete)
        // Not said while the right leg's step went on (the left led nothing); said when the left's own step began.
        let sensorCues = events.compactMap { e -> Cue? in
            if case .session(.cue(_, let c)) = e, c.kind == .sensor { return c }
            return nil
        }
        #expect(sensorCues == [.sensorGone(.left, carryingOn: nil)])
        #expect(CueCatalogue.english.text(.sensorGone(.left, carryingOn: nil)) == "The left sensor has gone — waiting for it to come back")
        #expect(summary.steps.first?.ending == .done && summary.steps.first?.summary.holds.count == 1)
        #expect(summary.steps.dropFirst().first.map { $0.number == 2 && $0.ending == .stopped } == true)
        #expect(throws: Never.self) { try SessionEventJSON.validate(routine: events.map(\.jsonLine)) }
    }

    /// The left Joy-Con — the bridge's leading leg — gone for good just after the bridge's first
    /// rep began on it: said ("carrying on with the right leg"), the right leg's session takes
    /// over aloud — its count the one heard, its dose (2 reps) ends the step — and the routine is
    /// complete, the left's attempt with what it had, the device lost.
    @Test func theLeadingSensorGoneTheOtherLegLeads() async throws {
        let f = try Self.short.get()
        let truth = f.rendering.left.truth
        let bridge = try #require(truth.exercises?.first { $0.exercise == "bridge" && $0.side == .left })
        let rep = try #require(truth.reps?.first { $0.start >= bridge.start })
        let t0 = f.events[.left]?.first?.time ?? 0
        let lockstep = Self.lockstep(f, endLeftAt: t0 + Int64((rep.start + 0.3) * 1e6))
        var runner = PairedRoutineRunner(session: PairedRoutineSession(plan: f.plan, estimator: OrientationFilter()))
        var notices: [String] = []
        var events: [RoutineEvent] = []
        let summary = try await runner.run(left: Self.connection(.left, f, lockstep, uniq: nil), right: Self.connection(.right, f, lockstep, uniq: nil),
                                           reconnect: nil, emit: { e, _ in events.append(e) }, notice: { notices.append($0) })
        #expect(notices == ["the left sensor disappeared; the right leg's coaching goes on"])
        #expect(runner.deviceLost && summary.complete)
        #expect(summary.steps.map { "\($0.number) \($0.side) \($0.ending)" } == ["1 right done", "2 left done", "3 left done", "3 right done"])
        #expect(summary.steps.last?.summary.reps?.filter(\.complete).count == 2)
        #expect(summary.steps.dropLast().last?.summary.reps?.filter(\.complete).isEmpty ?? true)
        // What was said in the bridge: the sensor gone, then the right leg's count, once.
        let bridgeCues = PairedRoutineSessionTests.cues(events, step: 3)
        let gone = try #require(bridgeCues.firstIndex(of: .sensorGone(.left, carryingOn: .right)), "\(bridgeCues)")
        #expect(bridgeCues.filter { $0.kind == .repCount } == [.repCount(1), .repCount(2)])
        #expect(bridgeCues.firstIndex(of: .repCount(1)).map { $0 > gone } == true)
        #expect(!bridgeCues.contains { if case .otherLeg = $0 { true } else { false } })
        #expect(CueCatalogue.english.text(.sensorGone(.left, carryingOn: .right)) == "The left sensor has gone — carrying on with the right leg")
        #expect(throws: Never.self) { try SessionEventJSON.validate(routine: events.map(\.jsonLine)) }
    }

    /// The bridge's leading Joy-Con (the left) unplugged for 3 s during its first rep, then back
    /// (found again at once here: the lockstep hands its events on only when their turn comes): the
    /// right leg takes over aloud and keeps the lead, the left's return is said, the count is the
    /// right's, once, and the step ends on the right's dose.
    @Test func theLeadingSensorBackKeepsTheOtherLeading() async throws {
        let f = try Self.short.get()
        let truth = f.rendering.left.truth
        let bridge = try #require(truth.exercises?.first { $0.exercise == "bridge" && $0.side == .left })
        let rep = try #require(truth.reps?.first { $0.start >= bridge.start })
        let t0 = f.events[.left]?.first?.time ?? 0
        let from = t0 + Int64((rep.start + 0.3) * 1e6)
        let lockstep = Self.lockstep(f, unplugLeft: from..<(from + 3_000_000))
        var runner = PairedRoutineRunner(session: PairedRoutineSession(plan: f.plan, estimator: OrientationFilter()))
        var live: [RoutineEvent] = []
        let summary = try await runner.run(
            left: Self.connection(.left, f, lockstep, uniq: "98:B6:E9:00:00:11"), right: Self.connection(.right, f, lockstep, uniq: "98:B6:E9:00:00:22"),
            reconnect: { _, uniq in Self.connection(.left, f, lockstep, uniq: uniq) }, emit: { e, _ in live.append(e) }, notice: { _ in })
        #expect(!runner.deviceLost && summary.complete)
        let bridgeCues = PairedRoutineSessionTests.cues(live, step: 3)
        let gone = try #require(bridgeCues.firstIndex(of: .sensorGone(.left, carryingOn: .right)), "\(bridgeCues)")
        let back = try #require(bridgeCues.firstIndex(of: .sensorBack(.left)), "\(bridgeCues)")
        #expect(gone < back)
        #expect(bridgeCues.filter { $0.kind == .repCount } == [.repCount(1), .repCount(2)])
        #expect(CueCatalogue.english.text(.sensorBack(.left)) == "The left sensor is back")
        #expect(summary.steps.map { "\($0.number) \($0.side) \($0.ending)" } == ["1 right done", "2 left done", "3 left done", "3 right done"])
        #expect(summary.steps.last?.summary.reps?.filter(\.complete).count == 2)
        #expect(throws: Never.self) { try SessionEventJSON.validate(routine: live.map(\.jsonLine)) }
    }
}
