import ArgumentParser
import FormcheckFeedback
import FormcheckHistory
import FormcheckDevices
import FormcheckFormats
import Foundation
import MotionCore

struct LiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Coach an exercise live: angle, target, hold timer, reps, and what to fix — on screen and aloud.",
        discussion: """
            Lie (or stand) still for two seconds in the exercise's starting pose, then start: the first \
            movement calibrates the strap. Ctrl-C ends the session with its summary. When the controller \
            is unplugged or goes out of range, the session waits for it to come back and carries on. \
            The session is saved in the history as it goes (--no-save: not); on a terminal you are \
            asked your pain, 0 to 10, before and after (--pain, --pain-after answer for you).
            """)

    @Argument(help: "The device (/dev/input/eventN, eventN or uniq); default: the only motion sensor. With a sensor on each thigh: one of them (a Joy-Con L and R go on their own sides; else this one on the left thigh; or --left, --right).")
    var device: String?

    @Argument(help: "With a sensor on each thigh: the other sensor (the exercise coached as a one-exercise routine on both legs).")
    var rightDevice: String?

    @OptionGroup var options: ExerciseOptions

    @Option(help: "Write an evemu recording of the session as it goes (valid even if formcheck is killed).",
            completion: .file(extensions: ["evemu"]))
    var record: String?

    @Option(name: .customLong("speak-to"),
            help: "Also write the session's cues, spoken (espeak-ng) at their times, into one WAVE file at the end.",
            completion: .file(extensions: ["wav"]))
    var speakTo: String?

    @Option(help: "Output format: text (a full-screen view) or json (JSON Lines).")
    var format: OutputFormat = .text

    @OptionGroup var shared: LiveOptions

    func validate() throws {
        try options.requireExercise()
        if options.sides.count > 1 { throw ValidationError("live coaches one leg: give --side once (left or right)") }
    }

    func run() async throws {
        if let pair = try shared.pair.pair(device, rightDevice) { return try await runPair(left: pair.first, right: pair.second, explicit: pair.explicit) }
        let exercise = try options.loadProtocol()
        let speechFile = try speakTo.map { try SpeechOutput.file($0) }
        var stored = try options.loadCalibration()
        let example = "formcheck live %@ --exercise \(exercise.name)"
        let node = try DeviceChoice.node(device, discovery: shared.roots.discovery, example: example)
        let run = try shared.setup(example: example).open(nodes: [node], recordings: record.map { [$0] } ?? [])
        let live = run.devices[0]
        if stored == nil, let uniq = live.uniq, FileManager.default.fileExists(atPath: StoredCalibration.defaultPath(uniq: uniq)) {
            stored = try? StoredCalibration.load(StoredCalibration.defaultPath(uniq: uniq))
            if stored != nil { printError("formcheck: using the stored calibration of \(uniq)") }
        }
        // Walking distance from the profile's calibrated stride (or height) when there is a history.
        let distance = WalkingDistanceChoice.of(heightOption: options.height, profile: try shared.history.profile(of: run.reading))
        let output = EventOutput(format: format, live: true, exercise: exercise, side: options.side)
        let pipeline = SessionPipeline(estimator: OrientationFilter(), exercise: exercise, side: options.side,
                                       holdSeconds: options.hold, storedMounting: stored?.mounting,
                                       height: distance.height, stride: distance.stride)
        let speech = run.speech
        try await run.session(kind: .live, recorder: .single(exercise: exercise.name, side: options.side),
                              recorded: record.map { "the session was recorded to \($0)" },
                              replay: record.map { "formcheck replay \($0) --exercise \(exercise.name) --side \(options.side.rawValue)" },
                              finish: { (summary: SessionSummary) in
                                  if let speechFile { try SpeechOutput.write(speechFile, duration: summary.t) }
                              }) { saving in
            var runner = LiveSessionRunner(pipeline: pipeline, recording: live.recording)
            let summary = try await runner.run(live.first, reconnect: live.reconnect, emit: { event, status in
                output.emit(event, status: status)
                speech?.handle(event)
                speechFile?.handle(event)
            }, progress: { status in
                output.tick(status)
                saving?.sample(t: status.t, flexion: status.flexion)
            }, notice: { printError("formcheck: " + $0) })
            saving?.single(summary, ending: .of(summary, exercise: exercise))
            return LiveRun.Ending(result: summary, deviceLost: runner.deviceLost)
        }
    }
}
