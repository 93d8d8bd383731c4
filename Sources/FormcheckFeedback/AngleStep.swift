import MotionCore

/// What the angle half of `SessionPipeline.consume` made of one reading, for its session half:
/// the hand-over between them when they run on threads of their own (`SessionPipeline.consume(_:events:sample:)`
/// of a recording). What is rare is out of line, since every reading's step is copied in and out
/// of the hand-over: 120 bytes a step (`MemoryLayout.stride`, held by a test).
struct AngleStep: Sendable {
    /// The reading was a gap.
    var isGap: Bool
    /// The reading's sample on the angles' clock (seconds since the first sample); nil for a gap
    /// and for a sample the angle pipeline dropped (not finite).
    var raw: IMUSample?
    /// The first of the hip angles the reading made known (most make none or one).
    var first: HipAngleSample?
    /// What few readings make: an event of the angle tracker, more angles.
    var rare: Rare?

    /// An event of the angle tracker, and the angles after `first`.
    final class Rare: Sendable {
        /// What the angle tracker noticed.
        let event: HipAngleTracker.Event?
        /// The hip angles after `first`, in order (the samples kept before calibration, when it comes).
        let rest: [HipAngleSample]

        init(event: HipAngleTracker.Event?, rest: [HipAngleSample]) {
            self.event = event
            self.rest = rest
        }
    }

    /// What fills the hand-over's slots before their first use.
    static let placeholder = AngleStep(isGap: true, raw: nil, first: nil, rare: nil)
}
