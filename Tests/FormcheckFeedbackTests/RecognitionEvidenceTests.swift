import FormcheckDevices
import FormcheckFeedback
import FormcheckFormats
import MotionCore
import Testing

/// `wrongExercise` from the recogniser needs a set, not one lift: a hamstring session recorded
/// through the real hid-playstation driver and cut short in its first raise (the VM test
/// `unplug-reconnect`'s `--record`, Fixtures/devices/dualsense-reconnect-hamstring-cut.evemu) reads,
/// as one rep, surely as a bird-dog — yet it is no evidence against the hamstring. The rule
/// (`RecognitionRules.clearlyAnotherMovements`, 2) probed at 1 and 2.
@Suite struct RecognitionEvidenceTests {
    static let file: String = Fixtures.path("devices/dualsense-reconnect-hamstring-cut.evemu")

    @Test func oneLiftIsNotClearlyAnotherExercise() throws {
        let readings = try Recording(path: Self.file).readAll().readings
        let r = ExerciseRecogniser.recognise(readings: readings, side: .right, among: try ExerciseLibrary.all(environment: [:]))
        let best = try #require(r.best)
        #expect(best.kind == .strength && best.observed.movements == 1, "\(best.exercise): \(best.observed)")
        #expect(!r.isClearlyNot("hamstring"))
        var one = RecognitionRules()
        one.clearlyAnotherMovements = 1
        #expect(r.isClearlyNot("hamstring", rules: one), "with one lift enough, it would be said")
    }
}
