import ArgumentParser
import FormcheckFeedback
import FormcheckInput
import Foundation
import MotionCore

struct CalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Measure how the sensor sits on the thigh: stand still 2 s, then raise the knee.",
        discussion: """
            From a recording or a live device: stand upright and still for at least two seconds, then \
            raise the knee in front of you (to about 60°) and lower it. The result (-o CAL.json) lets \
            'angles', 'replay' and 'live' check the session's posture and the strap. For a live device \
            it is also stored per controller (its uniq) under ~/.config/formcheck/calibrations/, where \
            'live' finds it.
            """)

    @Argument(help: "A recording (.evemu/.csv) or a device (/dev/input/eventN, eventN or uniq).", completion: .file())
    var source: String

    @Option(name: .shortAndLong, help: "Where to write the calibration (JSON).", completion: .file(extensions: ["json"]))
    var output: String?

    @Option(help: "The leg wearing the sensor.")
    var side: Side = .right

    @Option(help: "Give up on a live device after this many seconds.")
    var timeout: Double = 60

    @OptionGroup var roots: DeviceRoots

    @OptionGroup var csvUnits: CSVUnitOptions

    func run() async throws {
        let isFile = FileManager.default.fileExists(atPath: source) && !source.hasPrefix("/dev/")
        var pipeline = AnglePipeline(estimator: OrientationFilter(), posture: .standing, side: side)
        var angles: [HipAngleSample] = []
        var device = StoredCalibration.Device(name: "", id: "", uniq: nil)
        var calibration: StrapCalibration?
        if isFile {
            let recording: Recording
            let readings: [SensorReading]
            do {
                recording = try csvUnits.open(source)
                readings = try recording.readAll().readings
            } catch { throw fail(error) }
            if let d = recording.description { device = .init(name: d.name, id: d.idString, uniq: d.uniq) }
            for r in readings {
                if case .calibrated(let c)? = pipeline.consume(r, into: &angles) {
                    calibration = c
                    break
                }
            }
        } else {
            let discovery = roots.discovery
            let path = try DeviceChoice.node(source, discovery: discovery, example: "formcheck calibrate %@ -o cal.json")
            let live: LiveSource<SensorReading>
            do {
                let opened = try EvdevDevice.open(path: path, sysfsRoot: discovery.sysfsRoot)
                device = .init(name: opened.name, id: opened.description.idString, uniq: opened.uniq)
                live = try LiveSource<SensorReading>(device: opened)
            } catch { throw fail(error) }
            let signals = SignalStop.install { live.stop() }
            defer { SignalStop.restore(signals) }
            let timer = Task {
                try await Task.sleep(for: .seconds(timeout))
                live.stop()
            }
            defer { timer.cancel() }
            printError("formcheck: stand upright and still for two seconds, then raise your knee and lower it")
            do {
                for try await r in live.stream {
                    if case .calibrated(let c)? = pipeline.consume(r, into: &angles) {
                        calibration = c
                        break
                    }
                }
            } catch let error as InputError { throw fail(error) }
            live.stop()
        }
        guard let c = calibration else {
            printError("""
                formcheck: \(source): no calibration: it needs a still stand of at least a second followed by a knee raise
                  fix: stand upright and still for two seconds, then raise the knee to about 60° and lower it
                """)
            throw ExitCode(65)
        }
        if c.posture != .standing || PostureClassifier.classify(upInThigh: c.neutralUp) != .standing {
            printError("formcheck: \(source): warning: the first rest does not look like standing; the calibration assumes it was")
        }
        let stored = StoredCalibration(device: device, side: side, mounting: c.mounting, standingUp: c.neutralUp, source: source)
        var paths: [String] = []
        if let output { paths.append(output) }
        if !isFile, let uniq = device.uniq { paths.append(StoredCalibration.defaultPath(uniq: uniq)) }
        if paths.isEmpty {
            printError("formcheck: name where to write it: -o CAL.json")
            throw ExitCode(64)
        }
        for p in paths {
            do { try stored.save(p) } catch {
                printError("formcheck: \(p): cannot write the calibration: \(error.localizedDescription)\n  fix: check the folder exists and is writable")
                throw ExitCode(74)
            }
        }
        let m = c.mounting
        printError("formcheck: calibrated (\(side.rawValue) thigh): sensor → thigh rotation [\(String(format: "%.4f, %.4f, %.4f, %.4f", m.w, m.x, m.y, m.z))], written to \(paths.joined(separator: " and "))")
    }
}
