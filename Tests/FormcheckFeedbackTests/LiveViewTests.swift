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
        var s = Self.holding
        s.secondsLeft = 22.3  // shows as 23 until 22 s are left
        s.held = 37.7
        let screen = LiveView.render(status: s, exercise: piriformis, side: .right, width: 80, height: 24)
        let lines = Self.lines(screen)
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { $0.count <= 80 && !$0.hasSuffix(" ") })

        // The seconds left in big digits on five consecutive lines, all at the same column.
        let big = BlockFont.render("23")
        let top = try #require(lines.firstIndex { Self.trimmed($0) == big[0] })
        let indent = lines[top].prefix { $0 == " " }.count
        #expect(indent == (80 - big[0].count) / 2)
        for row in 0..<BlockFont.rows {
            #expect(lines[top + row] == String(repeating: " ", count: indent) + big[row].rtrimmed)
        }
        #expect(Self.trimmed(lines[top + BlockFont.rows]) == "seconds left")

        let text = lines.map(Self.trimmed)
        #expect(text.contains("Supine piriformis stretch — right leg — 1:15"))
        #expect(text.contains("target 60–130°  ✓"))
        // 37.7 of 60 s: 25 of 40 cells.
        #expect(text.contains("[" + String(repeating: "█", count: 25) + String(repeating: "░", count: 15) + "]  37 s held — 23 s left"))
        #expect(text.contains("rep 1 of 2 — right"))
        #expect(text.contains("“Hold — thirty seconds left”"))
        #expect(text.last == "Ctrl-C ends the session")
        #expect(!text.contains { $0.hasPrefix("!!") })  // no correction in force: no banner
        #expect(!screen.contains("\u{1B}"))
    }

    /// 0–150° on 61 cells (2.5° a cell): the band 60–130° from cell 24 to cell 52, 84.66° shown as
    /// 85° at cell 34, with the arrow under it.
    @Test func angleBarPositions() throws {
        let piriformis = try ExerciseLibrary.named("piriformis")
        #expect(AngleBar.scale(for: piriformis) == 0...150)
        #expect(AngleBar.scale(for: try ExerciseLibrary.named("walk")) == -30...60)
        let cells = AngleBar.cells(angle: 85, band: 60...130, scale: 0...150, cells: 61).plain
        #expect(cells.count == 61)
        let chars = Array(cells)
        #expect(chars[0..<24].allSatisfy { $0 == "·" })
        #expect(chars[24] == "[" && chars[52] == "]")
        #expect(chars[53...].allSatisfy { $0 == "·" })
        #expect(chars.firstIndex(of: "█") == 34 && chars.filter { $0 == "█" }.count == 1)
        #expect(chars[25..<52].filter { $0 == "═" }.count == 26)
        // Rounded to whole degrees: 83.4° is 83° (cell 33, not 34); the ends clamp with an arrow.
        #expect(AngleBar.column(83, scale: 0...150, cells: 61) == 33)
        #expect(Array(AngleBar.cells(angle: 160, band: nil, scale: 0...150, cells: 61).plain)[60] == "▶")
        #expect(Array(AngleBar.cells(angle: -5, band: nil, scale: 0...150, cells: 61).plain)[0] == "◀")

        // On the screen: "0° " then the cells then " 150°", the marker row's ▲ under the █.
        let lines = Self.lines(LiveView.render(status: Self.holding, exercise: piriformis, side: .right, width: 80, height: 24))
        let barRow = try #require(lines.firstIndex { $0.contains("0° ·") })
        #expect(lines[barRow].hasSuffix(" 150°"))
        let bar = Array(lines[barRow]), marker = Array(lines[barRow + 1])
        let at = try #require(bar.firstIndex(of: "█"))
        #expect(marker.firstIndex(of: "▲") == at)
        #expect(String(marker[(at + 1)...]) == " 85°")
        #expect(at == lines[barRow].prefix { $0 == " " }.count + 3 + 34)

        // A sagging hold at 52°: the marker left of the band.
        var s = Self.holding
        s.flexion = 52.4
        let row = try #require(Self.lines(LiveView.render(status: s, exercise: piriformis, side: .right, width: 80, height: 24))
            .first { $0.contains("0° ·") })
        let sag = Array(row.drop { $0 == " " }.dropFirst(3).prefix(61))
        #expect(sag.firstIndex(of: "█") == 21 && sag[24] == "[")
    }

    /// The correction in force is a banner, from when the countdown pauses to when it is corrected;
    /// the digits say they are paused.
    @Test func bannerWhileACorrectionIsInForce() throws {
        let piriformis = try ExerciseLibrary.named("piriformis")
        var s = Self.holding
        s.flexion = 136
        s.banner = "Too far — ease off"
        var text = Self.lines(LiveView.render(status: s, exercise: piriformis, side: .right, width: 80, height: 24)).map(Self.trimmed)
        #expect(text.contains("!! Too far — ease off !!"))
        #expect(text.contains("seconds left — paused"))
        #expect(text.contains { $0.hasSuffix("42 s held — 18 s left (paused)") })
        #expect(!text.contains("target 60–130°  ✓"))
        s.flexion = 120
        s.banner = nil
        text = Self.lines(LiveView.render(status: s, exercise: piriformis, side: .right, width: 80, height: 24)).map(Self.trimmed)
        #expect(!text.contains { $0.contains("Too far") && $0.hasPrefix("!!") })
        #expect(text.contains("seconds left"))
        #expect(text.contains("target 60–130°  ✓"))
    }

    /// Without colour: no escape at all. With: green band and digits, yellow marker, red banner,
    /// and the same characters once the escapes are taken out.
    @Test func colourOnlyWhenAsked() throws {
        let piriformis = try ExerciseLibrary.named("piriformis")
        var s = Self.holding
        s.banner = "Too far — ease off"
        let plain = LiveView.render(status: s, exercise: piriformis, side: .right, width: 80, height: 24, colour: false)
        let coloured = LiveView.render(status: s, exercise: piriformis, side: .right, width: 80, height: 24, colour: true)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1;97;41m!! Too far — ease off !!\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;33m█\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[32m[═"))
        #expect(Self.strippingEscapes(coloured) == plain)
        let frame = LiveView.frame(status: s, exercise: piriformis, side: .right, width: 80, height: 24, colour: false)
        #expect(!frame.replacingOccurrences(of: "\u{1B}[H", with: "").replacingOccurrences(of: "\u{1B}[K", with: "")
            .replacingOccurrences(of: "\u{1B}[J", with: "").contains("\u{1B}"))
    }

    @Test func colourFromTheEnvironment() {
        #expect(TerminalColour.enabled(environment: ["TERM": "xterm-256color"], isTerminal: true))
        #expect(!TerminalColour.enabled(environment: ["TERM": "xterm-256color"], isTerminal: false))
        #expect(!TerminalColour.enabled(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"], isTerminal: true))
        #expect(TerminalColour.enabled(environment: ["TERM": "xterm", "NO_COLOR": ""], isTerminal: true))
        #expect(!TerminalColour.enabled(environment: ["TERM": "dumb"], isTerminal: true))
        #expect(!TerminalColour.enabled(environment: [:], isTerminal: true))
    }

    /// Transcript: samples at 200 Hz draw on the quarter seconds only, whatever comes between.
    @Test func pacerDrawsAtFourHertz() {
        var pacer = LiveViewPacer(rate: 4)
        let transcript: [(Double, Bool)] = [(0.0, true), (0.005, false), (0.2, false), (0.25, true), (0.26, false),
                                            (0.49, false), (0.5, true), (1.3, true), (1.49, false), (1.5, true), (1.4, false)]
        for (t, draw) in transcript { #expect(pacer.sample(at: t) == draw, "t \(t)") }
        var fast = LiveViewPacer(rate: 4)
        let frames = (0..<2000).filter { fast.sample(at: Double($0) * 0.005) }.count
        #expect(frames == 40)  // 10 s
    }

    @Test func betweenHoldsAndAfterTheLastRep() throws {
        let piriformis = try ExerciseLibrary.named("piriformis")
        var s = Self.holding
        s.holding = false
        s.held = nil
        s.secondsLeft = nil
        s.flexion = 30.4
        s.target = 35...55
        var text = Self.lines(LiveView.render(status: s, exercise: piriformis, side: .left, width: 80, height: 24)).map(Self.trimmed)
        // The angle, whole degrees, in the big digits.
        #expect(text.contains(BlockFont.render("30°")[0].rtrimmed))
        #expect(text.contains("degrees"))
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
        #expect(text.contains(BlockFont.render("0")[1].rtrimmed))
        #expect(text.contains("done — release slowly"))
    }

    @Test func beforeCalibration() throws {
        var s = SessionStatus()
        s.repsPerSide = 3
        s.holdSeconds = 30
        let text = Self.lines(LiveView.render(status: s, exercise: try ExerciseLibrary.named("hamstring"), side: .left,
                                              width: 80, height: 24)).map(Self.trimmed)
        #expect(text.contains(BlockFont.render("--°")[2].rtrimmed))
        #expect(text.contains("calibrating — keep still"))
        #expect(!text.contains { $0.contains("·") })  // no bar yet
        #expect(text.contains("rep 1 of 3 — left"))
    }

    /// A bridge in set 2, rep 4 rising for 1.25 s; then at the top; then resting between sets.
    @Test func strengthTempoGuide() throws {
        let bridge = try ExerciseLibrary.named("bridge")
        var s = SessionStatus()
        s.t = 100.25
        s.calibrated = true
        s.flexion = 30
        s.set = 2
        s.sets = 2
        s.reps = 3
        s.stage = .up
        s.stageSince = 99
        s.lastRange = 31.6
        s.lastComplete = true
        var text = Self.lines(LiveView.render(status: s, exercise: bridge, side: .right, width: 80, height: 24)).map(Self.trimmed)
        #expect(text.contains("set 2 of 2 — reps 3/10 — right"))
        #expect(text.contains("[UP 1.2 s] › hold 2 s › down 1 s"))
        #expect(text.contains("last rep 32° of 33°  ✓"))
        #expect(text.contains(BlockFont.render("7")[0].rtrimmed))  // reps left in the set
        s.stage = .top
        s.stageSince = 100
        s.lastComplete = false
        text = Self.lines(LiveView.render(status: s, exercise: bridge, side: .right, width: 80, height: 24)).map(Self.trimmed)
        #expect(text.contains("up 1 s › [HOLD 0.2 s] › down 1 s"))
        #expect(text.contains("last rep 32° of 33°  ✗"))
        s.resting = true
        text = Self.lines(LiveView.render(status: s, exercise: bridge, side: .right, width: 80, height: 24)).map(Self.trimmed)
        #expect(text.contains("rest — set 2 next"))
        #expect(!text.contains { $0.contains("HOLD") })
        // Without a pause at the top (the straight-leg raise has 1 s; a protocol without one has no hold stage).
        var raise = try ExerciseLibrary.named("straight-leg-raise")
        raise.reps?.holdSeconds = 0
        s.resting = false
        s.stage = .down
        text = Self.lines(LiveView.render(status: s, exercise: raise, side: .left, width: 80, height: 24)).map(Self.trimmed)
        #expect(text.contains("up 1 s › [DOWN 0.2 s]"))
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
        #expect(text.contains(BlockFont.render("84")[0].rtrimmed))
        #expect(text.contains("steps/min"))
        #expect(text.contains { $0.hasPrefix("-30° ·") && $0.hasSuffix(" 60°") })
        #expect(text.contains("steps 84   cadence 84.3 steps/min (brisk: 100 or more)"))
        #expect(!text.contains { $0.hasPrefix("rep ") })
        #expect(text.contains("“Pick up the pace”"))
    }

    @Test func smallTerminal() throws {
        // Too narrow and low for the big digits: the figure as text; every line fits.
        var s = Self.holding
        s.banner = "Too far — ease off"
        let lines = Self.lines(LiveView.render(status: s, exercise: try ExerciseLibrary.named("piriformis"),
                                               side: .right, width: 30, height: 10))
        #expect(lines.count == 10)
        #expect(lines.allSatisfy { $0.count <= 30 })
        #expect(lines.map(Self.trimmed).contains("18 seconds left — paused"))
        #expect(lines.map(Self.trimmed).contains("!! Too far — ease off !!"))
        #expect(lines.map(Self.trimmed).last == "Ctrl-C ends the session")
    }

    @Test func frameRedrawsInPlace() throws {
        let frame = LiveView.frame(status: Self.holding, exercise: try ExerciseLibrary.named("piriformis"), side: .right,
                                   width: 80, height: 24)
        #expect(frame.hasPrefix("\u{1B}[H"))
        #expect(frame.hasSuffix("Ctrl-C ends the session\u{1B}[K\u{1B}[J"))
        #expect(frame.components(separatedBy: "\u{1B}[K").count == 25)
        #expect(!frame.contains("\u{1B}[2J"))  // never cleared: drawn over
    }

    /// The characters a terminal shows: SGR escapes removed.
    static func strippingEscapes(_ s: String) -> String {
        var out = "", inEscape = false
        for c in s {
            if inEscape { if c == "m" { inEscape = false }; continue }
            if c == "\u{1B}" { inEscape = true; continue }
            out.append(c)
        }
        return out
    }
}

extension String {
    /// Without trailing spaces (the view trims its lines).
    fileprivate var rtrimmed: String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
