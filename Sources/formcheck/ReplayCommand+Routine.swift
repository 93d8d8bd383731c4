import ArgumentParser
import FormcheckFeedback
import FormcheckHistory
import FormcheckFormats
import Foundation
import MotionCore

extension ReplayCommand {
    /// `replay FILE --routine NAME|FILE`: each recording as one guided routine (its exercises,
    /// sides and strap moves the routine's), text or JSON Lines (`RoutineEvent+JSON.swift`).
    /// A recording in which not one exercise of the routine was done is bad data (exit 65). With
    /// `store` (--save) each recording is a session, every exercise saved as it ends; Ctrl-C ends
    /// the replay there (the exercise under way as stopped) and closes the session.
    func replayRoutine(_ name: String, store: HistoryStore?) throws {
        if options.exercise != nil || options.protocolFile != nil {
            throw ValidationError("give --routine or --exercise/--protocol, not both: the routine names its exercises")
        }
        if realtime || speak || speakTo != nil {
            throw ValidationError("--routine replays as fast as possible: leave out --realtime, --speak and --speak-to")
        }
        var plan = try RoutineChoice.plan(name)
        if let planDate {
            // The doses the plan gave that day (the history saved in, else --db's if it exists).
            let (chosen, targets) = try PlanChoice.todaysRoutine(plan.routine, store: try store ?? history.existingStore(),
                                                                 rules: try planOptions.load(), day: planDate)
            if let targets { printError("formcheck: " + PlanChoice.notice(targets)) }
            plan = try RoutineChoice.plan(of: chosen)
        }
        let distance = try walkingDistance(store)
        let stop = StopFlag()
        let signals = SignalStop.install { stop.set() }
        defer { SignalStop.restore(signals) }
        var unusable: [String] = []
        for file in files {
            let recording: Recording
            do { recording = try csvUnits.open(file) } catch { throw fail(error) }
            if files.count > 1 && format == .text { print("== \(file)") }
            let saving = store.map {
                SessionHistory(store: $0, record: sessionRecord(file, recording, kind: .replay, routine: plan.routine.name),
                               recorder: .routine(), beginNow: false)
            }
            var summary: RoutineSummary?
            func emit(_ e: RoutineEvent) {
                if case .summary(let s) = e { summary = s }
                print(format == .json ? e.jsonLine : TextReport.text(for: e))
                saving?.routineEvent(e)
            }
            var session = RoutineSession(plan: plan, estimator: OrientationFilter(), height: distance.height, stride: distance.stride)
            // Streamed: each reading is coached as it is read; the rest of the file is not read
            // once the routine is done (or Ctrl-C).
            do {
                _ = try recording.readReadings(while: { r in
                    if stop.isSet { return false }
                    for e in session.consume(r) { emit(e) }
                    if let saving, case .sample = r { saving.sample(t: session.now, flexion: session.status?.flexion) }
                    return !session.isDone
                })
            } catch { throw fail(error) }
            for e in session.finish() { emit(e) }
            try saving?.close(painAfter: nil, recordings: [file], duration: session.now, later: nil)
            if stop.isSet { break }
            if let summary, !summary.steps.contains(where: { $0.ending == .done }) {
                printError("formcheck: \(file): no exercise of routine \(plan.routine.name) was done to its dose\n"
                           + "  fix: check --routine ('formcheck routines \(plan.routine.name)' says what it expects, in order)")
                unusable.append(file)
            }
        }
        if !unusable.isEmpty { throw ExitCode(65) }
    }
}
