import ArgumentParser
import Dispatch
import FormcheckInput
import Glibc
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

    @Option(name: .shortAndLong, help: ArgumentHelp("Evemu file to write (replaced if it exists).", valueName: "file"),
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
        let discovery = roots.discovery
        let path = try chooseNode(discovery)
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
        let signals = Self.stopOnSignals { live.stop() }
        defer { Self.restoreSignals(signals) }
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

    /// The node to record: DEVICE as given (a path, eventN or a uniq), else the only motion node.
    /// - Throws: `ExitCode` after printing: 69 when there is none, 64 when there are several.
    func chooseNode(_ discovery: DeviceDiscovery) throws -> String {
        if let device {
            if device.contains("/") { return device }
            if device.hasPrefix("event"), Int(device.dropFirst(5)) != nil { return discovery.devRoot + "/input/" + device }
            let wanted = device.lowercased()
            if let node = discovery.motionNodes().first(where: { $0.uniq?.lowercased() == wanted }) { return node.path }
            throw fail(InputError(.noDevice, path: device, "no motion-sensor node has this uniq",
                                  fix: "name the node by path (/dev/input/eventN) or uniq as 'formcheck devices' lists it; is the controller connected?"))
        }
        let nodes = discovery.motionNodes()
        switch nodes.count {
        case 0:
            throw fail(InputError(
                .noDevice, path: discovery.devRoot + "/input", "no motion-sensor node found",
                fix: "connect a DualSense, DualShock 4, Joy-Con or Steam Deck controller by USB or Bluetooth; 'formcheck devices' "
                    + "says what it sees, and dmesg whether the driver created a \"Motion Sensors\" / \"IMU\" node"))
        case 1:
            return nodes[0].path
        default:
            var text = "formcheck: \(discovery.devRoot)/input: \(nodes.count) motion-sensor nodes; name the one to record:"
            for n in nodes {
                text += "\n    \(n.path)  \(n.name)" + (n.uniq.map { "  (uniq \($0))" } ?? "")
            }
            text += "\n  fix: formcheck record \(nodes[0].path) -o \(output)"
            printError(text)
            throw ExitCode(64)
        }
    }

    /// Ignores the default action of SIGINT and SIGTERM and calls `stop` when one arrives.
    static func stopOnSignals(_ stop: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { signo in
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
    }

    /// Cancels the signal sources and gives SIGINT and SIGTERM their default action back.
    static func restoreSignals(_ sources: [any DispatchSourceSignal]) {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
