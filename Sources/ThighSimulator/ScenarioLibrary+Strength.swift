import MotionCore

extension ScenarioLibrary {
    /// Lying on the side with the sensor leg on top: the left side down for the right leg, the right
    /// side down for the left.
    static func sideLying(_ side: Side) -> Posture { side == .right ? .sideLying : .sideLyingRight }

    /// Getting into the clamshell's start position: the hips bend to 45° (lying on the side this
    /// turns the thigh about the vertical), then still.
    static let clamshellStart: [ScenarioStep] = [.move(flexion: 45, adduction: nil, rotation: nil, duration: 1.5), .rest(4)]

    /// A clamshell rep: the top knee opens to `to` degrees of abduction in `up` s (with the thigh
    /// rolled `roll` degrees about its long axis at the top: 0 in good form), held `hold` s, closed
    /// in `down` s, a rest.
    static func clamshellRep(to: Double = 25, roll: Double = 0, up: Double = 2, hold: Double = 1.2, down: Double = 2,
                             rest: Double = 1.5) -> [ScenarioStep] {
        [.move(flexion: nil, adduction: -to, rotation: roll, duration: up), .hold(duration: hold, sway: 0.3),
         .move(flexion: nil, adduction: 0, rotation: 0, duration: down), .rest(rest)]
    }

    /// A side-lying leg lift: the straight top leg to `to` degrees of abduction in `up` s (`roll`
    /// about its long axis, `forward` degrees of flexion at the top: 0 in good form), held `hold`
    /// s, lowered in `down` s.
    static func abductionRep(to: Double = 30, roll: Double = 0, forward: Double = 0, up: Double = 2, hold: Double = 2.4,
                             down: Double = 2.2, rest: Double = 1.5) -> [ScenarioStep] {
        [.move(flexion: forward, adduction: -to, rotation: roll, duration: up), .hold(duration: hold, sway: 0.3),
         .move(flexion: 0, adduction: 0, rotation: 0, duration: down), .rest(rest)]
    }

    /// A bird-dog rep from hands and knees (thigh vertical, flexion 90°): the leg stretched back to
    /// `to` degrees of flexion (0: level) in `up` s (`open` degrees of abduction and as much outward
    /// roll at the top: 0 in good form), held `hold` s, brought back in `down` s.
    static func birdDogRep(to: Double = 0, open: Double = 0, up: Double = 2, hold: Double = 5.5, down: Double = 2,
                           rest: Double = 1.5) -> [ScenarioStep] {
        [.move(flexion: to, adduction: -open, rotation: -open, duration: up), .hold(duration: hold, sway: 0.3),
         .move(flexion: 90, adduction: 0, rotation: 0, duration: down), .rest(rest)]
    }

    /// A sit-to-stand: up to `to` degrees of flexion (0: standing tall) in `up` s, standing `stand` s,
    /// back down in `down` s, seated `rest` s. The pelvis is upright throughout.
    static func sitToStandRep(to: Double = 0, up: Double = 1.6, stand: Double = 1.5, down: Double = 2.2,
                              rest: Double = 1.5) -> [ScenarioStep] {
        [.pelvis(posture: .standing, flexion: to, adduction: nil, rotation: nil, duration: up), .rest(stand),
         .pelvis(posture: .sitting, flexion: nil, adduction: nil, rotation: nil, duration: down), .rest(rest)]
    }

    static func times(_ n: Int, _ rep: [ScenarioStep]) -> [ScenarioStep] { (0..<n).flatMap { _ in rep } }

