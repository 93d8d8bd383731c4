import MotionCore

/// A declarative description of a simulated session: who does what, wearing which device, how
/// the strap sits. Rendered by `ScenarioRenderer` into an evemu recording plus its ground truth.
/// JSON keys are the property names (see `formcheck simulate --print NAME` for examples).
public struct Scenario: Sendable, Hashable, Codable {
    /// How the sensor sits on the thigh.
    public enum Mounting: Sendable, Hashable, Codable {
        /// A random orientation drawn from the seed (the usual case: the user straps it on however it fits).
        case random
        /// Strapped on the front of the thigh the way a Joy-Con leg strap holds it.
        case front
        /// As `front`, but turned face-down (upside down).
        case upsideDown
        /// An explicit thigh ← sensor rotation, scalar first.
        case quaternion(w: Double, x: Double, y: Double, z: Double)
    }

    /// A form error the scenario is built to show, as the coaching must report it.
    public struct ExpectedError: Sendable, Hashable, Codable {
        public var kind: String
        public var rep: Int?

        public init(kind: String, rep: Int? = nil) {
            self.kind = kind
            self.rep = rep
        }
    }

    public var name: String
    /// One line for people: what this scenario shows.
    public var summary: String
    /// The exercise protocol this session follows (a protocol name: piriformis, bridge, walk, …; calibration;
    /// everyday: none — the calibration suite's sit, stand, walk and lie).
    public var exercise: String
    public var side: Side
    /// The posture the session starts in (`pelvis` steps change it).
    public var posture: Posture
    public var device: DeviceModel
    public var seed: UInt64
    public var mounting: Mounting
    /// Sensor position in the thigh frame (x along the femur from the hip), metres.
    public var leverArm: [Double]
    /// Whether to add consumer IMU errors (bias, walk, noise, scale); off gives ideal signals.
    public var imuErrors: Bool
    public var steps: [ScenarioStep]
    public var expectedErrors: [ExpectedError]
    /// A calibration recording made with the same strap before the session (stand still, raise the knee).
    public var calibration: Bool

    public init(name: String, summary: String, exercise: String, side: Side = .right, posture: Posture,
                device: DeviceModel, seed: UInt64, mounting: Mounting = .random, leverArm: [Double] = [0.2, 0.06, 0.07],
                imuErrors: Bool = true, steps: [ScenarioStep], expectedErrors: [ExpectedError] = [], calibration: Bool = false) {
        self.name = name
        self.summary = summary
        self.exercise = exercise
        self.side = side
        self.posture = posture
        self.device = device
        self.seed = seed
        self.mounting = mounting
        self.leverArm = leverArm
        self.imuErrors = imuErrors
        self.steps = steps
        self.expectedErrors = expectedErrors
        self.calibration = calibration
    }

    /// Total length, seconds.
    public var duration: Double { steps.reduce(0) { $0 + $1.duration } }

    /// The calibration session for this scenario's strap: stand still 3 s, raise the knee to 60°,
    /// lower it, stand still.
    public var calibrationScenario: Scenario {
        Scenario(
            name: name + ".calibration", summary: "calibration for \(name): stand still, raise the knee",
            exercise: "calibration", side: side, posture: .standing, device: device, seed: seed,
            mounting: mounting, leverArm: leverArm, imuErrors: imuErrors,
            steps: [.rest(3), .move(flexion: 60, adduction: nil, rotation: nil, duration: 1.5), .rest(1),
                    .move(flexion: 0, adduction: nil, rotation: nil, duration: 1.5), .rest(2)])
    }
}
