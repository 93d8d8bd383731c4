@testable import FormcheckFeedback
import MotionCore
import Testing

/// The live view: the angle in big digits, the target, the hold's progress, the reps, walking.
@Suite struct LiveViewTests {
    /// Rep 1 of the piriformis, 42.3 s into a 60 s hold at 84.7°, 1:15 into the session.
    static var holding: SessionStatus {
        var s = SessionStatus()
        s.t = 75.4
        s.calibrated = true
        s.flexion = 84.66
        s.adduction = 14
        s.target = 60...130
        s.holding = true
        s.held = 42.3
        s.secondsLeft = 17.7
        s.holdSeconds = 60
        s.reps = 1
        s.repsPerSide = 2
        s.lastCue = "Hold — thirty seconds left"
        return s
    }

    static func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func trimmed(_ line: String) -> String {
        String(line.drop { $0 == " " })
    }


    @Test func bigDigitsOfTheAngle() {
        #expect(BlockFont.render("84.7°") == [
            "██████  ██  ██      ██████  ████",
            "██  ██  ██  ██          ██  █  █",
            "██████  ██████         ██   ████",
            "██  ██      ██        ██        ",
            "██████      ██  ██    ██        ",
        ])
        #expect(BlockFont.render("-0") == [
            "      ██████",
            "      ██  ██",
            "████  ██  ██",
            "      ██  ██",
            "      ██████",
        ])
        #expect(BlockFont.characters == Set("0123456789°-. "))
        for c in BlockFont.characters {
            #expect(BlockFont.render(String(c)).allSatisfy { $0.count == BlockFont.width(String(c)) }, "\(c)")
        }
    }

    @Test func holdingScreen() throws {
        let piriformis = try ExerciseLibrary.named("piriformis")
        let screen = LiveView.render(status: Self.holding, exercise: piriformis, side: .right, width: 80, height: 24)
        let lines = Self.lines(screen)
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { $0.count <= 80 && !$0.hasSuffix(" ") })

        // The angle, rounded to 0.1°, in big digits on five consecutive lines, all at the same column.
        let big = BlockFont.render("84.7°")
        let top = try #require(lines.firstIndex { Self.trimmed($0) == big[0] })
        let indent = lines[top].prefix { $0 == " " }.count
        #expect(indent == (80 - big[0].count) / 2)
        for row in 0..<BlockFont.rows {
            #expect(lines[top + row] == String(repeating: " ", count: indent) + big[row].rtrimmed)
        }

        let text = lines.map(Self.trimmed)
        #expect(text.contains("Supine piriformis stretch — right leg — 1:15"))
        #expect(text.contains("target 60–130°  ✓"))
        // 42.3 of 60 s: 28 of 40 cells; 17.7 s left shows as 18.
        #expect(text.contains("[" + String(repeating: "█", count: 28) + String(repeating: "░", count: 12) + "]  42 s held — 18 s left"))
        #expect(text.contains("rep 1 of 2 — right"))
        #expect(text.contains("“Hold — thirty seconds left”"))
        #expect(text.last == "Ctrl-C ends the session")
        #expect(!screen.contains("\u{1B}"))
    }

    @Test func betweenHoldsAndAfterTheLastRep() throws {
        let piriformis = try ExerciseLibrary.named("piriformis")
        var s = Self.holding
        s.holding = false
        s.held = nil
        s.secondsLeft = nil
        s.flexion = 30
        s.target = 35...55
        var text = Self.lines(LiveView.render(status: s, exercise: piriformis, side: .left, width: 80, height: 24)).map(Self.trimmed)
        #expect(text.contains("target 35–55°"))  // outside: no tick
        #expect(text.contains("hold 60 s at 60° or more"))
        #expect(text.contains("rep 2 of 2 — left"))
        s.reps = 2
        text = Self.lines(LiveView.render(status: s, exercise: piriformis, side: .left, width: 80, height: 24)).map(Self.trimmed)
        #expect(text.contains("2 of 2 reps done — left: switch legs"))
    }

    @Test func holdDone() throws {
        var s = Self.holding
        s.held = 60.2
        s.secondsLeft = 0
        let text = Self.lines(LiveView.render(status: s, exercise: try ExerciseLibrary.named("piriformis"), side: .right,
                                              width: 60, height: 20)).map(Self.trimmed)
        // Width 60: the bar takes what the text leaves (23 cells), full.
        #expect(text.contains("[" + String(repeating: "█", count: 23) + "]  60 s held — done — release slowly"))
    }

    @Test func beforeCalibration() throws {
        var s = SessionStatus()
        s.repsPerSide = 3
        s.holdSeconds = 30
        let text = Self.lines(LiveView.render(status: s, exercise: try ExerciseLibrary.named("hamstring"), side: .left,
                                              width: 80, height: 24)).map(Self.trimmed)
        #expect(text.contains(BlockFont.render("--.-°")[2].rtrimmed))
        #expect(text.contains("calibrating — keep still"))
        #expect(text.contains("rep 1 of 3 — left"))
    }

    @Test func walking() throws {
        var s = SessionStatus()
        s.t = 65
        s.calibrated = true
        s.flexion = -12.3
        s.steps = 84
        s.cadence = 84.3
        s.lastCue = "Pick up the pace"
        let lines = Self.lines(LiveView.render(status: s, exercise: try ExerciseLibrary.named("walk"), side: .right,
                                               width: 70, height: 20))
        #expect(lines.count == 20)
        let text = lines.map(Self.trimmed)
        #expect(text.contains(Self.trimmed(BlockFont.render("-12.3°")[2].rtrimmed)))  // the row with the minus
        #expect(text.contains("steps 84   cadence 84.3 steps/min (brisk: 100 or more)"))
        #expect(!text.contains { $0.hasPrefix("rep ") })
        #expect(text.contains("“Pick up the pace”"))
    }

    @Test func smallTerminal() throws {
        // Too narrow for the big digits: the angle as text; every line fits.
        let lines = Self.lines(LiveView.render(status: Self.holding, exercise: try ExerciseLibrary.named("piriformis"),
                                               side: .right, width: 24, height: 10))
        #expect(lines.count == 10)
        #expect(lines.allSatisfy { $0.count <= 24 })
        #expect(lines.map(Self.trimmed).contains("flexion 84.7°"))
        #expect(lines.map(Self.trimmed).last == "Ctrl-C ends the session")
    }

    @Test func frameRedrawsInPlace() throws {
        let frame = LiveView.frame(status: Self.holding, exercise: try ExerciseLibrary.named("piriformis"), side: .right,
                                   width: 80, height: 24)
        #expect(frame.hasPrefix("\u{1B}[H"))
        #expect(frame.hasSuffix("Ctrl-C ends the session\u{1B}[K\u{1B}[J"))
        #expect(frame.components(separatedBy: "\u{1B}[K").count == 25)
    }
}

extension String {
    /// Without trailing spaces (the view trims its lines).
    fileprivate var rtrimmed: String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
