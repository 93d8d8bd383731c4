import FormcheckEvaluation
import FormcheckFormats
import MotionCore
import Testing

/// Decoding `NAME.truth.json`: the committed GeoTecINIT files, a HuGaDB-shaped file written here
/// (made-up numbers), and files that are not truth files.
@Suite struct RealTruthTests {
    @Test func aGeoTecTruthFileDecodesFieldByField() throws {
        let t = try RealTruth.load(Fixtures.geotec + "/geotec_s03_02_pocket_left_back_inv.truth.json")
        #expect(t.participant.id == "s03")
        #expect(t.sensor.side == .left)
        #expect(t.stepsReference == nil)
        #expect(t.hasGait)
        #expect(t.segments.count == 8)
        #expect(t.segments.map(\.label) == ["SEATED", "STANDING_UP", "WALKING", "TURNING", "WALKING", "TURNING", "WALKING", "SITTING_DOWN"])
        let seated = t.segments[0]
        #expect(seated.start == 0.0)
        #expect(seated.end == 1.786)
        #expect(seated.referenceFlexion == 26.9)
        #expect(seated.still == true)
        #expect(!seated.isGait)
        let walking = t.segments[2]
        #expect(walking.start == 3.327 && walking.end == 5.942)
        #expect(walking.referenceFlexion == nil && walking.still == nil)
        #expect(walking.isGait && walking.isWalking)
        #expect(t.segments[3].isGait && !t.segments[3].isWalking)  // TURNING
        #expect(t.segments.last?.end == 11.153)
    }

    @Test func aHuGaDBShapedFileDecodesWithANumericIdAndAStepReference() throws {
        let text = """
            {"participant": {"id": 7, "age": 30}, "sensor": {"side": "right", "placement": "thigh"},
             "segments": [
               {"label": "standing", "start_s": 0.0, "end_s": 4.5, "reference_flexion_deg": 2.5, "still": true,
                "gyro_dev_p90_dps": 3.1},
               {"label": "walking", "start_s": 4.5, "end_s": 30.0},
               {"label": "going_up", "start_s": 30.0, "end_s": 35.0}],
             "steps_reference": {"score_against": "all_gait_steps", "total_steps": 40, "all_gait_steps": 52,
                                 "cadence_steps_per_min": 110.0}}
            """
        let t = try RealTruth(bytes: Array(text.utf8), path: "x.truth.json")
        #expect(t.participant.id == "7")
        #expect(t.sensor.side == .right)
        #expect(t.segments.count == 3)
        #expect(t.segments[0].referenceFlexion == 2.5 && t.segments[0].duration == 4.5)
        #expect(t.segments[2].isGait)
        let steps = try #require(t.stepsReference)
        #expect(steps.scoreAgainst == .allGaitSteps)
        #expect(steps.totalSteps == 40 && steps.allGaitSteps == 52)
        #expect(steps.steps == 52)
        var walkingOnly = steps
        walkingOnly.scoreAgainst = .totalSteps
        #expect(walkingOnly.steps == 40)
    }

    @Test(arguments: [
        // (text, what the message must name)
        (#"{"participant": {"id": "a"}, "segments": []}"#, #"missing "sensor""#),
        (#"{"participant": {"id": "a"}, "sensor": {}, "segments": []}"#, #"sensor: missing "side""#),
        (#"{"participant": {"id": "a"}, "sensor": {"side": "both"}, "segments": []}"#, "sensor.side: "),
        (#"{"participant": {"id": "a"}, "sensor": {"side": "left"}, "segments": [{"label": "x", "start_s": 0}]}"#,
         #"segments[0]: missing "end_s""#),
        (#"{"participant": {"id": "a"}, "sensor": {"side": "left"}, "segments": [], "steps_reference": {"score_against": "feet", "total_steps": 1, "all_gait_steps": 1}}"#,
         "steps_reference.score_against: "),
        ("not json", "x.truth.json: "),
    ])
    func aBrokenTruthFileIsBadDataNamingWhere(_ text: String, _ expected: String) {
        #expect {
            _ = try RealTruth(bytes: Array(text.utf8), path: "x.truth.json")
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.kind == .malformed && e.exitStatus == 65 && e.description.contains(expected)
                && e.description.hasPrefix("x.truth.json: ") && e.fix != nil
        }
    }

    @Test func aMissingTruthFileCannotBeOpened() {
        #expect {
            _ = try RealTruth.load(Fixtures.geotec + "/no-such.truth.json")
        } throws: { error in
            (error as? InputError)?.exitStatus == 66
        }
    }

    /// The rests the evaluation scores in the committed files: still and at least 1.5 s (the
    /// folder README's "still rests ≥ 1.5 s" column: s03, s04, s05, s07 one each, the rest none).
    @Test func theScoredRestsOfTheGeoTecFiles() throws {
        let files = try RealEvaluation.scoreableFiles(in: Fixtures.geotec)
        #expect(files.count == 9)
        var scored: [String: [Double]] = [:]
        for f in files {
            let t = try RealTruth.load(f.truth)
            let rests = RealEvaluation.scoredRests(t)
            if !rests.isEmpty { scored[t.participant.id] = rests.map { $0.referenceFlexion! } }
        }
        #expect(scored == ["s03": [26.9], "s04": [71.7], "s05": [78.3], "s07": [82.8]])
    }
}
