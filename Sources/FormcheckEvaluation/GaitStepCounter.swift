import MotionCore

/// MotionCore's `GaitTracker` as the evaluation's step counter: steps in gait only (walking,
/// stairs, running), from the raw samples, with no strap calibration.
public struct GaitStepCounter: SampleStepCounter {
    private var tracker = GaitTracker()

    public init() {}

    public mutating func update(_ s: IMUSample) -> GaitTracker.Action { tracker.update(s) }

    public mutating func gapOccurred() { _ = tracker.gapOccurred() }

    public var steps: Int { tracker.steps }
}
