import FormcheckFeedback
import Foundation
import MotionCore

/// Where session events go: JSON Lines, text lines for people, or — live, on a terminal — the
/// full-screen view (`LiveViewSink`: redrawn at a steady rate, colour when the terminal has it),
/// with the summary table at the end.
final class EventOutput: @unchecked Sendable {
    let format: OutputFormat
    private let view: LiveViewSink?

    init(format: OutputFormat, live: Bool = false, exercise: ExerciseProtocol? = nil, side: Side = .right) {
        self.format = format
        if live, format == .text, Terminal.isTerminal(1), let exercise {
            let colour = TerminalColour.enabled(environment: ProcessInfo.processInfo.environment, isTerminal: true)
            view = LiveViewSink(exercise: exercise, side: side, colour: colour, size: { Terminal.size() },
                                write: { FileHandle.standardOutput.write(Data($0.utf8)) })
        } else {
            view = nil
        }
    }

    /// True when the full-screen view is drawn.
    var fullScreen: Bool { view != nil }

    func emit(_ event: SessionEvent, status: SessionStatus? = nil) {
        switch format {
        case .json:
            write(event.jsonLine + "\n")
        case .text:
            if let view, let status {
                view.emit(event, status: status)
            } else {
                write(TextReport.text(for: event) + "\n")
            }
        }
    }

    /// Called for every sample in live mode, so the view follows the angle between events.
    func tick(_ status: SessionStatus) {
        view?.tick(status)
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
