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

    /// The built-in scenario of that name.
    public static func named(_ name: String) -> Scenario? {
        all.first { $0.name == name }
    }
}
