@testable import FormcheckFeedback
import MotionCore
import Testing

/// Session events as text for people: exact lines and the summary table.
@Suite struct TextReportTests {
    @Test func oneLinePerEvent() {
        #expect(TextReport.text(for: .calibrated(t: 0, posture: .supine)) == "   0.0 s  calibrated (supine)")
        #expect(TextReport.text(for: .holdStarted(t: 17.34, rep: 1, side: .right, start: 12.34, flexion: 84.66))
                == "  17.3 s  hold 1 started at 84.7° (right), from 12.3 s")
        #expect(TextReport.text(for: .formError(t: 14.25, kind: .bouncing, rep: 1))
                == "  14.3 s  ✗ rep 1: bouncing during the hold: ballistic stretching triggers the stretch reflex")
        #expect(TextReport.text(for: .formError(t: 65, kind: .slowCadence, rep: nil))
                == "  65.0 s  ✗ walking slower than a brisk pace")
        #expect(TextReport.text(for: .holdEnded(t: 77.4, rep: 1, side: .right, start: 12.32, end: 74.4, complete: true))
                == "  77.4 s  hold 1 ended after 62.1 s at 74.4 s (right), complete")
        #expect(TextReport.text(for: .holdEnded(t: 1234.5, rep: 2, side: .left, start: 1206.5, end: 1231.5, complete: false))
                == "1234.5 s  hold 2 ended after 25.0 s at 1231.5 s (left), not complete")
        #expect(TextReport.text(for: .cue(t: 45.68, cue: .holdCountdown(seconds: 30, first: false)))
                == "  45.7 s  \"Hold — thirty seconds left\"")
        #expect(TextReport.text(for: .strapSlipped(t: 50, degrees: 15.24)) == "  50.0 s  ✗ the strap turned 15.2° on the thigh")
    }

    @Test func stretchSummaryTable() {
        #expect(TextReport.text(for: .summary(SessionEventJSONTests.summary)) == """
            summary   piriformis, right side, 312.5 s
            holds
              rep  side     start      end  duration   mean   peak  complete
                1  right   12.3 s   74.4 s    62.1 s  84.7°  86.0°  ✓
                2  right  100.0 s  125.5 s    25.5 s  58.3°  61.0°  ✗
            form errors
              14.3 s  bouncing (rep 1): bouncing during the hold: ballistic stretching triggers the stretch reflex
             125.5 s  shortHold (rep 2): released before the hold time
            """)
    }

    @Test func walkSummaryAndNoHolds() {
        let walk = SessionSummary(t: 65, exercise: "walk", side: .right, holds: [],
                                  formErrors: [.init(t: 65, kind: .slowCadence, rep: nil)], steps: 84, cadence: 84.26,
                                  walkingSeconds: 59.82, distanceMeters: 50.84)
        #expect(TextReport.summary(walk) == """
            summary   walk, right side, 65.0 s
            form errors
              65.0 s  slowCadence: walking slower than a brisk pace
            steps     84
            cadence   84.3 steps/min
            walking   59.8 s
            distance  50.8 m
            """)
        let nothing = SessionSummary(t: 30, exercise: "hamstring", side: .left, holds: [], formErrors: [],
                                     steps: nil, cadence: nil)
        #expect(TextReport.summary(nothing) == """
            summary   hamstring, left side, 30.0 s
            holds     none
            form errors none
            """)
    }
}
