import ArgumentParser
import FormcheckFeedback
import FormcheckHistory
import FormcheckFormats
import Foundation
import MotionCore

struct RoutineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routine",
        abstract: "Guide a daily routine live: each exercise in turn, on each leg, with the strap moved between legs.",
        discussion: """
            One controller strapped to the thigh: each exercise is coached as 'formcheck live' does, \
            then the next is announced; before the other leg's turn you are asked to move the strap, \
            which is seen (off, then still on the other thigh) and recalibrated. On a terminal, 's' \
            skips the exercise and 'r' starts it again; Ctrl-C ends the routine with its summary (with \
            left against right for each exercise done on both legs). When the controller is unplugged \
            or goes out of range, the routine waits for it to come back and carries on. 'formcheck \
            routines' lists the routines; 'formcheck replay FILE --routine NAME' replays a --record. \
            The routine is saved in the history as it goes, each exercise as it ends (--no-save: not); \
            on a terminal you are asked your pain, 0 to 10, before and after (--pain, --pain-after \
            answer for you).
            """)

    @Argument(help: ArgumentHelp("The routine (\(RoutineLibrary.names.joined(separator: ", ")), one of yours, or a routine file)."),
              completion: .file(extensions: ["json"]))
    var routine: String

    @Argument(help: "The device (/dev/input/eventN, eventN or uniq); default: the only motion sensor. With a sensor on each thigh: one of them (a Joy-Con L and R go on their own sides; else this one on the left thigh; or --left, --right).")
    var device: String?

    @Argument(help: "With a sensor on each thigh: the other sensor (no strap moves; see 'Daily routine' in the README).")
    var rightDevice: String?

    @Option(help: "Write an evemu recording of the routine as it goes (valid even if formcheck is killed); with two devices, the session file NAME.json and a recording per thigh beside it.",
            completion: .file(extensions: ["evemu"]))
    var record: String?

    @Option(help: "Output format: text (a full-screen view on a terminal) or json (JSON Lines).")
    var format: OutputFormat = .text

    @Option(help: "Your height in centimetres (walking: the distance walked).")
    var height: Double?

    @OptionGroup var shared: LiveOptions

    @Flag(name: .customLong("no-plan"), help: "Keep the routine's own doses instead of today's targets from your plan ('formcheck plan').")
    var noPlan = false

    @OptionGroup var planOptions: PlanOptions

    func validate() throws {
        if let height, !(50...250).contains(height) {
            throw ValidationError("--height is in centimetres, between 50 and 250 (for example --height 175)")
        }
    }

    func run() async throws {
        if let pair = try shared.pair.pair(device, rightDevice) { return try await runPair(left: pair.first, right: pair.second, explicit: pair.explicit) }
        let own = try RoutineChoice.plan(routine)
        let rules = try planOptions.load()
        let example = "formcheck routine \(routine) %@"
        let node = try DeviceChoice.node(device, discovery: shared.roots.discovery, example: example)
        let run = try shared.setup(example: example).open(nodes: [node], recordings: record.map { [$0] } ?? [])
        let live = run.devices[0]
        // Today's doses from the plan (the history saved in, else an existing one), and the
        // walking distance from the profile's calibrated stride.
        let (chosen, targets) = noPlan ? (own.routine, nil) : try PlanChoice.todaysRoutine(own.routine, store: run.reading, rules: rules, day: Date())
        if let targets { printError("formcheck: " + PlanChoice.notice(targets)) }
        let plan = try RoutineChoice.plan(of: chosen)
        let distance = WalkingDistanceChoice.of(heightOption: height, profile: try shared.history.profile(of: run.reading))
        let output = RoutineOutput(format: format)
        let speech = run.speech
        try await run.session(kind: .routine, routine: plan.routine.name, recorder: .routine(),
                              recorded: record.map { "the routine was recorded to \($0)" },
                              replay: record.map { "formcheck replay \($0) --routine \(routine)" }) { saving in
            var runner = LiveRoutineRunner(session: RoutineSession(plan: plan, estimator: OrientationFilter(), height: distance.height,
                                                                   stride: distance.stride),
                                           recording: live.recording)
            let keys = TerminalKeys(into: runner.keys)
            defer { keys.stop() }
            _ = try await runner.run(live.first, reconnect: live.reconnect, emit: { event, status in
                output.emit(event, status: status)
                saving?.routineEvent(event)
                if case .session(let e) = event { speech?.handle(e) }
            }, progress: { status in
                output.tick(status)
                saving?.sample(t: status.t, flexion: status.session?.flexion)
            }, notice: { printError("formcheck: " + $0) })
            return LiveRun.Ending(result: (), deviceLost: runner.deviceLost)
        }
    }
}
