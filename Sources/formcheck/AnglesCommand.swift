import ArgumentParser
import FormcheckFeedback
import FormcheckInput
import Foundation
import MotionCore

struct AnglesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "angles",
        abstract: "Hip flexion and adduction, per sample, from a recording.",
        discussion: """
            Output (CSV): t,flexion,adduction — t in seconds since the first sample, angles in degrees \
            (flexion: thigh long axis in the sagittal plane, 0 in the neutral pose, positive knee up/forward; \
            adduction: out of it, positive towards the midline). The strap is calibrated from the first \
            rest (taken as the posture's neutral pose) and the first flexion movement; rows start at that \
            rest. With --calibration the posture is measured instead.
            """)

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case live
        case replay
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
    }

    @Argument(help: "Recording (.evemu or .csv).", completion: .file())
    var file: String

    @Option(help: "Output format.")
    var format: Format = .csv

    @Option(help: "live: causal filter, as live coaching sees it; replay: may use the future (smoother).")
    var mode: Mode = .live

    @Option(help: "The exercise's posture, a hint for the strap calibration (default: none; upright activities).")
    var posture: Posture?

    @Option(help: "The leg wearing the sensor.")
    var side: Side = .right

    @Option(help: "A strap calibration from 'formcheck calibrate'.", completion: .file(extensions: ["json"]))
    var calibration: String?

    @OptionGroup var csvUnits: CSVUnitOptions

    func run() async throws {
        let readings: [SensorReading]
        do { readings = try csvUnits.open(file).readAll().readings } catch { throw fail(error) }
        var stored: StoredCalibration?
        if let calibration {
            do { stored = try StoredCalibration.load(calibration) } catch {
                printError("formcheck: \(error)")
                throw ExitCode(65)
            }
        }
        var out = Array("t,flexion,adduction\n".utf8)
        var angles: [HipAngleSample] = []
        let face: Vector3? = file.lowercased().hasSuffix(".csv") ? .unitZ : nil
        var shortfall: MountingSolver.Shortfall?
        switch mode {
        case .live:
            var pipeline = AnglePipeline(estimator: OrientationFilter(), posture: posture, side: side, storedMounting: stored?.mounting,
                                         faceNormal: face)
            for r in readings { _ = pipeline.consume(r, into: &angles) }
            shortfall = pipeline.tracker.shortfall
            _ = pipeline.finish(into: &angles)
            if ProcessInfo.processInfo.environment["FC_DEBUG"] != nil {
                let e = pipeline.tracker.evidence
                printError("DEBUG tilt=\(e.tilt.degrees) q=\(e.axisQuality) gait=\(e.gait.seconds) vote=\(e.gait.flexionVote) rests=\(e.allRests.count) conf=\(String(describing: pipeline.tracker.solution?.confidence)) cues=\(String(describing: pipeline.tracker.solution?.cues))")
                for r in pipeline.tracker.solution?.rests ?? [] { printError("  rest \(r.rest.start)-\(r.rest.end) incl \(r.inclination) \(r.posture) certain \(r.certain)") }
                if let c = pipeline.tracker.calibration { printError("  neutral start \(c.neutralStart) angles \(c.neutralAngles) follow \(c.headingFollowsThigh)") }
            }
        case .replay:
            let orientations = OrientationSmoother.estimate(readings)
            var solved: MountingSolution?
            if stored == nil {
                switch AnglePipeline.solveMounting(readings, estimator: Replayed(orientations: orientations), posture: posture, faceNormal: face) {
                case .success(let s): solved = s
                case .failure(let e): shortfall = e.shortfall
                }
            }
            var pipeline = AnglePipeline(estimator: Replayed(orientations: orientations), posture: posture, side: side,
                                         storedMounting: stored?.mounting, solved: solved)
            for r in readings { _ = pipeline.consume(r, into: &angles) }
        }
        out.reserveCapacity(angles.count * 24)
        for a in angles {
            DecimalText.append(a.time, decimals: 4, to: &out)
            out.append(UInt8(ascii: ","))
            DecimalText.append(a.angles.flexion, decimals: 3, to: &out)
            out.append(UInt8(ascii: ","))
            DecimalText.append(a.angles.adduction, decimals: 3, to: &out)
            out.append(UInt8(ascii: "\n"))
        }
        FileHandle.standardOutput.write(Data(out))
        if angles.isEmpty {
            let why = switch shortfall {
            case .noMovement?: "the thigh never moved enough to show the axis it flexes about"
            case .noAxis?: "the thigh's movements had no single axis"
            case .noReference?: "neither a still rest nor walking showed where the thigh points"
            case .ambiguous?: "two ways the strap could sit explain the recording equally well"
            case nil: "the evidence did not settle how the strap sits"
            }
            printError("formcheck: \(file): the strap was never calibrated: \(why)\n  fix: record a few seconds of standing or sitting still and a short walk or a sit-to-stand")
            throw ExitCode(65)
        }
    }

    /// Orientations computed beforehand (by the smoother), handed out one per sample.
    struct Replayed: OrientationEstimator {
        var orientations: [Quaternion]
        var index = 0
        mutating func update(_ s: IMUSample) -> Quaternion {
            defer { index += 1 }
            return orientations[min(index, orientations.count - 1)]
        }
        mutating func gapOccurred() {}
        var gyroBias: Vector3 { .zero }
    }
}
