import ArgumentParser
import FormcheckFeedback
import FormcheckInput
import Foundation
import MotionCore

extension ReplayCommand {
    /// `replay FILE --routine NAME|FILE`: each recording as one guided routine (its exercises,
    /// sides and strap moves the routine's), text or JSON Lines (`RoutineEvent+JSON.swift`).
    /// A recording in which not one exercise of the routine was done is bad data (exit 65).
    func replayRoutine(_ name: String) throws {
        if options.exercise != nil || options.protocolFile != nil {
            throw ValidationError("give --routine or --exercise/--protocol, not both: the routine names its exercises")
        }
        if realtime || speak || speakTo != nil {
            throw ValidationError("--routine replays as fast as possible: leave out --realtime, --speak and --speak-to")
        }
        var plan = try RoutineChoice.plan(name)
        if let planDate {
            let (chosen, targets) = try PlanChoice.todaysRoutine(plan.routine, history: history, rules: try planOptions.load(), day: planDate)
            if let targets { printError("formcheck: " + PlanChoice.notice(targets)) }
            plan = try RoutineChoice.plan(of: chosen)
        }
        let distance = try walkingDistance()
        var unusable: [String] = []
        for file in files {
            let recording: Recording
            do { recording = try csvUnits.open(file) } catch { throw fail(error) }
            let readings: [SensorReading]
            do { readings = try recording.readAll().readings } catch { throw fail(error) }
            if files.count > 1 && format == .text { print("== \(file)") }
            let summary = RoutineSession.replay(readings, plan: plan, estimator: OrientationFilter(), height: distance.height,
                                                stride: distance.stride) { e in
                print(format == .json ? e.jsonLine : TextReport.text(for: e))
            }
            if let summary, !summary.steps.contains(where: { $0.ending == .done }) {
                printError("formcheck: \(file): no exercise of routine \(plan.routine.name) was done to its dose\n"
                           + "  fix: check --routine ('formcheck routines \(plan.routine.name)' says what it expects, in order)")
                unusable.append(file)
            }
        }
        if !unusable.isEmpty { throw ExitCode(65) }
    }
}
