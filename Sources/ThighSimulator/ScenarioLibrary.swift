import MotionCore

/// The built-in scenario suite: correct sessions and each single form error, on the devices people
/// strap to a thigh. Rendered into Fixtures/scenarios and used as ground truth by the tests.
public enum ScenarioLibrary {
    /// One piriformis repetition, right leg over left, as the source material describes it: lie flat,
    /// raise the legs to 45°, cross the leg over, gently pull towards the chest, hold, release, lower.
    static func piriformisRep(hold: Double = 60, pull: Double = 4.5, to flexion: Double = 85, crossed: Bool = true,
                              bounce: Bool = false, drop: Int? = nil, rest: Double = 4) -> [ScenarioStep] {
        var steps: [ScenarioStep] = [
            .rest(rest),
            .move(flexion: 45, adduction: nil, rotation: nil, duration: 3),
            .rest(2),
            .move(flexion: nil, adduction: crossed ? 20 : 2, rotation: crossed ? -15 : 0, duration: 2),
            .rest(1),
            .move(flexion: flexion, adduction: nil, rotation: nil, duration: pull),
        ]
        if bounce {
            steps += [.hold(duration: 15, sway: 0.3), .bounce(duration: 8, amplitude: 8, frequency: 1), .hold(duration: hold - 23, sway: 0.3)]
        } else if let drop {
            steps += [.hold(duration: hold / 2, sway: 0.3), .drop(frames: drop), .hold(duration: hold / 2, sway: 0.3)]
        } else {
            steps.append(.hold(duration: hold, sway: 0.3))
        }
        steps += [
            .move(flexion: 45, adduction: nil, rotation: nil, duration: 3),
            .move(flexion: nil, adduction: 0, rotation: 0, duration: 2),
            .move(flexion: 0, adduction: nil, rotation: nil, duration: 3),
        ]
        return steps
    }

    /// A supine stretch repetition: raise to `flexion`, hold, lower — gently (peak rate under 50 °/s:
    /// a minimum-jerk move peaks at 1.875 × angle / duration).
    static func supineRep(flexion: Double, hold: Double, raise: Double = 4, rest: Double = 3) -> [ScenarioStep] {
        [.rest(rest), .move(flexion: flexion, adduction: nil, rotation: nil, duration: raise), .hold(duration: hold, sway: 0.3),
         .move(flexion: 0, adduction: nil, rotation: nil, duration: max(3, flexion / 25))]
    }

