import FormcheckFeedback
import Foundation

extension RoutineCommand {
    /// `formcheck routine NAME LEFT RIGHT`: the routine with a sensor on each thigh (its plan for two
    /// sensors: no strap moves, one-sided exercises watched on both legs), with today's doses from
    /// the plan as with one sensor (`--no-plan`: the routine's own), saved in the history as it goes.
    func runPair(left: String, right: String, explicit: Bool) async throws {
        let own = try RoutineChoice.routine(routine)
        _ = try RoutineChoice.plan(of: own, sensors: .two)
        let rules = try planOptions.load()
        let saving = PairedLive.Saving(kind: .routine, routine: own.name, replayArguments: "--routine \(routine)")
        try await PairedLive.run(plan: { reading in
            let (chosen, targets) = noPlan ? (own, nil) : try PlanChoice.todaysRoutine(own, store: reading, rules: rules, day: Date())
            if let targets { printError("formcheck: " + PlanChoice.notice(targets)) }
            return try RoutineChoice.plan(of: chosen, sensors: .two)
        }, devices: (left, right), explicit: explicit, record: record, format: format, height: height,
           setup: shared.setup(example: "formcheck routine \(routine) %@ RIGHT-DEVICE"), saving: saving)
    }
}
