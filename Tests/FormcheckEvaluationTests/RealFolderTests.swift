import FormcheckEvaluation
import FormcheckFormats
import MotionCore
import Testing

/// Whole folders: refused recordings counted with their reasons, and folders with nothing to score.
@Suite struct RealFolderTests {
    static let truth = """
        {"participant": {"id": "q1"}, "sensor": {"side": "left"},
         "segments": [{"label": "standing", "start_s": 0.0, "end_s": 4.0, "reference_flexion_deg": 1.0, "still": true}],
         "steps_reference": null}
        """

    /// `seconds` of a sensor lying still at 100 Hz: a rest, but no flexion movement ever follows.
    static func stillCSV(seconds: Double) -> String {
        var text = "t,ax,ay,az,gx,gy,gz\n"
        for k in 0..<Int(seconds * 100) { text += "\(Double(k) / 100),0,-9.81,0,0,0,0\n" }
        return text
    }

    static let noCounter: StepCounter = { _, angles in angles.isEmpty ? nil : 0 }

    @Test func refusedRecordingsAreCountedWithTheirReason() throws {
        let dir = try Fixtures.scratch()
        defer { Fixtures.cleanUp(dir) }
        // Never calibrated: still throughout.
        try Fixtures.write(Self.stillCSV(seconds: 5), to: dir + "/a_still.csv")
        try Fixtures.write(Self.truth, to: dir + "/a_still.truth.json")
        // Not readable as IMU data: no gyroscope columns.
        try Fixtures.write("t,ax,ay,az\n0,0,0,9.8\n", to: dir + "/b_broken.csv")
        try Fixtures.write(Self.truth, to: dir + "/b_broken.truth.json")
        // No truth file: not scored at all.
        try Fixtures.write(Self.stillCSV(seconds: 1), to: dir + "/c_alone.csv")

        let report = try RealEvaluation.evaluate(folder: dir, stepCounter: Self.noCounter)
        #expect(report.files.map(\.name) == ["a_still", "b_broken"])
        let still = report.files[0], broken = report.files[1]
        #expect(still.refused == "the strap was never calibrated: " + MountingSolver.Shortfall.noMovement.explanation)
        #expect(broken.refused?.hasPrefix("cannot read it: ") == true)
        #expect(broken.refused?.contains("gx") == true)
        #expect(still.participant == "q1" && still.side == .left)
        #expect(still.rests.count == 1 && still.rests[0].median == nil)
        #expect(still.steps.noGait && still.steps.counted == nil && still.steps.passes == false)
        #expect(report.overall.filesRefused == 2)
        #expect(report.participants.map(\.name) == ["q1"])
        #expect(report.targets[0] == TargetResult(target: "every file calibrated (none refused)", measured: "2 of 2 refused", met: false))
    }

    @Test func aMissingFolderCannotBeOpened() {
        #expect {
            _ = try RealEvaluation.evaluate(folder: Fixtures.root + "/no-such-folder", stepCounter: Self.noCounter)
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.exitStatus == 66 && e.description.contains("no-such-folder: cannot list the folder")
        }
    }

    @Test func aFolderWithNothingToScoreIsBadData() throws {
        let dir = try Fixtures.scratch()
        defer { Fixtures.cleanUp(dir) }
        try Fixtures.write(Self.stillCSV(seconds: 1), to: dir + "/x.csv")
        try Fixtures.write(Self.truth, to: dir + "/y.truth.json")
        #expect {
            _ = try RealEvaluation.evaluate(folder: dir, stepCounter: Self.noCounter)
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.exitStatus == 65 && e.message.contains("no NAME.csv with a NAME.truth.json")
        }
    }

    @Test func aBrokenTruthFileStopsTheEvaluationNamingIt() throws {
        let dir = try Fixtures.scratch()
        defer { Fixtures.cleanUp(dir) }
        try Fixtures.write(Self.stillCSV(seconds: 1), to: dir + "/x.csv")
        try Fixtures.write(#"{"segments": []}"#, to: dir + "/x.truth.json")
        #expect {
            _ = try RealEvaluation.evaluate(folder: dir, stepCounter: Self.noCounter)
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.exitStatus == 65 && e.path == dir + "/x.truth.json"
        }
    }
}
