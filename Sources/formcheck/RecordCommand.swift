import ArgumentParser
import Dispatch
import FormcheckDevices
import FormcheckFormats
import MotionCore

struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a motion sensor to an evemu file.",
        discussion: """
            Writes one complete frame at a time, so the file is a valid evemu recording at every moment, even \
            if formcheck is killed. Ctrl-C (SIGINT) or SIGTERM ends the recording; a frame not finished by then \
            is left out. If the controller disappears, what was read is kept and the status is 74.
            """)

    @Argument(help: ArgumentHelp(
        "Motion-sensor node: /dev/input/eventN, eventN, or the controller's uniq (MAC address) as 'formcheck devices' shows it. Default: the only motion-sensor node.",
        valueName: "device"))
    var device: String?

    @Argument(help: ArgumentHelp("With a sensor on each thigh: the right thigh's node (DEVICE is then the left's); -o names the session file NAME.json, with NAME.left.evemu and NAME.right.evemu beside it.",
                                 valueName: "right-device"))
    var rightDevice: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Evemu file to write (replaced if it exists); with two devices, the session file (.json).", valueName: "file"),
            completion: .file(extensions: ["evemu"]))
    var output: String

    @Option(help: ArgumentHelp("Stop after this many seconds of data.", valueName: "seconds"))
    var duration: Double?

    @OptionGroup var roots: DeviceRoots

    func validate() throws {
        if let duration, !(duration > 0 && duration.isFinite) {
            throw ValidationError("--duration must be a positive number of seconds")
        }
    }

    func run() async throws {
        if let device, let rightDevice { return try await recordPair(left: device, right: rightDevice) }
        let discovery = roots.discovery
        let path = try DeviceChoice.node(device, discovery: discovery, example: "formcheck record %@ -o \(output)")
        let device: EvdevDevice
        let file: RecordingFile
        var decoder: SampleDecoder
        do {
            device = try EvdevDevice.open(path: path, sysfsRoot: discovery.sysfsRoot)
            let description = device.description
            decoder = try SampleDecoder(description: description, path: path, initialValues: device.currentAxisValues)
            file = try RecordingFile(path: output, description: description)
        } catch {
            throw fail(error)
        }
        let name = device.name
        let live = LiveSource<InputEvent>(device: device)
        let signals = SignalStop.install { live.stop() }
        defer { SignalStop.restore(signals) }
        // A silent device sends nothing to check the duration against: stop by the clock as well.
        let timer = duration.map { seconds in
            Task {
                try await Task.sleep(for: .seconds(seconds + 1))
                live.stop()
            }
        }
        defer { timer?.cancel() }
        printError("formcheck: recording '\(name)' (\(path)) to \(output); Ctrl-C stops")

        let limit = duration.map { Int64(($0 * 1_000_000).rounded()) }
        var first: Int64?
        var samples = 0
        var gaps = 0
        var failure: InputError?
        do {
            for try await event in live.stream {
                if first == nil { first = event.time }
                try file.append(event)
                switch decoder.consume(event) {
                case .sample: samples += 1
                case .gap: gaps += 1
                case nil: break
                }
                if let limit, let first, file.pendingEventCount == 0, event.time - first >= limit { break }
            }
        } catch let error as InputError {
            failure = error
        }
        live.stop()
        do {
            try file.close()
        } catch {
            failure = failure ?? error
        }

        let seconds = Double((file.lastWrittenTime ?? 1) - 1) / 1_000_000
        var summary = "formcheck: wrote \(samples) sample\(samples == 1 ? "" : "s") in \(file.framesWritten) frame\(file.framesWritten == 1 ? "" : "s")"
        if gaps > 0 { summary += " (\(gaps) gap\(gaps == 1 ? "" : "s"): events were lost)" }
        summary += ", \(fixed(seconds, 3)) s, to \(output)"
        if file.framesWritten == 0 { summary += " (the device description only: no frame was read)" }
        if let failure {
            let exit = fail(failure)
            printError(summary)
            throw exit
        }
        printError(summary)
    }


}
