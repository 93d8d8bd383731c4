/// Which leg.
public enum Side: String, Sendable, Hashable, CaseIterable, Codable {
    case left
    case right

    /// +1 for the right leg, −1 for the left: adduction (toward the midline) and internal rotation
    /// turn the opposite way about the pelvis axes on the two legs.
    @inlinable public var sign: Double { self == .right ? 1 : -1 }

    /// The other leg.
    @inlinable public var opposite: Side { self == .right ? .left : .right }
}
