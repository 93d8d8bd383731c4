import FormcheckDevices
import FormcheckFormats
import MotionCore
import Testing

@Suite struct CSVIMUReaderTests {
    @Test func readsABroadTrial() throws {
        let path = Fixtures.path("broad/02_undisturbed_slow_rotation_B_first20s.csv")
        let recording = try Recording(path: path)
        #expect(recording.format == .csv)
        #expect(recording.description == nil)
        let summary = try RecordingSummary(recording: recording)
        #expect(summary.samples == 5714)
        #expect(abs(summary.medianPeriod! - 0.0035) < 1e-9)
        #expect(abs(summary.duration - 5713 * 0.0035) < 1e-6)
        // Row 1 of the trial: t=0, a=(0.08701729, 0.1129342, 9.850261), ω=(0.003195698, 0.003195698, 0).
        let first = try #require(try recording.readAll().readings.first)
        guard case .sample(let s) = first else {
            Issue.record("first reading is not a sample")
            return
        }
        #expect(s.time == 0)
        #expect(s.acceleration == Vector3(0.08701729, 0.1129342, 9.850261))
        #expect(s.angularVelocity == Vector3(0.003195698, 0.003195698, 0))
        // The board lies flat at the start: +Z up.
        #expect(abs(summary.gravityAtStart!.z - 9.8) < 0.1)
    }

    @Test func columnsAreFoundByName() throws {
        let text = "movement,gz,gy,gx,az,ay,az_note,ax,t\n1,6,5,4,9.7,2,x,1,0.5\n0,6,5,4,9.7,2,y,1,0.6\n"
        var reader = try CSVIMUReader(bytes: Array(text.utf8), path: "shuffled.csv")
        let s = try #require(try reader.nextSample())
        #expect(s.time == 0.5)
        #expect(s.acceleration == Vector3(1, 2, 9.7))
        #expect(s.angularVelocity == Vector3(4, 5, 6))
        #expect(try reader.nextSample()?.time == 0.6)
        #expect(try reader.nextSample() == nil)
    }
}
