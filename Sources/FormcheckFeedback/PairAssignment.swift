import MotionCore

/// Which of the two sensors given for a pair (`routine NAME A B`, `live A B`, `record A B`) goes
/// on which thigh. Where the devices themselves say it — a Joy-Con L and a Joy-Con R, told apart
/// by Nintendo's product ids (0x2006 L, 0x2007 R, vendor 0x057e) or, failing those, the driver's
/// names ("… Left Joy-Con …", "… Right Joy-Con …") — the L goes on the left thigh whatever the
/// order given; otherwise (two DualSense, two of one hand, a mixed pair) the order given, the left
/// thigh's first (`--left`/`--right` name them outright). Pure: from the nodes' identities.
public struct PairAssignment: Sendable, Hashable {
    /// What a device says about itself (sysfs or the evdev description).
    public struct Identity: Sendable, Hashable {
        public var name: String
        public var vendor: UInt16
        public var product: UInt16

        public init(name: String, vendor: UInt16, product: UInt16) {
            self.name = name
            self.vendor = vendor
            self.product = product
        }

        /// The hand of a Joy-Con (nil: not a Joy-Con, or one that does not say: a charging grip's pair).
        public var joyConHand: Side? {
            if vendor == 0x057e {
                if product == 0x2006 { return .left }
                if product == 0x2007 { return .right }
            }
            if name.contains("Left Joy-Con") { return .left }
            if name.contains("Right Joy-Con") { return .right }
            return nil
        }
    }

    public enum Reason: Sendable, Hashable {
        /// A Joy-Con L and a Joy-Con R: each on the thigh of its hand.
        case joyConHands
        /// Nothing tells them apart: as given, the left thigh's first.
        case asGiven
    }

    /// True when the second device given goes on the left thigh.
    public var swapped: Bool
    public var reason: Reason

    public init(swapped: Bool, reason: Reason) {
        self.swapped = swapped
        self.reason = reason
    }

    /// The two devices as given (the first meant for the left thigh).
    public static func of(_ first: Identity, _ second: Identity) -> PairAssignment {
        switch (first.joyConHand, second.joyConHand) {
        case (.left, .right):
            return PairAssignment(swapped: false, reason: .joyConHands)
        case (.right, .left):
            return PairAssignment(swapped: true, reason: .joyConHands)
        case (.left, .left), (.right, .right), (nil, _), (_, nil):
            return PairAssignment(swapped: false, reason: .asGiven)
        }
    }
}
