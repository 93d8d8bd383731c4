import MotionCore

/// The live view of a routine (`formcheck routine`): a line saying where in the plan the routine is
/// (`Step 3 of 10 — stretches`), then the exercise under way's own view (`LiveView`, one line
/// shorter), or, while the strap is being moved, what to do and what comes next; the keys on the
/// last line. A pure function of the status, like `LiveView.render`.
public enum LiveRoutineView {
    /// The keys, on the last line.
    public static let hint = "s skips the exercise · r repeats it · Ctrl-C ends the routine"

    /// `step 3 of 10 — stretches`; `step 2 of 4 next — stretches` while the strap moves.
    public static func stepLine(_ status: RoutineStatus) -> String {
        if let step = status.step { return "step \(step.number) of \(status.steps) — \(status.routine)" }
        if let next = status.next { return "step \(next.number) of \(status.steps) next — \(status.routine)" }
        return status.done ? "\(status.routine) done" : status.routine
    }

    /// The screen: exactly `height` lines, each at most `width` columns, without trailing spaces.
    public static func render(status: RoutineStatus, width: Int, height: Int, colour: Bool = false) -> String {
        lines(status: status, width: width, height: height).map { $0.text(colour: colour) }.joined(separator: "\n")
    }

    /// `render`'s screen with the escapes that redraw it in place (as `LiveView.frame`).
    public static func frame(status: RoutineStatus, width: Int, height: Int, colour: Bool = false) -> String {
        let escape = "\u{1B}["
        let lines = lines(status: status, width: width, height: height).map { $0.text(colour: colour) + escape + "K" }
        return escape + "H" + lines.joined(separator: "\n") + escape + "J"
    }

    public static func lines(status: RoutineStatus, width: Int, height: Int) -> [ViewLine] {
        let width = max(1, width), height = max(1, height)
        let head = LiveView.centre(ViewLine(stepLine(status), .title), width: width).trimmingTrailingSpaces
        let foot = LiveView.centre(ViewLine(hint), width: width).trimmingTrailingSpaces
        guard height >= 3 else { return Array([head, foot].suffix(height)) }
        var middle: [ViewLine]
        if let step = status.step, let session = status.session {
            // The exercise's own view, its hint line replaced by the routine's.
            middle = Array(LiveView.lines(status: session, exercise: step.exercise, side: step.side, width: width, height: height - 1).dropLast())
        } else {
            var content: [ViewLine] = []
            if let side = status.movingStrapTo {
                content.append(ViewLine(CueCatalogue.english.text(.moveStrap(to: side)), .attention))
                if let next = status.next {
                    content += ["", ViewLine("next: \(next.exercise.title) — \(next.side.rawValue) leg")]
                }
            } else if let next = status.next {
                // Getting into the next exercise's posture.
                content.append(ViewLine(CueCatalogue.english.text(next.announcement), .attention))
            } else if status.done {
                content.append(ViewLine("routine done", .good))
            } else {
                content.append("keep still")
            }
            let room = height - 2
            let top = max(0, (room - content.count) / 2)
            middle = Array(repeating: ViewLine(), count: top) + content.prefix(room)
            middle += Array(repeating: ViewLine(), count: max(0, room - middle.count))
            middle = middle.map { LiveView.centre($0, width: width).trimmingTrailingSpaces }
        }
        return [head] + middle.prefix(height - 2) + [foot]
    }
}
