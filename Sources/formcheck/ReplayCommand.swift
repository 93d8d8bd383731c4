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

    @Flag(help: "Replay at the recorded pace (as 'live' would have seen it) instead of as fast as possible.")
    var realtime = false

    @OptionGroup var csvUnits: CSVUnitOptions

    func run() async throws {
        let exercise = try options.loadProtocol()
        let stored = try options.loadCalibration()
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
            if files.count > 1 && format == .text { print("== \(file)") }
            let output = EventOutput(format: format)
            if realtime, recording.format == .evemu {
                let events: [InputEvent]
                do { events = try recording.events() } catch { throw fail(error) }
                let start = ContinuousClock.now
                let source = PacedEventSource.stream(events) { seconds in
                    try await Task.sleep(until: start.advanced(by: .seconds(seconds)), clock: .continuous)
                }
                var runner = LiveSessionRunner(pipeline: pipeline, recording: nil)
                let connection = LiveSessionRunner<OrientationFilter>.Connection(
                    events: source, description: recording.description!, initialValues: recording.description!.absInfo.mapValues(\.value),
                    path: file, uniq: nil)
                do {
                    _ = try await runner.run(connection, reconnect: nil, emit: { e, _ in output.emit(e) }, notice: { printError("formcheck: " + $0) })
                } catch let error as InputError { throw fail(error) }
                continue
            }
            let readings: [SensorReading]
            do { readings = try recording.readAll().readings } catch { throw fail(error) }
            var events: [SessionEvent] = []
            for r in readings {
                events.removeAll(keepingCapacity: true)
                pipeline.consume(r, into: &events)
                for e in events { output.emit(e) }
            }
            events.removeAll()
            pipeline.finish(into: &events)
            for e in events { output.emit(e) }
        }
    }
}
