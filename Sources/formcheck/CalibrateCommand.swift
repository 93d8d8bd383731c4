import ArgumentParser
import FormcheckFeedback
import FormcheckDevices
import FormcheckFormats
import Foundation
import MotionCore

struct CalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Measure how the sensor sits on the thigh, from everyday movement.",
        discussion: """
            From a recording or a live device: a few seconds standing still plus a short walk (ten \
            steps), or a sit-to-stand, is enough; a knee raise helps but is not needed. The strap's \
            mounting is worked out from gravity at the rests and the axis the thigh swings about \
            (see README "Strap calibration"); the recording must show the thigh upright (standing \
            or walking). The result (-o CAL.json) lets 'angles', 'replay' and 'live' measure the \
            session's posture instead of assuming it. For a live device it is also stored per \
            controller (its uniq) under ~/.config/formcheck/calibrations/, where 'live' finds it. \
            With --walk DISTANCE it calibrates your stride instead: a level walk over a known \
            distance, strides counted, stride = distance / strides (0.5–3.0 m), saved in the \
            history's profile (README "Steps and activity").
            """)

    @Argument(help: "A recording (.evemu/.csv) or a device (/dev/input/eventN, eventN or uniq).", completion: .file())
    var source: String

    @Option(name: .shortAndLong, help: "Where to write the calibration (JSON).", completion: .file(extensions: ["json"]))
    var output: String?

    @Option(help: "The leg wearing the sensor.")
    var side: Side = .right

    @Option(help: ArgumentHelp("The posture of the recording's first rest, when you know it (e.g. standing, for a still stand followed by a knee raise).",
                               discussion: "Without it the posture is worked out; standing still then walking needs none."))
    var posture: Posture?

    @Option(help: "Give up on a live device after this many seconds (default 60; with --walk 900).")
    var timeout: Double?

    @Option(help: ArgumentHelp("Calibrate your stride instead: walk this known distance on the level, from standing still to standing still (100m; units m, km, mi, ft, yd). The stride is saved in your profile (the history, --db): walking distance uses it from then on.",
                               valueName: "distance"),
            transform: WalkDistance.parse)
    var walk: WalkDistance?

    @OptionGroup var history: HistoryOptions

    @OptionGroup var roots: DeviceRoots

    @OptionGroup var csvUnits: CSVUnitOptions

    func validate() throws {
        if walk != nil && (output != nil || posture != nil) {
            throw ValidationError("--walk calibrates your stride (saved in the history): leave out -o and --posture, which are for the strap")
        }
    }

    func run() async throws {
        let isFile = FileManager.default.fileExists(atPath: source) && !source.hasPrefix("/dev/")
        if let walk { return try await calibrateStride(walk, isFile: isFile) }
        var device = StoredCalibration.Device(name: "", id: "", uniq: nil)
        var found: (calibration: StrapCalibration, solution: MountingSolution)?
        var shortfall: MountingSolver.Shortfall?
        if isFile {
            let recording: Recording
            let readings: [SensorReading]
            do {
                recording = try csvUnits.open(source)
                readings = try recording.readAll().readings
            } catch { throw fail(error) }
            if let d = recording.description { device = .init(name: d.name, id: d.idString, uniq: d.uniq) }
            let series = AngleSeries.compute(readings: readings, mode: .replay, side: side, posture: posture,
                                             faceNormal: Recording.faceNormal(of: source))
            if let c = series.calibration, let s = series.solution { found = (c, s) }
            shortfall = series.shortfall
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
                try await Task.sleep(for: .seconds(timeout ?? 60))
                live.stop()
            }
            defer { timer.cancel() }
            printError("formcheck: stand still for a few seconds, then walk ten steps (or sit down and stand up)")
            var pipeline = AnglePipeline(estimator: OrientationFilter(), posture: posture, side: side)
            var angles: [HipAngleSample] = []
            do {
                for try await r in live.stream {
                    _ = pipeline.consume(r, into: &angles)
                    angles.removeAll(keepingCapacity: true)
                    if let c = pipeline.tracker.calibration, let s = pipeline.tracker.solution, s.confidence == .sure, s.sawUpright {
                        found = (c, s)
                        break
                    }
                }
            } catch let error as InputError { throw fail(error) }
            live.stop()
            shortfall = pipeline.tracker.shortfall
        }
        guard let (c, solution) = found else {
            printError("""
                formcheck: \(source): no calibration: \((shortfall ?? .noMovement).explanation)
                  fix: \(MountingSolver.Shortfall.fix)
                """)
            throw ExitCode(65)
        }
        guard solution.confidence != .unsure else {
            printError("""
                formcheck: \(source): no calibration: it cannot tell how the strap sits (\(solution.summary))
                  fix: record a few seconds standing still and a short walk (ten steps) — a still stand and a knee raise, or a sit-to-stand alone, can be read two ways — or say how the recording starts: --posture standing
                """)
            throw ExitCode(65)
        }
        guard solution.sawUpright else {
            printError("""
                formcheck: \(source): no calibration: the recording never shows the thigh upright (no standing rest, no walking)
                  fix: stand still for a few seconds and walk ten steps; a lying-down session cannot calibrate the strap
                """)
            throw ExitCode(65)
        }
        let standing = solution.rests.first { $0.posture == .standing }
        let standingUp = standing.map { c.mounting.rotate($0.rest.up).normalized } ?? Vector3(-1, 0, 0)
        let stored = StoredCalibration(device: device, side: side, mounting: c.mounting, standingUp: standingUp, source: source)
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
        printError("formcheck: calibrated (\(side.rawValue) thigh, \(solution.summary)): sensor → thigh rotation [\(String(format: "%.4f, %.4f, %.4f, %.4f", m.w, m.x, m.y, m.z))], written to \(paths.joined(separator: " and "))")
        for r in solution.rests where r.rest.duration >= 1 {
            let label = r.certain ? r.posture.rawValue : "\(r.posture.rawValue) (or lying flat: one thigh cannot tell)"
            printError(String(format: "  rest %6.1f–%6.1f s  thigh %5.1f° from upright  %@", r.rest.start, r.rest.end, r.inclination, label))
        }
        if solution.walkingSeconds >= 2 { printError(String(format: "  walking %.0f s", solution.walkingSeconds)) }
    }
}
