import MotionCore

/// A daily routine, declared as data (a JSON file in Routines/ or the user's
/// `$XDG_CONFIG_HOME/formcheck/routines/`): the exercises in order, each with its dose and whether
/// both legs do it. Every number the routine's coach uses is here or, where an entry leaves it
/// out, the exercise protocol's (`formcheck routines` prints the resolved numbers). Times in
/// seconds, walking in minutes.
public struct Routine: Sendable, Hashable {
    /// Whether an exercise is done on each leg in turn or once, on the leg wearing the strap.
    public enum Sides: String, Sendable, Hashable, Codable, CaseIterable {
        /// Each leg in turn ("switch legs and repeat"); the strap moves once, between them.
        case both
        /// Once, with the strap where it is (a bridge works both legs; a walk is a walk).
        case one
    }

    /// One exercise of the routine and its dose. A number left out is the protocol's.
    public struct Entry: Sendable, Hashable {
        /// A protocol name (`formcheck exercises`).
        public var exercise: String
        public var sides: Sides
        /// Stretches: holds per side and their length, seconds.
        public var holds: Int?
        public var holdSeconds: Double?
        /// Strengthening: sets, complete reps per set, rest between sets (seconds).
        public var sets: Int?
        public var perSet: Int?
        public var restSeconds: Double?
        /// Walking: how long, minutes.
        public var minutes: Double?

        public init(exercise: String, sides: Sides, holds: Int? = nil, holdSeconds: Double? = nil, sets: Int? = nil,
                    perSet: Int? = nil, restSeconds: Double? = nil, minutes: Double? = nil) {
            self.exercise = exercise
            self.sides = sides
            self.holds = holds
            self.holdSeconds = holdSeconds
            self.sets = sets
            self.perSet = perSet
            self.restSeconds = restSeconds
            self.minutes = minutes
        }
    }

    public var name: String
    public var title: String
    /// For people: what the routine is for and how long it takes.
    public var description: String
    /// The leg the strap starts on.
    public var firstSide: Side
    /// How long the user has to move the strap to the other thigh before being reminded, seconds.
    public var strapMoveSeconds: Double
    /// When an exercise's dose is done, the next one begins once the thigh has been still this long
    /// (the user back at rest), seconds.
    public var settleSeconds: Double
    /// When the next exercise starts from another posture (knees up for a bridge, onto the side for
    /// a clamshell, standing for a walk), it begins once the thigh has moved and been still
    /// `settleSeconds` again, or after this many seconds still without moving (the user was already
    /// in position), seconds (`PositionWatch`).
    public var positionSeconds: Double
    /// How the strap coming off one thigh and going on the other is recognised (`StrapMoveDetector`).
    public var strapMove: StrapMoveDetector.Rules
    /// With two sensors that nothing tells apart, how the movement tells which thigh each is on
    /// (`PairSideCheck`).
    public var pairSides: PairSideCheck.Rules
    public var entries: [Entry]

    public init(name: String, title: String, description: String, firstSide: Side = .right, strapMoveSeconds: Double = 60,
                settleSeconds: Double = 1, positionSeconds: Double = 15, strapMove: StrapMoveDetector.Rules = .init(),
                pairSides: PairSideCheck.Rules = .init(), entries: [Entry]) {
        self.name = name
        self.title = title
        self.description = description
        self.firstSide = firstSide
        self.strapMoveSeconds = strapMoveSeconds
        self.settleSeconds = settleSeconds
        self.positionSeconds = positionSeconds
        self.strapMove = strapMove
        self.pairSides = pairSides
        self.entries = entries
    }
}