    /// Clamshells, side-lying abductions, bird-dogs and sit-to-stands: good form (a full dose for
    /// each exercise) and each form error it can show, on both sides where lying on the side.
    public static let moreStrengthSuite: [Scenario] = [
        Scenario(name: "clamshell-good", summary: "clamshell done right, right leg on top: 3 × 10, 25° open, 30 s rest between the sets",
                 exercise: "clamshell", posture: .sideLying, device: .dualSenseUSB, seed: 401,
                 steps: clamshellStart + times(10, clamshellRep()) + [.rest(30)] + times(10, clamshellRep()) + [.rest(30)]
                     + times(10, clamshellRep()) + [.rest(3)]),
        Scenario(name: "clamshell-left", summary: "clamshell done right on the left leg (lying on the right side): 4 reps",
                 exercise: "clamshell", side: .left, posture: .sideLyingRight, device: .joyConLeft, seed: 402,
                 steps: clamshellStart + times(4, clamshellRep()) + [.rest(3)]),
        Scenario(name: "clamshell-rolling-back", summary: "clamshell whose thigh rolls back 25° about itself in rep 3 (the pelvis rolling back)",
                 exercise: "clamshell", posture: .sideLying, device: .joyConRight, seed: 403,
                 steps: clamshellStart + times(2, clamshellRep()) + clamshellRep(roll: -25) + clamshellRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "compensation", rep: 3)]),
        Scenario(name: "clamshell-left-rolling-back", summary: "left-leg clamshell whose thigh rolls back 25° in rep 2",
                 exercise: "clamshell", side: .left, posture: .sideLyingRight, device: .dualSenseBluetooth, seed: 404,
                 steps: clamshellStart + clamshellRep() + clamshellRep(roll: -25) + clamshellRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "compensation", rep: 2)]),
        Scenario(name: "clamshell-shallow", summary: "clamshell opened only 14° in rep 2 (target 25° − 8°)",
                 exercise: "clamshell", posture: .sideLying, device: .dualSenseUSB, seed: 405,
                 steps: clamshellStart + clamshellRep() + clamshellRep(to: 14) + clamshellRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "shallow", rep: 2)]),
        Scenario(name: "clamshell-too-fast", summary: "clamshell rep 2 opened and closed in 0.4 s each way",
                 exercise: "clamshell", side: .left, posture: .sideLyingRight, device: .joyConLeft, seed: 406,
                 steps: clamshellStart + clamshellRep() + clamshellRep(up: 0.4, down: 0.4) + clamshellRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "tooFast", rep: 2)]),
        Scenario(name: "clamshell-overshoot", summary: "clamshell rep 2 opened to 48° (beyond 25° + 15°)",
                 exercise: "clamshell", posture: .sideLying, device: .dualSenseUSB, seed: 407,
                 steps: clamshellStart + clamshellRep() + clamshellRep(to: 48, up: 3, down: 3) + clamshellRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "overshoot", rep: 2)]),
        Scenario(name: "clamshell-short-hold", summary: "clamshell rep 2 closed at once, no pause at the top",
                 exercise: "clamshell", posture: .sideLying, device: .joyConRight, seed: 408,
                 steps: clamshellStart + clamshellRep() + clamshellRep(hold: 0) + clamshellRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "shortHold", rep: 2)]),
        Scenario(name: "sit-to-stand-good", summary: "ten sit-to-stands done right: up in 1.6 s, down in 2.2 s",
                 exercise: "sit-to-stand", posture: .sitting, device: .dualSenseUSB, seed: 501,
                 steps: [.rest(4)] + times(10, sitToStandRep()) + [.rest(2)]),
        Scenario(name: "sit-to-stand-left", summary: "sit-to-stands on the left leg: 4 reps",
                 exercise: "sit-to-stand", side: .left, posture: .sitting, device: .joyConLeft, seed: 502,
                 steps: [.rest(4)] + times(4, sitToStandRep()) + [.rest(2)]),
        Scenario(name: "sit-to-stand-dropping", summary: "sit-to-stand rep 2 drops into the chair in 0.6 s",
                 exercise: "sit-to-stand", posture: .sitting, device: .dualSenseBluetooth, seed: 503,
                 steps: [.rest(4)] + sitToStandRep() + sitToStandRep(down: 0.6) + sitToStandRep() + [.rest(2)],
                 expectedErrors: [.init(kind: "tooFast", rep: 2)]),
        Scenario(name: "sit-to-stand-shallow", summary: "sit-to-stand rep 2 stops at 25° of flexion, not standing up fully",
                 exercise: "sit-to-stand", posture: .sitting, device: .joyConRight, seed: 504,
                 steps: [.rest(4)] + sitToStandRep() + sitToStandRep(to: 25) + sitToStandRep() + [.rest(2)],
                 expectedErrors: [.init(kind: "shallow", rep: 2)]),
        Scenario(name: "side-lying-abduction-good", summary: "side-lying leg lift done right, right leg: 3 × 10 to 30°, 2.4 s at the top",
                 exercise: "side-lying-abduction", posture: .sideLying, device: .dualSenseUSB, seed: 601,
                 steps: [.rest(4)] + times(10, abductionRep()) + [.rest(30)] + times(10, abductionRep()) + [.rest(30)]
                     + times(10, abductionRep()) + [.rest(3)]),
        Scenario(name: "side-lying-abduction-left", summary: "side-lying leg lift on the left leg (lying on the right side): 4 reps",
                 exercise: "side-lying-abduction", side: .left, posture: .sideLyingRight, device: .joyConLeft, seed: 602,
                 steps: [.rest(4)] + times(4, abductionRep()) + [.rest(3)]),
        Scenario(name: "side-lying-abduction-twisting", summary: "side-lying leg lift whose leg turns toes-up 25° in rep 2",
                 exercise: "side-lying-abduction", posture: .sideLying, device: .joyConRight, seed: 603,
                 steps: [.rest(4)] + abductionRep() + abductionRep(roll: -25) + abductionRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "compensation", rep: 2)]),
        Scenario(name: "side-lying-abduction-forward", summary: "left-leg side-lying leg lift swinging 25° forward in rep 2",
                 exercise: "side-lying-abduction", side: .left, posture: .sideLyingRight, device: .dualSenseBluetooth, seed: 604,
                 steps: [.rest(4)] + abductionRep() + abductionRep(forward: 25) + abductionRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "compensation", rep: 2)]),
        Scenario(name: "side-lying-abduction-overshoot", summary: "side-lying leg lift rep 2 to 52° (beyond 30° + 15°)",
                 exercise: "side-lying-abduction", posture: .sideLying, device: .dualSenseUSB, seed: 605,
                 steps: [.rest(4)] + abductionRep() + abductionRep(to: 52, up: 3, down: 3.5) + abductionRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "overshoot", rep: 2)]),
        Scenario(name: "side-lying-abduction-short-hold", summary: "side-lying leg lift rep 2 lowered at once",
                 exercise: "side-lying-abduction", side: .left, posture: .sideLyingRight, device: .joyConLeft, seed: 606,
                 steps: [.rest(4)] + abductionRep() + abductionRep(hold: 0) + abductionRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "shortHold", rep: 2)]),
        Scenario(name: "bird-dog-good", summary: "bird-dog done right: 3 × 8, the leg level behind for 5.5 s",
                 exercise: "bird-dog", posture: .quadruped, device: .dualSenseUSB, seed: 701,
                 steps: [.rest(4)] + times(8, birdDogRep()) + [.rest(30)] + times(8, birdDogRep()) + [.rest(30)]
                     + times(8, birdDogRep()) + [.rest(3)]),
        Scenario(name: "bird-dog-left", summary: "bird-dog on the left leg: 3 reps",
                 exercise: "bird-dog", side: .left, posture: .quadruped, device: .joyConLeft, seed: 702,
                 steps: [.rest(4)] + times(3, birdDogRep()) + [.rest(3)]),
        Scenario(name: "bird-dog-hip-opening", summary: "bird-dog whose hip opens (20° abduction and outward roll) in rep 2",
                 exercise: "bird-dog", posture: .quadruped, device: .joyConRight, seed: 703,
                 steps: [.rest(4)] + birdDogRep() + birdDogRep(open: 20) + birdDogRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "compensation", rep: 2)]),
        Scenario(name: "bird-dog-shallow", summary: "bird-dog rep 2 stops at 30° of flexion, well short of level",
                 exercise: "bird-dog", posture: .quadruped, device: .dualSenseBluetooth, seed: 704,
                 steps: [.rest(4)] + birdDogRep() + birdDogRep(to: 30) + birdDogRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "shallow", rep: 2)]),
        Scenario(name: "bird-dog-arching", summary: "bird-dog rep 2 lifted to −22° (beyond level by more than 15°: the back arches)",
                 exercise: "bird-dog", side: .left, posture: .quadruped, device: .dualSenseUSB, seed: 705,
                 steps: [.rest(4)] + birdDogRep() + birdDogRep(to: -22, up: 2.5) + birdDogRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "overshoot", rep: 2)]),
        Scenario(name: "bird-dog-sagging", summary: "bird-dog rep 2 sinks 14° during its hold",
                 exercise: "bird-dog", posture: .quadruped, device: .joyConRight, seed: 706,
                 steps: [.rest(4)] + birdDogRep()
                     + [.move(flexion: 0, adduction: nil, rotation: nil, duration: 2), .hold(duration: 1.5, sway: 0.3),
                        .move(flexion: 14, adduction: nil, rotation: nil, duration: 4.5), .hold(duration: 1, sway: 0.3),
                        .move(flexion: 90, adduction: nil, rotation: nil, duration: 2), .rest(1.5)]
                     + birdDogRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "sagging", rep: 2)]),
        Scenario(name: "bird-dog-short-hold", summary: "bird-dog rep 2 held 1 s instead of 5",
                 exercise: "bird-dog", posture: .quadruped, device: .dualSenseUSB, seed: 707,
                 steps: [.rest(4)] + birdDogRep() + birdDogRep(hold: 1) + birdDogRep() + [.rest(3)],
                 expectedErrors: [.init(kind: "shortHold", rep: 2)]),
    ]
}
