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
    ]
}
