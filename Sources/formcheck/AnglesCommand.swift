import ArgumentParser
import FormcheckFeedback
import FormcheckFormats
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

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
    }

    @Argument(help: "Recording (.evemu or .csv).", completion: .file())
    var file: String

    @Option(help: "Output format.")
    var format: Format = .csv

    @Option(help: "live: causal filter, as live coaching sees it; replay: may use the future (smoother).")
    var mode: AngleSeries.Mode = .live

    @Option(help: "The exercise's posture, a hint for the strap calibration (default: none; upright activities).")
    var posture: Posture?

    @Option(help: "The exercise ('formcheck exercises'): its posture and the way its reps move, as hints for the strap calibration — the angles 'replay --exercise' coaches (instead of --posture).")
    var exercise: String?

    @Option(help: "The leg wearing the sensor.")
    var side: Side = .right

    @Option(help: "A strap calibration from 'formcheck calibrate'.", completion: .file(extensions: ["json"]))
    var calibration: String?

    @OptionGroup var csvUnits: CSVUnitOptions

    func validate() throws {
        if posture != nil && exercise != nil {
            throw ValidationError("give --posture or --exercise, not both (an exercise has its posture)")
        }
    }

    func run() async throws {
        var hints: (posture: Posture?, movement: MountingSolver.Movement?) = (posture, nil)
        if let exercise {
            let p = try ExerciseOptions.loadProtocol(exercise: exercise, protocolFile: nil)
            hints = (p.posture, p.movement)
        }
        let posture = hints.posture
        let readings: [SensorReading]
        let recording: Recording
        do {
            recording = try csvUnits.open(file)
            readings = try recording.readAll().readings
        } catch { throw fail(error) }
        var stored: StoredCalibration?
        if let calibration {
            do { stored = try StoredCalibration.load(calibration) } catch {
                printError("formcheck: \(error)")
                throw ExitCode(65)
            }
        }
        let face = Recording.faceNormal(of: file)
        let series = AngleSeries.compute(readings: readings, mode: mode, side: side, posture: posture,
                                         storedMounting: stored?.mounting, faceNormal: face, movement: hints.movement)
        if let stored {
            if let d = recording.description, let why = stored.deviceMismatch(.init(name: d.name, id: d.idString, uniq: d.uniq)) {
                printError("formcheck: \(file): warning: the calibration may not fit this recording: \(why)")
            }
            // What the session itself shows of the strap, against the stored mounting.
            if let own = AngleSeries.compute(readings: readings, mode: .replay, side: side, posture: posture, faceNormal: face).solution,
               own.confidence >= .likely, stored.inconsistency(with: own) > StoredCalibration.inconsistencyThreshold {
                printError(String(format: "formcheck: %@: warning: the strap seems to sit %.0f° away from where it was calibrated (moved, or another leg?)\n  fix: calibrate again, or leave out --calibration",
                                  file, stored.inconsistency(with: own)))
            }
        }
        let angles = series.angles
        var out = Array("t,flexion,adduction\n".utf8)
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
        if let solution = series.solution, solution.confidence == .unsure {
            printError("formcheck: \(file): warning: unsure how the strap sits (\(solution.summary)); the angles may be mirrored or offset")
        }
        if angles.isEmpty {
            printError("formcheck: \(file): the strap was never calibrated: \((series.shortfall ?? .noMovement).explanation)\n  fix: \(MountingSolver.Shortfall.fix)")
            throw ExitCode(65)
        }
    }
}
