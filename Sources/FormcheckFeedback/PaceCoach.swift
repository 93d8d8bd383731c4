/// Walking feedback while walking, as an explicit state machine on the time in gait: every
/// `checkSeconds` of walking the cadence of that interval is judged — below `briskCadence` a pace
/// cue says so — and while brisk, time, steps and cadence are announced at the first check and then
/// every `progressSeconds`.
/// Both are cues of kind `pace`. Inputs are the gait tracker's totals (steps, seconds in gait).
public struct PaceCoach: Sendable {
    public struct Rules: Sendable, Hashable {
        public var briskCadence: Double
        public var checkSeconds: Double
        public var progressSeconds: Double

        public init(briskCadence: Double, checkSeconds: Double, progressSeconds: Double) {
            self.briskCadence = briskCadence
            self.checkSeconds = checkSeconds
            self.progressSeconds = progressSeconds
        }
    }

    private struct Mark: Sendable, Hashable {
        var walked: Double
        var steps: Int
    }

    private enum State: Sendable, Hashable {
        /// No step yet.
        case waiting
        /// Walking; the interval being judged began at `interval`, progress was last said at `progress`.
        case walking(interval: Mark, progress: Double)
    }

    public let rules: Rules
    private var state: State = .waiting

    public init(rules: Rules) {
        self.rules = rules
    }

    /// The gait totals now: `steps` counted and `walked` seconds in gait.
    public mutating func update(steps: Int, walked: Double) -> [Cue] {
        switch state {
        case .waiting:
            guard steps > 0 else { return [] }
            state = .walking(interval: Mark(walked: walked, steps: steps), progress: -.infinity)
            return []
        case .walking(var interval, var progress):
            guard walked - interval.walked >= rules.checkSeconds else { return [] }
            let cadence = Double(steps - interval.steps) / (walked - interval.walked) * 60
            interval = Mark(walked: walked, steps: steps)
            var cues: [Cue] = []
            if cadence < rules.briskCadence {
                cues.append(.paceSlow(cadence: Int(cadence.rounded()), brisk: Int(rules.briskCadence.rounded())))
                progress = walked
            } else if walked - progress >= rules.progressSeconds - rules.checkSeconds / 2 {
                cues.append(.paceProgress(seconds: Int(walked.rounded()), steps: steps, cadence: Int(cadence.rounded())))
                progress = walked
            }
            state = .walking(interval: interval, progress: progress)
            return cues
        }
    }
}
