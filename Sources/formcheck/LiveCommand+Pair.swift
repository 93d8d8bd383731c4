import ArgumentParser
import FormcheckFeedback
import MotionCore

extension LiveCommand {
    /// `formcheck live LEFT RIGHT --exercise X`: the exercise with a sensor on each thigh, coached
    /// as a routine of that one exercise (`PairedLive`): a stretch or a one-legged strengthening
    /// exercise on each leg in turn (`--side` first, the right by default), a bridge, a sit-to-stand
    /// or a walk on both legs at once. Its output is a routine's (`RoutineEvent+JSON.swift`).
    func runPair(left: String, right: String) async throws {
        if speakTo != nil || options.calibration != nil {
            throw ValidationError("with two devices, leave out --speak-to and --calibration (each thigh's strap calibrates itself)")
        }
        let exercise = try options.loadProtocol()
        let plan = RoutineChoice.pairPlan(exercise, hold: options.hold, firstSide: options.side)
        try await PairedLive.run(plan: plan, devices: (left, right), record: record, speak: speak, format: format,
                                 height: options.height.map { $0 / 100 }, discovery: roots.discovery,
                                 example: "formcheck live %@ RIGHT-DEVICE --exercise \(exercise.name)")
    }
}
