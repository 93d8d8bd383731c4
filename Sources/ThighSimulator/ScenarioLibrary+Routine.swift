import MotionCore

extension ScenarioLibrary {
    /// Whole routines with the strap moved between the legs (issue 12), kept apart from `all` so
    /// its golden files stay as they are. Each follows a routine of Fixtures/routines (shortened
    /// doses, so it renders in seconds): the exercises in the plan's order, an exercise marker where
    /// the exercise changes, a strap step where the plan moves the strap.
    public static let routineSuite: [Scenario] = [
        // stretches-short: piriformis 1 × 20 s, hamstring 2 × 15 s, both legs.
        Scenario(name: "routine-stretches", summary: "the stretches routine, short: piriformis right, strap to the left thigh, piriformis left, hamstring left, strap to the right thigh, hamstring right",
                 exercise: "piriformis", posture: .supine, device: .joyConRight, seed: 401,
                 steps: piriformisRep(hold: 20) + [.rest(3), .strap(side: .left, duration: 20)]
                     + piriformisRep(hold: 20) + [.rest(3), .exercise(name: "hamstring")]
                     + supineRep(flexion: 70, hold: 15) + supineRep(flexion: 70, hold: 15) + [.rest(3), .strap(side: .right, duration: 20)]
                     + supineRep(flexion: 70, hold: 15) + supineRep(flexion: 70, hold: 15) + [.rest(3)]),
        // The same, but the strap goes back on the right thigh when the plan says left: the
        // piriformis on the "left" crosses the other way.
        Scenario(name: "routine-strap-wrong-leg", summary: "stretches routine, short, where the strap goes back on the right thigh instead of the left",
                 exercise: "piriformis", posture: .supine, device: .joyConRight, seed: 402,
                 steps: piriformisRep(hold: 20) + [.rest(3), .strap(side: .right, duration: 20)]
                     + piriformisRep(hold: 20) + [.rest(3)]),
        // sciatica-daily-short, one sensor: every exercise of sciatica-daily in its order, the
        // strap moved four times, the body getting into each exercise's posture between them.
        Scenario(name: "routine-daily", summary: "the whole sciatica-daily routine, short doses, one Joy-Con moved between the legs: piriformis, hamstring and knee-to-chest on both legs, bridges, clamshells on both sides, a walk",
                 exercise: "piriformis", posture: .supine, device: .joyConRight, seed: 403, steps: dailyOneSensor),
    ]

    /// Routines with a sensor on each thigh (issue 12): both thighs of one body, two recordings on
    /// one clock (`ScenarioPair`).
    public static let pairSuite: [ScenarioPair] = [
        pair(name: "routine-daily-pair", summary: "the whole sciatica-daily routine, short doses, a Joy-Con on each thigh: the stretches one leg at a time, bridges and the walk on both legs at once, clamshells on each side",
             first: "piriformis", seed: 411, dailyTwoSensors),
        pair(name: "routine-pair-short", summary: "pair-short: a hamstring stretch on each leg (held 8 s, 5 s asked), then two bridges on both legs (a Joy-Con on each thigh)",
             first: "hamstring", seed: 413, pairShort),
    ]

    /// The pair scenario of that name.
    public static func namedPair(_ name: String) -> ScenarioPair? {
        pairSuite.first { $0.name == name }
    }

    /// Getting up from lying on the side to standing: sit up, stand up.
    static let sideLyingToStanding: [ScenarioStep] = [
        .pelvis(posture: .sitting, flexion: nil, adduction: nil, rotation: nil, duration: 3), .rest(0.5),
        .pelvis(posture: .standing, flexion: nil, adduction: nil, rotation: nil, duration: 2), .rest(3),
    ]

    /// Turning over from one side to the other, the hips bent 45° for the clamshell: onto the back
    /// (knees up), then onto the other side.
    static func turnOver(to posture: Posture) -> [ScenarioStep] {
        [.pelvis(posture: .hookLying, flexion: 45, adduction: nil, rotation: nil, duration: 2.5),
         .pelvis(posture: posture, flexion: 45, adduction: nil, rotation: nil, duration: 2.5)]
    }

    /// sciatica-daily-short with one sensor (Fixtures/routines/sciatica-daily-short.json): piriformis
    /// 1 × 20 s, hamstring 1 × 15 s, knee-to-chest 1 × 15 s on both legs, bridge 1 × 4, clamshell
    /// 1 × 4 on both sides, a 30 s walk. The plan: piriformis right, left (strap), hamstring left,
    /// right (strap), knee-to-chest right, left (strap), bridge on the left, clamshell left, right
    /// (strap; then the body turns over), walk on the right.
    static var dailyOneSensor: [ScenarioStep] {
        var s: [ScenarioStep] = []
        s += piriformisRep(hold: 20) + [.rest(3), .strap(side: .left, duration: 20)]
        s += piriformisRep(hold: 20) + [.rest(3), .exercise(name: "hamstring")]
        s += supineRep(flexion: 70, hold: 15) + [.rest(3), .strap(side: .right, duration: 20)]
        s += supineRep(flexion: 70, hold: 15) + [.rest(3), .exercise(name: "knee-to-chest")]
        s += supineRep(flexion: 110, hold: 15, raise: 5) + [.rest(3), .strap(side: .left, duration: 20)]
        s += supineRep(flexion: 110, hold: 15, raise: 5) + [.rest(3), .exercise(name: "bridge")]
        s += [.pelvis(posture: .hookLying, flexion: nil, adduction: nil, rotation: nil, duration: 2), .rest(4)]
        s += times(4, bridgeRep()) + [.rest(3), .exercise(name: "clamshell")]
        s += [.pelvis(posture: .sideLyingRight, flexion: 45, adduction: nil, rotation: nil, duration: 3), .rest(4)]
        s += times(4, clamshellRep()) + [.rest(3), .strap(side: .right, duration: 20)]
        s += [.rest(3)] + turnOver(to: .sideLying) + [.rest(4)]
        s += times(4, clamshellRep()) + [.rest(3), .exercise(name: "walk")]
        s += sideLyingToStanding + [.walk(duration: 30, cadence: 110), .rest(3)]
        return s
    }