    public static let all: [Scenario] = [
        Scenario(name: "piriformis-dualsense", summary: "piriformis stretch done right, two reps (DualSense)",
                 exercise: "piriformis", posture: .supine, device: .dualSenseUSB, seed: 101,
                 steps: piriformisRep() + piriformisRep() + [.rest(3)]),
        Scenario(name: "piriformis-joycon", summary: "piriformis stretch done right, two reps (Joy-Con in a leg strap)",
                 exercise: "piriformis", posture: .supine, device: .joyConRight, seed: 102,
                 steps: piriformisRep() + piriformisRep() + [.rest(3)]),
        Scenario(name: "piriformis-short-hold", summary: "piriformis released after 25 s instead of 60",
                 exercise: "piriformis", posture: .supine, device: .dualSenseUSB, seed: 103,
                 steps: piriformisRep(hold: 25) + [.rest(3)],
                 expectedErrors: [.init(kind: "shortHold", rep: 1)]),
        Scenario(name: "piriformis-bouncing", summary: "piriformis with ballistic bouncing (8° peak to peak, 1 Hz) in the hold",
                 exercise: "piriformis", posture: .supine, device: .dualSenseUSB, seed: 104,
                 steps: piriformisRep(bounce: true) + [.rest(3)],
                 expectedErrors: [.init(kind: "bouncing", rep: 1)]),
        Scenario(name: "piriformis-too-fast", summary: "piriformis pulled from 45° to 85° in 0.6 s (peak 125 °/s)",
                 exercise: "piriformis", posture: .supine, device: .dualSenseUSB, seed: 105,
                 steps: piriformisRep(pull: 0.6) + [.rest(3)],
                 expectedErrors: [.init(kind: "tooFast", rep: 1)]),
        Scenario(name: "piriformis-not-crossed", summary: "piriformis pulled to the chest without crossing the leg over",
                 exercise: "piriformis", posture: .supine, device: .dualSenseUSB, seed: 106,
                 steps: piriformisRep(crossed: false) + [.rest(3)],
                 expectedErrors: [.init(kind: "notCrossed", rep: 1)]),
        Scenario(name: "piriformis-standing", summary: "the piriformis movements done standing instead of lying (with a calibration recording)",
                 exercise: "piriformis", posture: .standing, device: .dualSenseUSB, seed: 107,
                 steps: piriformisRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "wrongPosture")], calibration: true),
        Scenario(name: "piriformis-syn-dropped", summary: "piriformis with 120 ms of events lost to SYN_DROPPED mid-hold (no error)",
                 exercise: "piriformis", posture: .supine, device: .dualSenseUSB, seed: 108,
                 steps: piriformisRep(drop: 30) + [.rest(3)]),
        Scenario(name: "hamstring-good", summary: "supine hamstring stretch: straight leg raised to 70° with a strap, 3 × 30 s",
                 exercise: "hamstring", posture: .supine, device: .dualSenseUSB, seed: 109,
                 steps: supineRep(flexion: 70, hold: 30) + supineRep(flexion: 70, hold: 30) + supineRep(flexion: 70, hold: 30) + [.rest(3)]),
        Scenario(name: "hamstring-shallow", summary: "hamstring stretch held at 35°, below the 45° hold angle",
                 exercise: "hamstring", side: .left, posture: .supine, device: .joyConLeft, seed: 110,
                 steps: supineRep(flexion: 35, hold: 30) + [.rest(3)],
                 expectedErrors: [.init(kind: "shallow", rep: 1)]),
        Scenario(name: "knee-to-chest", summary: "knee-to-chest done right: 110°, 3 × 30 s",
                 exercise: "knee-to-chest", posture: .supine, device: .dualSenseUSB, seed: 111,
                 steps: supineRep(flexion: 110, hold: 30, raise: 5) + supineRep(flexion: 110, hold: 30, raise: 5)
                     + supineRep(flexion: 110, hold: 30, raise: 5) + [.rest(3)]),
        Scenario(name: "knee-to-chest-overshoot", summary: "knee pulled to 138°, past the hip's safe range (130°)",
                 exercise: "knee-to-chest", posture: .supine, device: .dualSenseUSB, seed: 112,
                 steps: supineRep(flexion: 138, hold: 30, raise: 6) + [.rest(3)],
                 expectedErrors: [.init(kind: "overshoot", rep: 1)]),
        Scenario(name: "walk-brisk", summary: "one minute of brisk walking at 112 steps/min",
                 exercise: "walk", posture: .standing, device: .joyConRight, seed: 113,
                 steps: [.rest(3), .walk(duration: 60, cadence: 112), .rest(2)]),
        Scenario(name: "walk-slow", summary: "one minute of slow walking at 84 steps/min",
                 exercise: "walk", posture: .standing, device: .dualSenseBluetooth, seed: 114,
                 steps: [.rest(3), .walk(duration: 60, cadence: 84), .rest(2)],
                 expectedErrors: [.init(kind: "slowCadence")]),
        Scenario(name: "strap-upside-down", summary: "hamstring stretch with the sensor strapped on upside down",
                 exercise: "hamstring", posture: .supine, device: .joyConRight, seed: 115, mounting: .upsideDown,
                 steps: supineRep(flexion: 60, hold: 30) + [.rest(3)]),
        Scenario(name: "strap-slip", summary: "knee-to-chest where the strap slips 15° about the thigh between reps",
                 exercise: "knee-to-chest", posture: .supine, device: .dualSenseUSB, seed: 116,
                 steps: supineRep(flexion: 105, hold: 30, raise: 5) + [.rest(2), .slip(angle: 15, duration: 0.5), .rest(2)]
                     + supineRep(flexion: 105, hold: 30, raise: 5) + [.rest(3)]),
    ]

    /// Seated 5 s, stand up, stand 3 s, walk 30 s at 105 steps/min, stop, stand 3 s, sit down, sit 4 s.
    static let seatedStart: [ScenarioStep] = [
        .rest(5), .pelvis(posture: .standing, flexion: nil, adduction: nil, rotation: nil, duration: 2), .rest(3),
        .walk(duration: 30, cadence: 105), .rest(3),
        .pelvis(posture: .sitting, flexion: nil, adduction: nil, rotation: nil, duration: 2), .rest(4),
    ]

    /// Sessions that are not kind, for the strap calibration: they start seated, mid-walk, or
    /// standing and then lie down, or never rest at all — each with exact truth of its rests
    /// (posture, hip angles, thigh inclination) and walking bouts. Kept apart from `all`, which
    /// the coaching tests iterate. Full consumer IMU errors; random strap orientation unless said.
    public static let calibrationSuite: [Scenario] = [
        Scenario(name: "start-seated", summary: "seated 5 s, stand up, stand 3 s, walk 30 s (105/min), stand 3 s, sit down, sit 4 s",
                 exercise: "everyday", posture: .sitting, device: .dualSenseUSB, seed: 201, steps: seatedStart),
        Scenario(name: "start-mid-walk", summary: "the recording begins mid-walk: 40 s at 115 steps/min, then stand 4 s",
                 exercise: "everyday", posture: .standing, device: .joyConRight, seed: 202,
                 steps: [.walk(duration: 40, cadence: 115, underway: true, phase: 0.3), .rest(4)]),
        Scenario(name: "stand-then-lie", summary: "stand 4 s, walk 10 s, stand 3 s, lie down supine, rest 5 s, raise the leg to 60° and back, rest 3 s",
                 exercise: "everyday", posture: .standing, device: .dualShock4Bluetooth, seed: 203,
                 steps: [.rest(4), .walk(duration: 10, cadence: 100), .rest(3),
                         .pelvis(posture: .supine, flexion: nil, adduction: nil, rotation: nil, duration: 3), .rest(5),
                         .move(flexion: 60, adduction: nil, rotation: nil, duration: 3), .hold(duration: 4, sway: 0.3),
                         .move(flexion: 0, adduction: nil, rotation: nil, duration: 3), .rest(3)]),
        Scenario(name: "no-rest", summary: "no still moment: under way walking 20 s (110/min), then 30 s of slow weight shifting (±6°)",
                 exercise: "everyday", posture: .standing, device: .dualSenseBluetooth, seed: 204,
                 steps: [.walk(duration: 20, cadence: 110, underway: true, phase: 0.6), .shift(duration: 30, amplitude: 6)]),
        Scenario(name: "seated-start-left", summary: "start-seated on the left leg (Joy-Con)",
                 exercise: "everyday", side: .left, posture: .sitting, device: .joyConLeft, seed: 205, steps: seatedStart),
        Scenario(name: "sit-stand-only", summary: "sit, stand, sit, stand, sit (4 s each, 2 s transitions): five rests, no walking",
                 exercise: "everyday", posture: .sitting, device: .steamDeck, seed: 206,
                 steps: [.rest(4), .pelvis(posture: .standing, flexion: nil, adduction: nil, rotation: nil, duration: 2), .rest(4),
                         .pelvis(posture: .sitting, flexion: nil, adduction: nil, rotation: nil, duration: 2), .rest(4),
                         .pelvis(posture: .standing, flexion: nil, adduction: nil, rotation: nil, duration: 2), .rest(4),
                         .pelvis(posture: .sitting, flexion: nil, adduction: nil, rotation: nil, duration: 2), .rest(4)]),
        Scenario(name: "upside-down-seated", summary: "start-seated with the sensor strapped on upside down",
                 exercise: "everyday", posture: .sitting, device: .joyConRight, seed: 207, mounting: .upsideDown, steps: seatedStart),
    ]

    /// A bridge rep from hook-lying (thigh at 45°): hips up until the thigh is at `to` in `up` s, held
    /// `hold` s, lowered in `down` s, a rest.
    static func bridgeRep(to: Double = 12, up: Double = 1.8, hold: Double = 2.2, down: Double = 2, rest: Double = 1.5) -> [ScenarioStep] {
        [.move(flexion: to, adduction: nil, rotation: nil, duration: up), .hold(duration: hold, sway: 0.3),
         .move(flexion: 45, adduction: nil, rotation: nil, duration: down), .rest(rest)]
    }

    /// Two sets of ten good bridges, 30 s apart.
    static var bridgeSets: [ScenarioStep] {
        let set: [ScenarioStep] = (0..<10).flatMap { _ in bridgeRep() }
        return [ScenarioStep.rest(4)] + set + [ScenarioStep.rest(30)] + set + [ScenarioStep.rest(3)]
    }

    /// A short bridge session: a rest, two good reps, `odd` (the rep under test, rep 3), one good rep, a rest.
    static func bridgeWith(_ odd: [ScenarioStep]) -> [ScenarioStep] {
        [.rest(4)] + bridgeRep() + bridgeRep() + odd + bridgeRep() + [.rest(3)]
    }

    /// A straight-leg raise from lying flat (thigh at 0°): the straight leg up to `to` in `up` s,
    /// paused `hold` s, lowered in `down` s (slowly: 3 s), a rest.
    static func legRaise(to: Double = 35, up: Double = 2, hold: Double = 2.2, down: Double = 3, rest: Double = 1.5) -> [ScenarioStep] {
        var steps: [ScenarioStep] = [.move(flexion: to, adduction: nil, rotation: nil, duration: up)]
        if hold > 0 { steps.append(.hold(duration: hold, sway: 0.3)) }
        return steps + [.move(flexion: 0, adduction: nil, rotation: nil, duration: down), .rest(rest)]
    }

    /// Two sets of ten good straight-leg raises, 30 s apart (the protocol's third set not done).
    static var legRaiseSets: [ScenarioStep] {
        let set: [ScenarioStep] = (0..<10).flatMap { _ in legRaise() }
        return [ScenarioStep.rest(4)] + set + [ScenarioStep.rest(30)] + set + [ScenarioStep.rest(3)]
    }

    /// A short straight-leg-raise session: a rest, two good raises, `odd` (rep 3), one good raise, a rest.
    static func legRaiseWith(_ odd: [ScenarioStep]) -> [ScenarioStep] {
        [.rest(4)] + legRaise() + legRaise() + odd + legRaise() + [.rest(3)]
    }

    /// Strengthening sessions (issue 11), kept apart from `all` so its golden files stay as they
    /// are: the lying ones (bridge, straight-leg raise), then the side-lying, quadruped and seated
    /// ones (`ScenarioLibrary+Strength.swift`).
    public static var strengthSuite: [Scenario] { lyingStrengthSuite + moreStrengthSuite }

    /// Bridges and straight-leg raises: good sets, and each form error a thigh sensor can see in
    /// them (in rep 3 of four), on several devices, both legs; random strap orientation and full
    /// consumer IMU errors throughout.
    public static let lyingStrengthSuite: [Scenario] = [
        Scenario(name: "bridge-good", summary: "glute bridge done right: 2 × 10, 2 s at the top, 30 s rest between the sets",
                 exercise: "bridge", posture: .hookLying, device: .dualSenseUSB, seed: 301,
                 steps: bridgeSets),
        Scenario(name: "bridge-sagging", summary: "glute bridge whose hips drop 10° during the third rep's hold",
                 exercise: "bridge", posture: .hookLying, device: .joyConRight, seed: 302,
                 steps: [.rest(4)] + bridgeRep() + bridgeRep()
                     + [.move(flexion: 12, adduction: nil, rotation: nil, duration: 1.8), .hold(duration: 1, sway: 0.3),
                        .move(flexion: 22, adduction: nil, rotation: nil, duration: 4), .move(flexion: 45, adduction: nil, rotation: nil, duration: 2), .rest(1.5)]
                     + bridgeRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "sagging", rep: 3)]),
        Scenario(name: "bridge-shallow", summary: "glute bridge whose third rep lifts the hips only until the thigh is at 25° (20° of the 33°)",
                 exercise: "bridge", posture: .hookLying, device: .dualSenseBluetooth, seed: 303,
                 steps: bridgeWith(bridgeRep(to: 25)),
                 expectedErrors: [.init(kind: "shallow", rep: 3)]),
        Scenario(name: "bridge-overshoot", summary: "glute bridge arched in the third rep: the thigh 8° past the trunk line (flexion −8°)",
                 exercise: "bridge", posture: .hookLying, device: .dualShock4Bluetooth, seed: 304,
                 steps: bridgeWith(bridgeRep(to: -8, up: 2.4, down: 2.6)),
                 expectedErrors: [.init(kind: "overshoot", rep: 3)]),
        Scenario(name: "bridge-too-fast-up", summary: "glute bridge whose third rep thrusts the hips up in 0.6 s",
                 exercise: "bridge", posture: .hookLying, device: .steamDeck, seed: 305,
                 steps: bridgeWith(bridgeRep(up: 0.6)),
                 expectedErrors: [.init(kind: "tooFast", rep: 3)]),
        Scenario(name: "bridge-too-fast-down", summary: "glute bridge whose hips drop back down in 0.6 s in the third rep",
                 exercise: "bridge", posture: .hookLying, device: .joyConRight, seed: 306,
                 steps: bridgeWith(bridgeRep(down: 0.6)),
                 expectedErrors: [.init(kind: "tooFast", rep: 3)]),
        Scenario(name: "bridge-short-hold", summary: "glute bridge whose third rep comes down after 0.4 s at the top instead of 2 s",
                 exercise: "bridge", posture: .hookLying, device: .dualSenseUSB, seed: 307,
                 steps: bridgeWith(bridgeRep(hold: 0.4)),
                 expectedErrors: [.init(kind: "shortHold", rep: 3)]),
        Scenario(name: "bridge-left", summary: "glute bridge done right on the left leg: four reps (Joy-Con in a leg strap)",
                 exercise: "bridge", side: .left, posture: .hookLying, device: .joyConLeft, seed: 308,
                 steps: bridgeWith(bridgeRep())),
        Scenario(name: "bridge-sitting", summary: "the bridge tried sitting on a chair (with a calibration recording): the thigh horizontal, not 45° up; three quick pushes up through the feet tilt it 4.5° (no rep)",
                 exercise: "bridge", posture: .sitting, device: .dualSenseUSB, seed: 309,
                 steps: [.rest(4)] + (0..<3).flatMap { _ in
                     [ScenarioStep.move(flexion: 85.5, adduction: nil, rotation: nil, duration: 1), .hold(duration: 2.2, sway: 0.3),
                      .move(flexion: 90, adduction: nil, rotation: nil, duration: 1), .rest(1.5)]
                 } + [.rest(3)],
                 expectedErrors: [.init(kind: "wrongPosture")], calibration: true),
        Scenario(name: "slr-good", summary: "straight-leg raise done right: 2 × 10 to 35°, a 2 s pause, lowered in 3 s, 30 s rest between the sets",
                 exercise: "straight-leg-raise", posture: .supine, device: .joyConRight, seed: 311,
                 steps: legRaiseSets),
        Scenario(name: "slr-shallow", summary: "straight-leg raise whose third rep lifts the leg to 18° instead of 35°",
                 exercise: "straight-leg-raise", posture: .supine, device: .dualSenseUSB, seed: 312,
                 steps: legRaiseWith(legRaise(to: 18, up: 1.5, down: 2.5)),
                 expectedErrors: [.init(kind: "shallow", rep: 3)]),
        Scenario(name: "slr-overshoot", summary: "straight-leg raise whose third rep goes on to 60°, well past the bent knee's height",
                 exercise: "straight-leg-raise", posture: .supine, device: .dualShock4Bluetooth, seed: 313,
                 steps: legRaiseWith(legRaise(to: 60, up: 3, down: 4)),
                 expectedErrors: [.init(kind: "overshoot", rep: 3)]),
        Scenario(name: "slr-too-fast-down", summary: "straight-leg raise whose leg crashes down in 0.6 s in the third rep",
                 exercise: "straight-leg-raise", posture: .supine, device: .steamDeck, seed: 314,
                 steps: legRaiseWith(legRaise(down: 0.6)),
                 expectedErrors: [.init(kind: "tooFast", rep: 3)]),
        Scenario(name: "slr-short-hold", summary: "straight-leg raise whose third rep goes straight back down, no pause at the top",
                 exercise: "straight-leg-raise", posture: .supine, device: .dualSenseBluetooth, seed: 315,
                 steps: legRaiseWith(legRaise(hold: 0)),
                 expectedErrors: [.init(kind: "shortHold", rep: 3)]),
        Scenario(name: "slr-left", summary: "straight-leg raise done right on the left leg: four raises",
                 exercise: "straight-leg-raise", side: .left, posture: .supine, device: .joyConLeft, seed: 316,
                 steps: legRaiseWith(legRaise())),
        Scenario(name: "slr-standing", summary: "the straight-leg raise done standing (with a calibration recording): four front leg raises",
                 exercise: "straight-leg-raise", posture: .standing, device: .dualSenseUSB, seed: 317,
                 steps: legRaiseWith(legRaise()),
                 expectedErrors: [.init(kind: "wrongPosture")], calibration: true),
    ]

    /// Both suites: `all`, then `calibrationSuite`.
    public static var builtIn: [Scenario] { all + calibrationSuite }

    /// The built-in scenario of that name (from either suite).
    public static func named(_ name: String) -> Scenario? {
        all.first { $0.name == name } ?? calibrationSuite.first { $0.name == name } ?? strengthSuite.first { $0.name == name }
            ?? routineSuite.first { $0.name == name }
    }
}
