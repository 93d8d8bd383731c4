import FormcheckFeedback
import Foundation
import MotionCore

/// Where a live routine's events go: JSON Lines, text lines for people, or — on a terminal — the
/// full-screen routine view (`LiveRoutineViewSink`), with the routine's summary at the end.
final class RoutineOutput: @unchecked Sendable {
    let format: OutputFormat
    private let view: LiveRoutineViewSink?

    init(format: OutputFormat) {
        self.format = format
        if format == .text, Terminal.isTerminal(1) {
            let colour = TerminalColour.enabled(environment: ProcessInfo.processInfo.environment, isTerminal: true)
            view = LiveRoutineViewSink(colour: colour, size: { Terminal.size() }, write: { FileHandle.standardOutput.write(Data($0.utf8)) })
        } else {
            view = nil
        }
    }

    func emit(_ event: RoutineEvent, status: RoutineStatus) {
        switch format {
        case .json:
            write(event.jsonLine + "\n")
        case .text:
            if let view { view.emit(event, status: status) } else { write(TextReport.text(for: event) + "\n") }
        }
    }

    /// Every sample's status, so the view follows the angle between events.
    func tick(_ status: RoutineStatus) {
        view?.tick(status)
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
