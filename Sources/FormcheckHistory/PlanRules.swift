/// The progression rule, declared as data (a JSON file: the built-in `Plans/gradual.json`, or
/// `--plan FILE`): how the daily walk and each exercise's dose grow week by week, when they hold
/// and when they step back. Every number the plan uses is here, except the walking goal, which is
/// the user's (`UserProfile.walkingGoalMetres`). README "Your plan" states the rule in words.
///
/// Weeks are the plan's: week 1 begins on the day of the first session in the history; each
/// week's targets are decided on its first day from the weeks before, so what is done today never
/// moves today's targets.
public struct PlanRules: Sendable, Hashable {
    /// The daily walk.
    public struct Walking: Sendable, Hashable, Codable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case startMetres, fromFirstWeek, weeklyGrowth, stepBack, minimumMetres, metresPerSecond
        }

        /// The daily distance of the first week, metres (> 0): one mile, 20 minutes at 3 mph (the
        /// daily routine's walk).
        public var startMetres = 1609.344
        /// The second week starts from what was walked in the first — the mean distance of the days
        /// walked — instead of `startMetres` (when anything was walked).
        public var fromFirstWeek = true
        /// Growth a week, a fraction of the last week's target (0.1: +10 %), 0…1.
        public var weeklyGrowth = 0.1
        /// A step back, a fraction of the last week's target (0.1: −10 %), 0…1.
        public var stepBack = 0.1
        /// A step back never goes below this, metres (≥ 0).
        public var minimumMetres = 400.0
        /// The pace that turns a distance into a time, metres per second (> 0), when last week has
        /// no timed walk with a distance; also turns a time walked into metres when a walk has no
        /// distance (no height, no calibrated stride). 1.34 m/s is 3 mph.
        public var metresPerSecond = 1.34

        public init() {}
    }

    /// A stretch's hold time (the number of holds stays the routine's).
    public struct Holds: Sendable, Hashable, Codable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case growthSeconds, capSeconds, stepBackSeconds, minimumSeconds
        }

        /// Seconds added a week (> 0).
        public var growthSeconds = 5.0
        /// Holds grow to this, seconds (> 0); a routine's own longer hold is kept as it is.
        public var capSeconds = 60.0
        /// Seconds taken off at a step back (≥ 0).
        public var stepBackSeconds = 5.0
        /// A step back never goes below this (nor below the routine's own hold), seconds (> 0).
        public var minimumSeconds = 15.0

        public init() {}
    }

    /// A strengthening exercise's reps per set (the number of sets stays the routine's).
    public struct Reps: Sendable, Hashable, Codable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case growthPerSet, capPerSet, stepBackPerSet, minimumPerSet
        }

        /// Reps per set added a week (≥ 1).
        public var growthPerSet = 1
        /// Reps per set grow to this (≥ 1); a routine's own larger number is kept.
        public var capPerSet = 15
        /// Reps per set taken off at a step back (≥ 0).
        public var stepBackPerSet = 1
        /// A step back never goes below this (nor below the routine's own), reps (≥ 1).
        public var minimumPerSet = 5

        public init() {}
    }

    /// When pain "rises": then nothing grows, and two weeks of it running is a step back.
    public struct Pain: Sendable, Hashable, Codable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case weeklyRise, sessionRise
        }

        /// The week's mean pain after sessions is this much above the last week's mean that had
        /// one, points 0–10 (> 0).
        public var weeklyRise = 1.0
        /// A session's pain after is this much above its pain before, points (≥ 1).
        public var sessionRise = 2

        public init() {}
    }

    /// When a week counts as done, so its targets may grow.
    public struct Completion: Sendable, Hashable, Codable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case days, walkingFraction, maximumFormErrors
        }

        /// Days of the 7 on which it was done (1–7).
        public var days = 5
        /// A day's walking counts when it reached this fraction of the day's target (0–1].
        public var walkingFraction = 0.9
        /// A day's exercise counts when it was done (ending `done`: its holds or sets done) with
        /// every hold complete and at most this many form errors on each leg (≥ 0).
        public var maximumFormErrors = 1

        public init() {}
    }

    public var name: String
    /// For people: what the plan does.
    public var description: String
    public var walking: Walking
    public var holds: Holds
    public var reps: Reps
    public var pain: Pain
    public var completion: Completion

    public init(name: String, description: String, walking: Walking = .init(), holds: Holds = .init(), reps: Reps = .init(),
                pain: Pain = .init(), completion: Completion = .init()) {
        self.name = name
        self.description = description
        self.walking = walking
        self.holds = holds
        self.reps = reps
        self.pain = pain
        self.completion = completion
    }
}
