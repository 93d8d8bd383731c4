import FormcheckFeedback
import Foundation
import MotionCore

/// Where session events go: JSON Lines, text lines for people, or — live, on a terminal — a
/// full-screen view redrawn as the session goes, with the summary table at the end.
final class EventOutput: @unchecked Sendable {
    let format: OutputFormat
    let fullScreen: Bool
    let exercise: ExerciseProtocol?
    let side: Side
    private var lastDraw = -Double.infinity

    /// Redraws of the live view per second, at most.
    static let drawRate = 10.0

    init(format: OutputFormat, live: Bool = false, exercise: ExerciseProtocol? = nil, side: Side = .right) {
        self.format = format
        self.exercise = exercise
        self.side = side
        fullScreen = live && format == .text && Terminal.isTerminal(1)
    }

    func emit(_ event: SessionEvent, status: SessionStatus? = nil) {
        switch format {
        case .json:
            write(event.jsonLine + "\n")
        case .text:
            if fullScreen, let status, let exercise {
                if case .summary(let s) = event {
                    write(Terminal.clearScreen + TextReport.summary(s) + "\n")
                    return
                }
                // Every event redraws at once; between events `tick` redraws at the draw rate.
                lastDraw = status.t
                let (width, height) = Terminal.size()
                write(LiveView.frame(status: status, exercise: exercise, side: side, width: width, height: height))
            } else {
                write(TextReport.text(for: event) + "\n")
            }
        }
    }

    /// Called for every sample in live mode, so the view follows the angle between events.
    func tick(_ status: SessionStatus) {
        guard fullScreen, let exercise, status.t - lastDraw >= 1 / Self.drawRate else { return }
        lastDraw = status.t
        let (width, height) = Terminal.size()
        write(LiveView.frame(status: status, exercise: exercise, side: side, width: width, height: height))
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
