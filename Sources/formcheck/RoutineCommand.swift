import ArgumentParser
import FormcheckFeedback
import FormcheckInput
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
            routines' lists the routines; 'formcheck replay FILE --routine NAME' replays a --record.
            """)

    @Argument(help: ArgumentHelp("The routine (\(RoutineLibrary.names.joined(separator: ", ")), one of yours, or a routine file)."),
              completion: .file(extensions: ["json"]))
    var routine: String

    @Argument(help: "The device (/dev/input/eventN, eventN or uniq); default: the only motion sensor. With a sensor on each thigh: the left thigh's.")
    var device: String?

    @Argument(help: "With a sensor on each thigh: the right thigh's device (no strap moves; see 'Daily routine' in the README).")
    var rightDevice: String?

    @Option(help: "Write an evemu recording of the routine as it goes (valid even if formcheck is killed); with two devices, the session file NAME.json and a recording per thigh beside it.",
            completion: .file(extensions: ["evemu"]))
    var record: String?

    @Flag(help: "Speak the cues (needs espeak-ng).")
    var speak = false

    @Option(help: "Output format: text (a full-screen view on a terminal) or json (JSON Lines).")
    var format: OutputFormat = .text

    @Option(help: "Your height in centimetres (walking: the distance walked).")
    var height: Double?

    @OptionGroup var roots: DeviceRoots

    func validate() throws {
        if let height, !(50...250).contains(height) {
            throw ValidationError("--height is in centimetres, between 50 and 250 (for example --height 175)")
        }
    }

    func run() async throws {
        if let device, let rightDevice { return try await runPair(left: device, right: rightDevice) }
        let plan = try RoutineChoice.plan(routine)
        let live = try LiveDevice.open(device, discovery: roots.discovery, record: record,
                                       example: "formcheck routine \(routine) %@")
        let stopper = live.stopper
        let signals = SignalStop.install { stopper.stop() }
        defer { SignalStop.restore(signals) }
        let output = RoutineOutput(format: format)
        var speech: SpeechSink?
        if speak {
            do { speech = try SpeechSink.make() } catch { printError("formcheck: \(error)") }
        }
        var runner = LiveRoutineRunner(session: RoutineSession(plan: plan, estimator: OrientationFilter(), height: height.map { $0 / 100 }),
                                       recording: live.recording)
        let keys = TerminalKeys(into: runner.keys)
        defer { keys.stop() }
        do {
            _ = try await runner.run(live.first, reconnect: live.reconnect, emit: { event, status in
                output.emit(event, status: status)
                if case .session(let e) = event { speech?.handle(e) }
            }, progress: { output.tick($0) }, notice: { printError("formcheck: " + $0) })
        } catch let error as InputError {
            keys.stop()
            try? live.recording?.close()
            throw fail(error)
        }
        keys.stop()
        stopper.stop()
        speech?.finish(timeout: 3)
        do { try live.recording?.close() } catch { throw fail(error) }
        if let record { printError("formcheck: the routine was recorded to \(record)") }
        // The device went away for good: the summary is printed and the recording kept, but the
        // routine did not end as asked (README "Exit status").
        if runner.deviceLost { throw ExitCode(74) }
    }
}
