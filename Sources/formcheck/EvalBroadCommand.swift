import ArgumentParser
import Foundation
import FormcheckEvaluation
import FormcheckFormats
import MotionCore

struct EvalBroadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-broad",
        abstract: "Score the orientation filter on BROAD trials (inclination RMSE during movement).",
        discussion: """
            FOLDER holds BROAD trials as CSV (t,ax,ay,az,gx,gy,gz,qw,qx,qy,qz,movement). Prints, per \
            trial, the inclination RMSE in degrees of the live filter and of the replay (smoothed) \
            estimate over the samples with movement = 1 and a reference, beside VQF's and VQF \
            offline's figures when FOLDER has expected_inclination_rmse.json, and the means.
            """)

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case live, replay, both
    }

    @Argument(help: "Folder of BROAD trial CSV files.", completion: .directory)
    var folder: String

    @Option(help: "Which estimates to score.")
    var mode: Mode = .both

    @Option(help: ArgumentHelp("Score the replay of the bounded-memory smoother with windows of this many samples (block and lookahead each) instead of the whole-recording smoother.",
                               valueName: "samples"))
    var window: Int?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a filter parameter, NAME=VALUE (repeatable), e.g. accelerometerTimeConstant=4.",
        valueName: "name=value"))
    var overrides: [String] = []

    func validate() throws {
        if let window, window < 1 { throw ValidationError("--window: at least 1 sample") }
    }

    func run() throws {
        let parameters = try Self.parameters(from: overrides)
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        } catch {
            throw fail(InputError(.cannotOpen, path: folder, "cannot list the folder: \(error.localizedDescription)",
                                  fix: "name the folder holding the BROAD CSV files"))
        }
        guard !files.isEmpty else {
            throw fail(InputError(.cannotOpen, path: folder, "no .csv files in the folder",
                                  fix: "name the folder holding the BROAD CSV files"))
        }
        let expected = Self.expectedFigures(in: folder)

        var rows: [BROADScore] = []
        for file in files {
            let trial: BROADTrial
            do { trial = try BROADTrial(path: folder + "/" + file) } catch { throw fail(error) }
            var row = BROADScore(trial: trial.name)
            if mode != .replay { row.live = trial.inclinationRMSE(trial.liveEstimates(parameters: parameters)) }
            if mode != .live { row.replay = trial.inclinationRMSE(trial.replayEstimates(parameters: parameters, window: window)) }
            row.vqf = expected[trial.name]?.vqf
            row.vqfOffline = expected[trial.name]?.vqfOffline
            rows.append(row)
        }
        print(BROADScore.table(rows))
    }

    /// VQF's and VQF offline's figures per trial from FOLDER/expected_inclination_rmse.json, if present.
    static func expectedFigures(in folder: String) -> [String: (vqf: Double?, vqfOffline: Double?)] {
        guard let data = FileManager.default.contents(atPath: folder + "/expected_inclination_rmse.json"),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let trials = root["trials"] as? [String: Any] else { return [:] }
        var out: [String: (vqf: Double?, vqfOffline: Double?)] = [:]
        for (name, value) in trials {
            guard let filters = value as? [String: Any] else { continue }
            func figure(_ key: String) -> Double? {
                ((filters[key] as? [String: Any])?["rmse_move"] as? NSNumber)?.doubleValue
            }
            out[name] = (figure("vqf"), figure("vqf_offline"))
        }
        return out
    }

    /// Parameters with `NAME=VALUE` overrides applied.
    static func parameters(from overrides: [String]) throws -> OrientationFilter.Parameters {
        var p = OrientationFilter.Parameters()
        for o in overrides {
            let parts = o.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--set wants NAME=VALUE, got '\(o)'") }
            let (name, text) = (parts[0], parts[1])
            if name == "biasEstimation" || name.hasSuffix("BiasEstimation") {
                guard let b = Bool(text) else { throw ValidationError("--set \(name): true or false") }
                switch name {
                case "biasEstimation": p.biasEstimation = b
                case "restBiasEstimation": p.restBiasEstimation = b
                case "motionBiasEstimation": p.motionBiasEstimation = b
                default: throw ValidationError("--set: unknown parameter '\(name)'")
                }
                continue
            }
            guard let v = Double(text), v.isFinite else { throw ValidationError("--set \(name): '\(text)' is not a number") }
            switch name {
            case "accelerometerTimeConstant": p.accelerometerTimeConstant = v
            case "biasInitialSigma": p.biasInitialSigma = v
            case "biasForgettingTime": p.biasForgettingTime = v
            case "biasLimit": p.biasLimit = v
            case "biasMotionSigma": p.biasMotionSigma = v
            case "biasVerticalForgettingFactor": p.biasVerticalForgettingFactor = v
            case "biasRestSigma": p.biasRestSigma = v
            case "restMinimumDuration": p.restMinimumDuration = v
            case "restFilterTimeConstant": p.restFilterTimeConstant = v
            case "restRateThreshold": p.restRateThreshold = v
            case "restAccelerationThreshold": p.restAccelerationThreshold = v
            case "samplePeriod": p.samplePeriod = v
            case "maximumBridgedGap": p.maximumBridgedGap = v
            case "gyroscopeDelay": p.gyroscopeDelay = v
            default: throw ValidationError("--set: unknown parameter '\(name)'")
            }
        }
        return p
    }
}

