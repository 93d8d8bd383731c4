import ArgumentParser
import FormcheckFeedback
import FormcheckInput
import Foundation
import MotionCore

struct LiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Coach an exercise live: angle, target, hold timer, reps, and what to fix — on screen and aloud.",
        discussion: """
            Lie (or stand) still for two seconds in the exercise's starting pose, then start: the first \
            movement calibrates the strap. Ctrl-C ends the session with its summary. When the controller \
            is unplugged or goes out of range, the session waits for it to come back and carries on.
            """)

    @Argument(help: "The device (/dev/input/eventN, eventN or uniq); default: the only motion sensor.")
    var device: String?

    @OptionGroup var options: ExerciseOptions

    @Option(help: "Write an evemu recording of the session as it goes (valid even if formcheck is killed).",
            completion: .file(extensions: ["evemu"]))
    var record: String?

    @Flag(help: "Speak the cues (needs espeak-ng).")
    var speak = false

    @Option(name: .customLong("speak-to"),
            help: "Also write the session's cues, spoken (espeak-ng) at their times, into one WAVE file at the end.",
            completion: .file(extensions: ["wav"]))
    var speakTo: String?

    @Option(help: "Output format: text (a full-screen view) or json (JSON Lines).")
    var format: OutputFormat = .text

    @OptionGroup var roots: DeviceRoots

    func validate() throws {
        try options.requireExercise()
    }

    func run() async throws {
        let exercise = try options.loadProtocol()
        let speechFile = try speakTo.map { try SpeechOutput.file($0) }
        let discovery = roots.discovery
        let path = try DeviceChoice.node(device, discovery: discovery, example: "formcheck live %@ --exercise \(exercise.name)")
        let opened: EvdevDevice
        do { opened = try EvdevDevice.open(path: path, sysfsRoot: discovery.sysfsRoot) } catch { throw fail(error) }
        var stored = try options.loadCalibration()
        if stored == nil, let uniq = opened.uniq, FileManager.default.fileExists(atPath: StoredCalibration.defaultPath(uniq: uniq)) {
            stored = try? StoredCalibration.load(StoredCalibration.defaultPath(uniq: uniq))
            if stored != nil { printError("formcheck: using the stored calibration of \(uniq)") }
        }
        let description = opened.description
        let initial = opened.currentAxisValues
        let uniq = opened.uniq
        let recording: RecordingFile?
        if let record {
            do { recording = try RecordingFile(path: record, description: description) } catch { throw fail(error) }
        } else {
            recording = nil
        }
        let source = LiveSource<InputEvent>(device: opened)
        let stopper = StopSwitch(source: source)
        let signals = SignalStop.install { stopper.stop() }
        defer { SignalStop.restore(signals) }

        let output = EventOutput(format: format, live: true, exercise: exercise, side: options.side)
        var speech: SpeechSink?
        if speak {
            do { speech = try SpeechSink.make() } catch { printError("formcheck: \(error)") }
        }
        let pipeline = SessionPipeline(estimator: OrientationFilter(), exercise: exercise, side: options.side,
                                       holdSeconds: options.hold, storedMounting: stored?.mounting,
                                           height: options.height.map { $0 / 100 })
        var runner = LiveSessionRunner(pipeline: pipeline, recording: recording)
        let first = LiveSessionRunner<OrientationFilter>.Connection(events: source.stream, description: description,
                                                                    initialValues: initial, path: path, uniq: uniq)
        let sysfsRoot = discovery.sysfsRoot
        let summary: SessionSummary
        do {
            summary = try await runner.run(first, reconnect: { uniq in
                // Ctrl-C while waiting ends the session.
                let wait = Task { try await discovery.waitForMotionNode(uniq: uniq) }
                guard stopper.waiting(wait), let node = try? await wait.value else { return nil }
                let device = try EvdevDevice.open(path: node.path, sysfsRoot: sysfsRoot)
                let values = device.currentAxisValues
                let d = device.description
                let again = LiveSource<InputEvent>(device: device)
                stopper.replace(again)
                return .init(events: again.stream, description: d, initialValues: values, path: node.path, uniq: uniq)
            }, emit: { event, status in
                output.emit(event, status: status)
                speech?.handle(event)
                speechFile?.handle(event)
            }, progress: { output.tick($0) }, notice: { printError("formcheck: " + $0) })
        } catch let error as InputError {
            try? recording?.close()
            throw fail(error)
        }
        speech?.finish(timeout: 3)
        do { try recording?.close() } catch { throw fail(error) }
        if let speechFile { try SpeechOutput.write(speechFile, duration: summary.t) }
        if let record { printError("formcheck: the session was recorded to \(record)") }
        // The device went away for good: the summary is printed and the recording kept, but the
        // session did not end as asked (README "Exit status").
        if runner.deviceLost { throw ExitCode(74) }
    }
}

/// Stops whichever live source is current (the device may have been reconnected).
final class StopSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var source: LiveSource<InputEvent>
    private var stopped = false
    private var wait: Task<MotionNode, any Error>?

    init(source: LiveSource<InputEvent>) {
        self.source = source
    }

    func replace(_ s: LiveSource<InputEvent>) {
        lock.withLock {
            source = s
            if stopped { s.stop() }
        }
    }

    /// Registers a wait for the device to come back; false (and the wait cancelled) if already stopped.
    func waiting(_ task: Task<MotionNode, any Error>) -> Bool {
        lock.withLock {
            wait = task
            if stopped { task.cancel() }
            return !stopped
        }
    }

    func stop() {
        lock.withLock {
            stopped = true
            source.stop()
            wait?.cancel()
        }
    }
}
