import FormcheckHistory
import Testing

/// The 10 Hz trace: each value the mean of its tenth of a second, NaN where nothing was known.
@Suite struct AngleTraceRecorderTests {
    @Test func meansOfEachTenthOfASecond() throws {
        var r = AngleTraceRecorder()
        r.add(t: 4, flexion: 99)  // idle: not kept
        r.begin(at: 5)
        r.add(t: 4.99, flexion: 99)  // before the start: not used
        // 100 Hz for 0.5 s (mid-period times, off the tenths' edges), flexion i / 10 at sample i: the
        // first tenth's mean is (0 + … + 0.9) / 10 = 0.45.
        for i in 0..<50 { r.add(t: 5 + (Double(i) + 0.5) / 100, flexion: Double(i) / 10) }
        let finished = r.finish(at: 5.5)
        let trace = try #require(finished)
        #expect(trace.start == 5 && trace.rate == 10)
        #expect(trace.flexion.count == 5)
        for (i, v) in trace.flexion.enumerated() {
            #expect(abs(Double(v) - (Double(i) + 0.45)) < 1e-5, "value \(i): \(v)")
        }
        #expect(!r.isRecording)
        #expect(r.finish(at: 9) == nil)
    }

    @Test func unknownAnglesAndGapsAreNaNAndTheEndIsPadded() throws {
        var r = AngleTraceRecorder(rate: 10)
        r.begin(at: 0)
        r.add(t: 0.01, flexion: nil)  // before calibration
        r.add(t: 0.05, flexion: .nan)
        r.add(t: 0.12, flexion: 30)
        r.add(t: 0.18, flexion: 40)
        r.add(t: 0.55, flexion: 50)  // a gap from 0.2 to 0.5 s
        r.add(t: 0.40, flexion: 80)  // back in time: not used
        let finished = r.finish(at: 0.9)
        let trace = try #require(finished)
        let shown = trace.flexion.map { $0.isNaN ? "nan" : "\(Int($0))" }
        #expect(shown == ["nan", "35", "nan", "nan", "nan", "50", "nan", "nan", "nan"])
        #expect(abs(trace.end - 0.9) < 1e-12)
    }

    @Test func beginningAgainStartsAFreshTrace() throws {
        var r = AngleTraceRecorder()
        r.begin(at: 0)
        r.add(t: 0.05, flexion: 10)
        r.begin(at: 10)
        r.add(t: 10.05, flexion: 20)
        let finished = r.finish(at: 10.1)
        let trace = try #require(finished)
        #expect(trace.start == 10 && trace.flexion == [20])
    }
}
