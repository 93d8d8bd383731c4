import ArgumentParser
import FormcheckFeedback
import MotionCore

extension LiveCommand {
    /// `formcheck live LEFT RIGHT --exercise X`: the exercise with a sensor on each thigh, coached
    /// as a routine of that one exercise (`PairedLive`): a stretch or a one-legged strengthening
    /// exercise on each leg in turn (`--side` first, the right by default), a bridge, a sit-to-stand
    /// or a walk on both legs at once. Its output is a routine's (`RoutineEvent+JSON.swift`); it is
    /// saved in the history as a `live` session, each leg's attempt an exercise.
    func runPair(left: String, right: String, explicit: Bool) async throws {
        if speakTo != nil || options.calibration != nil {
            throw ValidationError("with two devices, leave out --speak-to and --calibration (each thigh's strap calibrates itself)")
        }
        let exercise = try options.loadProtocol()
        let plan = RoutineChoice.pairPlan(exercise, hold: options.hold, firstSide: options.side)
        let saving = PairedLive.Saving(kind: .live, routine: nil,
                                       replayArguments: "--exercise \(exercise.name)" + (options.hold.map { " --hold \(FormcheckFeedback.DecimalText.trimmed($0, 1))" } ?? "")
                                           + " --side \(options.side.rawValue)")
        try await PairedLive.run(plan: { _ in plan }, devices: (left, right), explicit: explicit, record: record, format: format,
                                 height: options.height, setup: shared.setup(example: "formcheck live %@ RIGHT-DEVICE --exercise \(exercise.name)"),
                                 saving: saving)
    }
}
