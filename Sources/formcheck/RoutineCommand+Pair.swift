import FormcheckFeedback

extension RoutineCommand {
    /// `formcheck routine NAME LEFT RIGHT`: the routine with a sensor on each thigh (its plan for two
    /// sensors: no strap moves, one-sided exercises watched on both legs).
    func runPair(left: String, right: String) async throws {
        let plan = try RoutineChoice.plan(routine, sensors: .two)
        try await PairedLive.run(plan: plan, devices: (left, right), record: record, speak: speak, format: format,
                                 height: height.map { $0 / 100 }, discovery: roots.discovery,
                                 example: "formcheck routine \(routine) %@ RIGHT-DEVICE")
    }
}
