import MotionCore

/// The live view as a sink: frames of `LiveView`, drawn at the pacer's steady rate of session time
/// (the screen cleared once, then each frame drawn over the last with cursor-home and line-clear),
/// and at the end the summary table on a cleared screen with the cursor back.
///
/// Not thread-safe: call it from one task (the session's).
public final class LiveViewSink {
    public let exercise: ExerciseProtocol
    public let side: Side
    /// ANSI colours (decided by the caller: `TerminalColour.enabled`).
    public let colour: Bool
    private var pacer: LiveViewPacer
    private let size: () -> (width: Int, height: Int)
    private let write: (String) -> Void
    private var started = false

    /// Clears the screen, cursor home, cursor hidden: before the first frame.
    public static let start = "\u{1B}[2J\u{1B}[H\u{1B}[?25l"
    /// Cursor shown again, screen cleared: before the summary.
    public static let end = "\u{1B}[?25h\u{1B}[2J\u{1B}[H"

    /// - Parameters:
    ///   - rate: frames per second of session time.
    ///   - size: the terminal's columns and rows, asked at every frame.
    ///   - write: where the terminal output goes.
    public init(exercise: ExerciseProtocol, side: Side, colour: Bool, rate: Double = 4,
                size: @escaping () -> (width: Int, height: Int), write: @escaping (String) -> Void) {
        self.exercise = exercise
        self.side = side
        self.colour = colour
        pacer = LiveViewPacer(rate: rate)
        self.size = size
        self.write = write
    }

    /// A session event: the summary ends the view; the others show in the next frame.
    public func emit(_ event: SessionEvent, status: SessionStatus) {
        guard case .summary(let s) = event else { return }
        write((started ? Self.end : "") + TextReport.summary(s) + "\n")
        started = false
    }

    /// Every sample's status: draws a frame when one is due.
    public func tick(_ status: SessionStatus) {
        guard pacer.sample(at: status.t) else { return }
        let (width, height) = size()
        write((started ? "" : Self.start) + LiveView.frame(status: status, exercise: exercise, side: side,
                                                           width: width, height: height, colour: colour))
        started = true
    }
}
