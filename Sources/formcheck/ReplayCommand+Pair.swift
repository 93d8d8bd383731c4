import ArgumentParser
import FormcheckDevices
import FormcheckFeedback
import FormcheckFormats
import Foundation
import MotionCore

extension ReplayCommand {
    /// `replay SESSION.json --routine NAME|FILE` or `replay SESSION.json --exercise X`: a session of
    /// two sensors (`SessionFile`: a recording per thigh), each recording put back on the kernel
    /// clock it was read on and the pair replayed as `formcheck routine NAME LEFT RIGHT` (or `live
    /// LEFT RIGHT --exercise X`) coached it, as fast as it can be read; text or JSON Lines
    /// (`RoutineEvent+JSON.swift`). A session in which not one exercise was done is bad data (65).
    func replaySessions() throws {
        guard files.allSatisfy(SessionFile.isSessionPath) else {
            throw ValidationError("give session files (.json) or recordings, not both")
        }
        if realtime || speak || speakTo != nil {
            throw ValidationError("a session of two sensors replays as fast as possible: leave out --realtime, --speak and --speak-to")
        }
        let plan: RoutinePlan
        if let routine {
            if options.exercise != nil || options.protocolFile != nil {
                throw ValidationError("give --routine or --exercise/--protocol, not both: the routine names its exercises")
            }
            plan = try RoutineChoice.plan(routine, sensors: .two)
        } else {
            let exercise = try options.loadProtocol()
            plan = RoutineChoice.pairPlan(exercise, hold: options.hold, firstSide: options.side)
        }
        var unusable: [String] = []
        for file in files {
            var readings: [Side: [PairedReading]] = [:]
            do {
                let session = try SessionFile.load(file)
                for entry in session.recordings {
                    let recording = try Recording(path: SessionFile.path(of: entry, besides: file))
                    readings[entry.side] = try PairedFeed.readings(of: recording, side: entry.side, start: entry.start)
                }
            } catch { throw fail(error) }
            if files.count > 1 && format == .text { print("== \(file)") }
            let summary = PairedRoutineSession.replay(left: readings[.left] ?? [], right: readings[.right] ?? [], plan: plan,
                                                      estimator: OrientationFilter(), height: options.height.map { $0 / 100 }) { e in
                print(format == .json ? e.jsonLine : TextReport.text(for: e))
            }
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
}
