@testable import FormcheckReport
import Testing

/// The weekly charts' value axis: round steps, at most five intervals, the top at or just above
/// the largest value.
@Suite struct BarChartTests {
    @Test func axisStepsAreRound() {
        #expect(BarChart.axis(3.1) == (4, 1))
        #expect(BarChart.axis(10) == (10, 2))
        #expect(BarChart.axis(10.01) == (12.5, 2.5))
        #expect(BarChart.axis(8) == (8, 2))
        #expect(BarChart.axis(21.0) == (25, 5))
        #expect(BarChart.axis(1800) == (2000, 500))
        #expect(BarChart.axis(0) == (1, 0.2))
        let small = BarChart.axis(0.04)
        #expect(abs(small.top - 0.04) < 1e-12 && abs(small.step - 0.01) < 1e-12)
    }

    /// Grid labels with as many decimals as the step needs: 0.25 → "0.25", "0.50"; 0.2 → "0.2"; 5 → "5".
    @Test func labelsShowTheStepExactly() {
        #expect(BarChart.decimals(0.25) == 2)
        #expect(BarChart.decimals(0.2) == 1)
        #expect(BarChart.decimals(5) == 0)
        #expect(BarChart.decimals(0.01) == 2)
        #expect(BarChart.decimals(2.5) == 1)
    }
}