/// One row of the eval-broad table: figures in degrees.
struct BROADScore {
    var trial: String
    var live: Double?
    var replay: Double?
    var vqf: Double?
    var vqfOffline: Double?

    static func table(_ rows: [BROADScore]) -> String {
        func cell(_ v: Double?, _ width: Int = 8, _ decimals: Int = 3) -> String {
            let s = v.map { fixed($0, decimals) } ?? "–"
            return String(repeating: " ", count: max(0, width - s.count)) + s
        }
        func ratio(_ a: Double?, _ b: Double?) -> Double? {
            guard let a, let b, b > 0 else { return nil }
            return a / b
        }
        /// Mean over the trials that have the figure.
        func mean(_ values: [Double?]) -> Double? {
            let v = values.compactMap { $0 }
            return v.isEmpty ? nil : v.reduce(0, +) / Double(v.count)
        }
        let width = max(44, (rows.map(\.trial.count).max() ?? 0) + 2)
        func line(_ name: String, _ r: BROADScore, ratios: (Double?, Double?)) -> String {
            name.padding(toLength: width, withPad: " ", startingAt: 0)
                + cell(r.live) + cell(r.replay) + cell(r.vqf) + cell(r.vqfOffline)
                + cell(ratios.0, 10, 2) + cell(ratios.1, 10, 2)
        }
        var out = "".padding(toLength: width, withPad: " ", startingAt: 0)
            + "    live  replay     VQF VQF off  live/VQF replay/off\n"
        out += "trial".padding(toLength: width, withPad: " ", startingAt: 0)
            + "       °       °       °       °\n"
        for r in rows {
            out += line(r.trial, r, ratios: (ratio(r.live, r.vqf), ratio(r.replay, r.vqfOffline))) + "\n"
        }
        let m = BROADScore(trial: "mean", live: mean(rows.map(\.live)), replay: mean(rows.map(\.replay)),
                           vqf: mean(rows.map(\.vqf)), vqfOffline: mean(rows.map(\.vqfOffline)))
        func cell4(_ v: Double?) -> String { cell(v, 8, 4) }
        out += "mean".padding(toLength: width, withPad: " ", startingAt: 0)
            + cell4(m.live) + cell4(m.replay) + cell4(m.vqf) + cell4(m.vqfOffline)
            + cell(ratio(m.live, m.vqf), 10, 3) + cell(ratio(m.replay, m.vqfOffline), 10, 3)
        let worst = rows.compactMap { ratio($0.live, $0.vqf) }.max()
        if let worst { out += "\nworst live/VQF ratio " + fixed(worst, 2) }
        return out
    }
}
