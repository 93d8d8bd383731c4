import FormcheckEvaluation
import FormcheckFormats
import Foundation
import MotionCore
import Testing

/// The claim that the filter is VQF: with VQF's three bias settings (`biasForgettingTime` 100 s,
/// `biasMotionSigma` 0.1 °/s, `biasLimit` 2 °/s) a whole BROAD trial scores VQF 2.1.2's published
/// figures (`expected_inclination_rmse.json` of the BROAD folder, rounded to 0.001°): trial 12,
/// undisturbed slow translation C, 196 s at 285.7 Hz (56121 samples) — VQF 0.254° live, offline VQF 0.193°. The
/// trial is in Fixtures/broad gzipped (CC BY 4.0, Laidig et al. 2021; see its README). Our own
/// defaults differ on this trial (live 0.275°), so the test fails if the parameters are not used
/// or the implementation drifts from VQF's by more than the rounding.
@Suite struct VQFParityTests {
    static var vqf: OrientationFilter.Parameters {
        var p = OrientationFilter.Parameters()
        p.biasForgettingTime = 100
        p.biasMotionSigma = 0.1
        p.biasLimit = 2
        return p
    }

    static func trial() throws -> BROADTrial {
        let path = BROADExcerptTests.folder + "12_undisturbed_slow_translation_C.csv.gz"
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-dc", path]
        let pipe = Pipe()
        gzip.standardOutput = pipe
        try gzip.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        #expect(gzip.terminationStatus == 0)
        return try BROADTrial(bytes: Array(data), path: path)
    }

    @Test func aWholeTrialScoresVQFsFigures() throws {
        let trial = try Self.trial()
        #expect(trial.samples.count == 56121)
        let live = try #require(trial.inclinationRMSE(trial.liveEstimates(parameters: Self.vqf)))
        let replay = try #require(trial.inclinationRMSE(trial.replayEstimates(parameters: Self.vqf)))
        // Published to three decimals: within the rounding (0.0005°) and a little more for summation order.
        #expect(abs(live - 0.254) < 0.0006, "live \(live)°")
        #expect(abs(replay - 0.193) < 0.0006, "replay \(replay)°")
        // Our defaults are not VQF's: this trial tells them apart.
        let ours = try #require(trial.inclinationRMSE(trial.liveEstimates()))
        #expect(abs(ours - live) > 0.01, "defaults \(ours)° vs VQF's settings \(live)°")
    }
}
