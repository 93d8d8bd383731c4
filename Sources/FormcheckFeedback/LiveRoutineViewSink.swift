/// The live routine view as a sink, as `LiveViewSink` is for one exercise: frames of
/// `LiveRoutineView` at the pacer's steady rate of routine time, drawn over each other (the screen
/// cleared once), and at the end the routine's summary on a cleared screen with the cursor back.
///
/// Not thread-safe: call it from one task (the routine's).
public final class LiveRoutineViewSink {
    /// ANSI colours (decided by the caller: `TerminalColour.enabled`).
    public let colour: Bool
    private var pacer: LiveViewPacer
    private let size: () -> (width: Int, height: Int)
    private let write: (String) -> Void
    private var started = false

    /// - Parameters:
    ///   - rate: frames per second of routine time.
    ///   - size: the terminal's columns and rows, asked at every frame.
    ///   - write: where the terminal output goes.
    public init(colour: Bool, rate: Double = 4, size: @escaping () -> (width: Int, height: Int), write: @escaping (String) -> Void) {
        self.colour = colour
        pacer = LiveViewPacer(rate: rate)
        self.size = size
        self.write = write
    }

    /// A routine event: the routine's summary ends the view; the others show in the next frame.
    public func emit(_ event: RoutineEvent, status: RoutineStatus) {
        guard case .summary(let s) = event else { return }
        write((started ? LiveViewSink.end : "") + TextReport.routineSummary(s) + "\n")
        started = false
    }

    /// Every sample's status: draws a frame when one is due.
    public func tick(_ status: RoutineStatus) {
        guard pacer.sample(at: status.t) else { return }
        let (width, height) = size()
        write((started ? "" : LiveViewSink.start) + LiveRoutineView.frame(status: status, width: width, height: height, colour: colour))
        started = true
    }
}
