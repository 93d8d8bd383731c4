import ArgumentParser
import FormcheckDevices
import FormcheckFeedback
import FormcheckFormats
import FormcheckHistory
import Foundation
import MotionCore

extension ReplayCommand {
    /// `replay SESSION.json --routine NAME|FILE` or `replay SESSION.json --exercise X`: a session of
    /// two sensors (`SessionFile`: a recording per thigh), each recording put back on the kernel
    /// clock it was read on and the pair replayed as `formcheck routine NAME LEFT RIGHT` (or `live
    /// LEFT RIGHT --exercise X`) coached it, as fast as it can be read; text or JSON Lines
    /// (`RoutineEvent+JSON.swift`). A session in which not one exercise was done is bad data (65).
    /// With `store` (--save) each session file is a session of the history — dated --date or the
    /// session file's modification time, both devices and both recordings in it — every exercise
    /// (each leg's attempt) saved as it ends; Ctrl-C ends the replay there (the exercise under way
    /// as stopped) and closes the session. `--plan-date` replays with that day's doses. The sides
    /// are taken as live took them (the session file's `sides`; without it a Joy-Con L and R by
    /// their names kept, anything else told from the movement: `PairSideCheck`), so a pair swapped
    /// live is swapped again here.
    func replaySessions(store: HistoryStore?) throws {
        guard files.allSatisfy(SessionFile.isSessionPath) else {
            throw ValidationError("give session files (.json) or recordings, not both")
        }
        if realtime || speak || speakTo != nil {
            throw ValidationError("a session of two sensors replays as fast as possible: leave out --realtime, --speak and --speak-to")
        }
        var plan: RoutinePlan
        if let routine {
            if options.exercise != nil || options.protocolFile != nil {
                throw ValidationError("give --routine or --exercise/--protocol, not both: the routine names its exercises")
            }
            plan = try RoutineChoice.plan(routine, sensors: .two)
            if let planDate {
                // The doses the plan gave that day (the history saved in, else --db's if it exists).
                let (chosen, targets) = try PlanChoice.todaysRoutine(plan.routine, store: try store ?? history.existingStore(),
                                                                     rules: try planOptions.load(), day: planDate)
                if let targets { printError("formcheck: " + PlanChoice.notice(targets)) }
                plan = try RoutineChoice.plan(of: chosen, sensors: .two)
            }
        } else {
            let exercise = try options.loadProtocol()
            plan = RoutineChoice.pairPlan(exercise, hold: options.hold, firstSide: options.side)
        }
        let distance = try walkingDistance(store)
        let stop = StopFlag()
        let signals = SignalStop.install { stop.set() }
        defer { SignalStop.restore(signals) }
        var unusable: [String] = []
        for file in files {
            var readings: [Side: [PairedReading]] = [:]
            var devices: [String] = []
            var recordings: [String] = []
            var sides = PairSideCheck.Mode.fromMovement
            do {
                let session = try SessionFile.load(file)
                switch session.sides {
                case .named: sides = .fixed
                case .given: sides = .fromMovement
                case nil:
                    if let l = session.entry(.left), let r = session.entry(.right),
                       PairAssignment.of(.init(name: l.device, vendor: 0, product: 0), .init(name: r.device, vendor: 0, product: 0)).reason == .joyConHands {
                        sides = .fixed
                    }
                }
                for entry in session.recordings.sorted(by: { $0.side == .left && $1.side == .right }) {
                    let path = SessionFile.path(of: entry, besides: file)
                    let recording = try Recording(path: path)
                    readings[entry.side] = try PairedFeed.readings(of: recording, side: entry.side, start: entry.start)
                    devices.append(SessionHistory.device(name: entry.device, uniq: entry.uniq))
                    recordings.append(Self.absolute(path))
                }
            } catch { throw fail(error) }
            if files.count > 1 && format == .text { print("== \(file)") }
            let saving = store.map {
                SessionHistory(store: $0, record: pairRecord(file, devices: devices, recordings: recordings, routine: routine.map { _ in plan.routine.name }),
                               recorder: .pair(), beginNow: false)
            }
            var now = 0.0
            let summary = PairedRoutineSession.replay(
                left: readings[.left] ?? [], right: readings[.right] ?? [], plan: plan, estimator: OrientationFilter(),
                height: distance.height, stride: distance.stride, sides: sides, stop: { stop.isSet },
                sampled: { side, t, flexion in
                    now = t
                    saving?.sample(side: side, t: t, flexion: flexion)
                }) { e in
                    print(format == .json ? e.jsonLine : TextReport.text(for: e))
                    saving?.routineEvent(e)
                }
            try saving?.close(painAfter: nil, recordings: recordings, duration: max(now, summary?.t ?? 0), later: nil)
            if stop.isSet { break }
            // A routine: at least one of its exercises done to its dose. One exercise: something of it
            // coached (a hold, a rep, a step) on either leg.
            let coached = summary?.steps.contains { routine != nil ? $0.ending == .done
                : !$0.summary.holds.isEmpty || !($0.summary.reps ?? []).isEmpty || ($0.summary.steps ?? 0) > 0 } ?? false
            if !coached {
                printError("formcheck: \(file): " + (routine != nil ? "no exercise of routine \(plan.routine.name) was done to its dose"
                                                     : "nothing recognisable as \(plan.routine.name) on either leg") + "\n"
                           + "  fix: check --routine or --exercise ('formcheck routines NAME' says what a routine expects, in order)")
                unusable.append(file)
            }
        }
        if !unusable.isEmpty { throw ExitCode(65) }
    }

    /// The session a replayed pair is saved as: dated `--date` or the session file's modification
    /// time, the two devices and recordings (left first), the pain given.
    func pairRecord(_ file: String, devices: [String], recordings: [String], routine: String?) -> SessionRecord {
        let modified = (try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate]) as? Date
        return SessionRecord(startedAt: date ?? modified ?? Date(), kind: .replay, routine: routine, devices: devices,
                             painBefore: pain.pain, painAfter: pain.painAfter, recordings: recordings.map { RecordingReference(path: $0) })
    }

    /// A path as the history keeps it: absolute.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
