import MotionCore

/// A step counter fed sample by sample (the shape of MotionCore's gait tracker): what
/// `RealEvaluation.stepCounter(_:)` turns into a `StepCounter` for a whole file.
public protocol SampleStepCounter {
    /// What `update` reports (ignored by the evaluation).
    associatedtype Action
    init()
    /// Takes the next sample (seconds, m/s², rad/s).
    mutating func update(_ s: IMUSample) -> Action
    /// Samples were lost before the next one.
    mutating func gapOccurred()
    /// Steps counted so far (both legs).
    var steps: Int { get }
}