    /// Two thighs' steps built side by side: what both do, or what one does while the other rests.
    struct PairSteps {
        var left: [ScenarioStep] = []
        var right: [ScenarioStep] = []

        /// Both thighs (one body moving: a posture change, a bridge).
        mutating func both(_ steps: [ScenarioStep]) {
            left += steps
            right += steps
        }

        /// `side`'s thigh does `steps`; the other rests as long.
        mutating func only(_ side: Side, _ steps: [ScenarioStep]) {
            let rest = ScenarioStep.rest(steps.reduce(0) { $0 + $1.duration })
            if side == .left {
                left += steps
                right.append(rest)
            } else {
                right += steps
                left.append(rest)
            }
        }

        /// Each thigh its own steps, of the same length.
        mutating func each(left l: [ScenarioStep], right r: [ScenarioStep]) {
            left += l
            right += r
        }
    }

    /// sciatica-daily-short with a sensor on each thigh (the plan for two sensors): the stretches
    /// one leg at a time in the one-sensor plan's order (no strap moves), the bridge on both legs at
    /// once, clamshells left then right (turning over between), and the walk on both legs (the left
    /// half a stride after the right).
    static var dailyTwoSensors: PairSteps {
        var p = PairSteps()
        p.only(.right, piriformisRep(hold: 20) + [.rest(3)])
        p.only(.left, piriformisRep(hold: 20) + [.rest(3)])
        p.both([.exercise(name: "hamstring")])
        p.only(.left, supineRep(flexion: 70, hold: 15) + [.rest(3)])
        p.only(.right, supineRep(flexion: 70, hold: 15) + [.rest(3)])
        p.both([.exercise(name: "knee-to-chest")])
        p.only(.right, supineRep(flexion: 110, hold: 15, raise: 5) + [.rest(3)])
        p.only(.left, supineRep(flexion: 110, hold: 15, raise: 5) + [.rest(3)])
        p.both([.exercise(name: "bridge"), .pelvis(posture: .hookLying, flexion: nil, adduction: nil, rotation: nil, duration: 2), .rest(4)]
               + times(4, bridgeRep()) + [.rest(3), .exercise(name: "clamshell")])
        p.both([.pelvis(posture: .sideLyingRight, flexion: 45, adduction: nil, rotation: nil, duration: 3), .rest(4)])
        p.only(.left, times(4, clamshellRep()) + [.rest(3)])
        p.both([.rest(3)] + turnOver(to: .sideLying) + [.rest(4)])
        p.only(.right, times(4, clamshellRep()) + [.rest(3)])
        p.both([.exercise(name: "walk")] + sideLyingToStanding)
        p.each(left: [.walk(duration: 30, cadence: 110, phase: 0.5)], right: [.walk(duration: 30, cadence: 110)])
        p.both([.rest(3)])
        return p
    }

    /// pair-short (Fixtures/routines/pair-short.json), for the VM test (63 s): a hamstring stretch
    /// on the right leg, then the left (held 8 s, of which the routine asks 5), then two bridges on
    /// both legs.
    static var pairShort: PairSteps {
        var p = PairSteps()
        p.only(.right, supineRep(flexion: 70, hold: 8) + [.rest(2)])
        p.only(.left, supineRep(flexion: 70, hold: 8) + [.rest(2)])
        p.both([.exercise(name: "bridge"), .pelvis(posture: .hookLying, flexion: nil, adduction: nil, rotation: nil, duration: 2), .rest(4)]
               + times(2, bridgeRep()) + [.rest(2)])
        return p
    }

    /// A pair of Joy-Cons (the left one on the left thigh), each its own seed and strap; `first`
    /// is the routine's first exercise.
    static func pair(name: String, summary: String, first: String, seed: UInt64, _ steps: PairSteps) -> ScenarioPair {
        ScenarioPair(
            name: name, summary: summary,
            left: Scenario(name: name + ".left", summary: summary + " — the left thigh", exercise: first, side: .left, posture: .supine,
                           device: .joyConLeft, seed: seed, steps: steps.left),
            right: Scenario(name: name + ".right", summary: summary + " — the right thigh", exercise: first, side: .right, posture: .supine,
                            device: .joyConRight, seed: seed + 1, steps: steps.right))
    }
}
