/// When the live view is redrawn: at a steady rate of session time (4 frames a second by default),
/// on the frame boundaries k / rate, whatever the sample rate or the events — so the digits change
/// at a steady pace and the screen does not flicker with every sample.
///
/// An explicit state machine: one input (a sample's time, seconds), returning whether to draw.
public struct LiveViewPacer: Sendable, Hashable {
    private enum State: Sendable, Hashable {
        /// Nothing drawn yet: the first sample draws.
        case idle
        /// A frame was drawn; the next is due at `next` (seconds of session time).
        case drawn(next: Double)
    }

    /// Frames per second.
    public let rate: Double
    private var state = State.idle

    public init(rate: Double = 4) {
        self.rate = max(0.1, rate)
    }

    /// A sample at `t` seconds: true when a frame is due (then the next is due at the following
    /// boundary after `t`). Times going backwards draw nothing until they pass the boundary.
    public mutating func sample(at t: Double) -> Bool {
        switch state {
        case .idle:
            state = .drawn(next: nextBoundary(after: t))
            return true
        case .drawn(let next):
            guard t >= next else { return false }
            state = .drawn(next: nextBoundary(after: t))
            return true
        }
    }

    /// The first frame boundary strictly after `t`.
    private func nextBoundary(after t: Double) -> Double {
        ((t * rate).rounded(.down) + 1) / rate
    }
}
