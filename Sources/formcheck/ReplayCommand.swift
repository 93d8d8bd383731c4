import ArgumentParser
import FormcheckFeedback
import FormcheckInput
import Foundation
import MotionCore

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Analyse recorded sessions: holds, reps, form errors, cues and a summary for each file.",
        discussion: """
            Runs the same pipeline as 'formcheck live' on evemu recordings (formcheck record, evemu-record, \
            live --record) and CSV IMU files, so a replay reports what live coaching reported.
            """)

    @Argument(help: "Recordings (.evemu or .csv).", completion: .file())
    var files: [String]

    @OptionGroup var options: ExerciseOptions

    @Option(help: "Output format: text for people, json for JSON Lines.")
    var format: OutputFormat = .text

    @Flag(help: "Replay at the recorded pace (as 'live' would have seen it, with its full-screen view on a terminal) instead of as fast as possible; Ctrl-C ends it with the summary.")
    var realtime = false

    @Flag(help: "Speak the cues (needs espeak-ng); replays at the recorded pace, as --realtime.")
    var speak = false

    @Option(name: .customLong("speak-to"),
            help: "Write the session's cues, spoken (espeak-ng) at their times, into one WAVE file (one recording only).",
            completion: .file(extensions: ["wav"]))
    var speakTo: String?

    @OptionGroup var csvUnits: CSVUnitOptions

    func validate() throws {
        if speakTo != nil && files.count > 1 {
            throw ValidationError("--speak-to writes one file: give one recording")
        }
    }

    func run() async throws {
        let exercise = try options.loadProtocol()
        let stored = try options.loadCalibration()
        // Speaking follows the recording's pace: cues are heard when they would have been live.
        let paced = realtime || speak
        let speechFile = try speakTo.map { try SpeechOutput.file($0) }
        var unusable: [String] = []
        for file in files {
            let recording: Recording
            do { recording = try csvUnits.open(file) } catch { throw fail(error) }
            if let stored, let d = recording.description,
               let why = stored.deviceMismatch(.init(name: d.name, id: d.idString, uniq: d.uniq)) {
                printError("formcheck: \(file): warning: the calibration may not fit this recording: \(why)")
            }
            var pipeline = SessionPipeline(estimator: OrientationFilter(), exercise: exercise, side: options.side,
                                           holdSeconds: options.hold, storedMounting: stored?.mounting,
                                           height: options.height.map { $0 / 100 })
            // Written as the events are (unbuffered): print's buffer would put it after the file's report.
            if files.count > 1 && format == .text { writeStandardOutput(Array("== \(file)\n".utf8)) }
            let summary: SessionSummary
            if paced && recording.format != .evemu {
                printError("formcheck: \(file): warning: only evemu recordings replay at the recorded pace; this one is analysed at once")
            }
            if paced, recording.format == .evemu, let description = recording.description {
                let events: [InputEvent]
                do { events = try recording.events() } catch { throw fail(error) }
                let output = EventOutput(format: format, live: true, exercise: exercise, side: options.side)
                var speech: SpeechSink?
                if speak {
                    do { speech = try SpeechSink.make() } catch { printError("formcheck: \(error)") }
                }
                let stop = StopFlag()
                let signals = SignalStop.install { stop.set() }
                defer { SignalStop.restore(signals) }
                let start = ContinuousClock.now
                let source = PacedEventSource.stream(events) { seconds in
                    // Ctrl-C ends the stream: the session ends with its summary.
                    if stop.isSet { throw CancellationError() }
                    try await Task.sleep(until: start.advanced(by: .seconds(seconds)), clock: .continuous)
                    if stop.isSet { throw CancellationError() }
                }
                var runner = LiveSessionRunner(pipeline: pipeline, recording: nil)
                let connection = LiveSessionRunner<OrientationFilter>.Connection(
                    events: source, description: description, initialValues: description.absInfo.mapValues(\.value),
                    path: file, uniq: nil)
                do {
                    summary = try await runner.run(connection, reconnect: nil, emit: { e, status in
                        output.emit(e, status: status)
                        speech?.handle(e)
                        speechFile?.handle(e)
                    }, progress: { output.tick($0) }, notice: { printError("formcheck: " + $0) })
                } catch let error as InputError { throw fail(error) }
                speech?.finish(timeout: 3)
                pipeline = runner.pipeline
                if stop.isSet {
                    if let speechFile { try SpeechOutput.write(speechFile, duration: summary.t) }
                    break
                }
            } else {
                let output = EventOutput(format: format)
                let readings: [SensorReading]
                do { readings = try recording.readAll().readings } catch { throw fail(error) }
                var events: [SessionEvent] = []
                for r in readings {
                    events.removeAll(keepingCapacity: true)
                    pipeline.consume(r, into: &events)
                    for e in events {
                        output.emit(e)
                        speechFile?.handle(e)
                    }
                }
                events.removeAll()
                summary = pipeline.finish(into: &events)
                for e in events {
                    output.emit(e)
                    speechFile?.handle(e)
                }
            }
            if let speechFile { try SpeechOutput.write(speechFile, duration: summary.t) }
            if let problem = Self.unrecognised(summary, samples: pipeline.samples, calibrated: pipeline.angles.tracker.calibration != nil,
                                               exercise: exercise) {
                printError("formcheck: \(file): \(problem)")
                unusable.append(file)
            }
        }
        // Nothing to coach in a file is bad data, not success (README "Exit status").
        if !unusable.isEmpty { throw ExitCode(65) }
    }

    /// Why a session's file gave nothing to coach (nil when it did), with the fix: no usable
    /// samples, or a stretch with no hold where the strap was never calibrated or the movement is
    /// another exercise's, or a walk with no walking. A session cut short before its first hold was
    /// done (unplugged, stopped) is not that: it was recognised, and its summary says what was done.
    static func unrecognised(_ s: SessionSummary, samples: Int, calibrated: Bool, exercise: ExerciseProtocol) -> String? {
        if samples == 0 {
            return "no usable samples: the recording has no complete accelerometer and gyroscope frame\n"
                + "  fix: record again with 'formcheck record', or check the file with 'formcheck inspect'"
        }
        switch exercise.kind {
        case .stretch where s.holds.isEmpty && (!calibrated || s.formErrors.contains { $0.kind == .wrongExercise }):
            let wrong = s.formErrors.contains { $0.kind == .wrongExercise }
            return "nothing recognisable as \(exercise.name): no hold found" + (wrong ? " (the recording shows walking)" : "") + "\n"
                + "  fix: check --exercise (and --side); 'formcheck exercises' says what each one expects"
        case .walk where (s.steps ?? 0) == 0:
            return "nothing recognisable as \(exercise.name): no walking found\n"
                + "  fix: check --exercise; 'formcheck activity FILE' shows what the recording holds"
        case .strength where (s.reps ?? []).isEmpty && (!calibrated || s.formErrors.contains { $0.kind == .wrongExercise }):
            return "nothing recognisable as \(exercise.name): no rep found\n"
                + "  fix: check --exercise (and --side); 'formcheck exercises' says what each one expects"
        case .stretch, .walk, .strength:
            return nil
        }
    }
}

/// Set once, from a signal handler; read by the replay's pacing.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
