/// Whether the sensor was taken off the thigh and strapped on again (a routine's "move the strap to
/// your left thigh"), from raw samples, as an explicit state machine:
/// worn → (handling: angular rate or specific force well beyond any exercise's, adding up to
/// `handlingSeconds`) → off → (a rest of `onRestSeconds`, begun after the last handling, in another
/// pose than the rest before the move) → on. It is armed only when the coach has asked for the move;
/// the next exercise's pipeline starts from the samples of the rest that ended it (`on(restStart:)`).
/// Times in seconds on the samples' clock.
public struct StrapMoveDetector: Sendable {
    public struct Rules: Sendable, Hashable {
        /// An angular rate above this is handling, °/s. The stretches' protocols call 60 °/s too fast
        /// (`maximumRate`) and the simulated strengthening reps peak under 100 °/s; a sensor unbuckled,
        /// turned over and carried in the hand turns at several hundred.
        public var handlingRate = 200.0
        /// A specific force this far from 1 g is handling, m/s² (a leg moved at an exercise's pace
        /// stays within about 1; a sensor pulled off a strap, swung and knocked jolts well past 5).
        public var handlingAcceleration = 5.0
        /// Handling must add up to this long, seconds: a knock or a single jerk is not a strap move.
        public var handlingSeconds = 0.5
        /// The strap is back on once the sensor has been still this long after the handling, seconds.
        public var onRestSeconds = 2.0
        /// A rest whose gravity direction in the sensor frame is within this angle of the rest before
        /// the move is the same strap in the same place (handled, but put back as it was), degrees: a
        /// sensor strapped on another thigh almost never lands within it ((1 − cos 3°)/2 ≈ 0.07 % of
        /// random mountings).
        public var samePoseDegrees = 3.0

        public init() {}
    }

    public enum Action: Sendable, Hashable {
        case none
        /// Handling added up to the rules' time: the strap came off, at `at` (the first handling sample).
        case off(at: Double)
        /// Back on: the rest that began at `restStart` has lasted `onRestSeconds`.
        case on(restStart: Double)
    }

    private enum State: Sendable, Hashable {
        /// On the thigh; `handled` seconds of handling so far, the first at `first`.
        case worn(handled: Double, first: Double?)
        /// Off since `since`; the last handling sample at `lastHandling`.
        case off(since: Double, lastHandling: Double)
        /// Back on (the rest began at `restStart`); nothing more to detect.
        case on(restStart: Double)
    }

    public let rules: Rules
    /// Gravity's direction in the sensor frame at the rest before the move (nil: not known).
    public let before: Vector3?
    private var state: State = .worn(handled: 0, first: nil)
    private var rest: RestDetector
    private var lastTime: Double?
    /// Recent samples (time, specific force), for the mean gravity of a rest.
    private var recent: [(time: Double, acceleration: Vector3)] = []

    /// - Parameter before: the mean specific force (sensor frame, any length) at the last rest on the
    ///   thigh before the move.
    public init(rules: Rules = .init(), before: Vector3? = nil) {
        self.rules = rules
        self.before = before.map(\.normalized)
        var p = RestDetector.Parameters()
        p.minimumDuration = rules.onRestSeconds
        // A steady spin is not still, whatever its deviation from its mean (gyro biases are a few °/s).
        p.maximumMeanRate = 20 * .pi / 180
        rest = RestDetector(parameters: p)
    }

    /// True once the strap came off (and until it is back on).
    public var isOff: Bool {
        if case .off = state { return true }
        return false
    }

    /// A raw sample (time in seconds, SI units).
    public mutating func update(_ s: IMUSample) -> Action {
        let dt = lastTime.map { min(max(s.time - $0, 0), 0.1) } ?? 0
        lastTime = s.time
        let handling = s.angularVelocity.norm * 180 / .pi > rules.handlingRate
            || abs(s.acceleration.norm - 9.80665) > rules.handlingAcceleration
        recent.append((s.time, s.acceleration))
        if let first = recent.first, s.time - first.time > rules.onRestSeconds + 1 {
            recent.removeFirst(recent.count / 4 + 1)
        }
        let restAction = rest.update(s)
        switch state {
        case .worn(let handled, let first):
            guard handling else { return .none }
            let total = handled + dt
            let start = first ?? s.time
            guard total >= rules.handlingSeconds else {
                state = .worn(handled: total, first: start)
                return .none
            }
            state = .off(since: start, lastHandling: s.time)
            return .off(at: start)
        case .off(let since, let lastHandling):
            if handling {
                state = .off(since: since, lastHandling: s.time)
                return .none
            }
            guard case .restStarted(let restStart) = restAction, restStart > lastHandling else { return .none }
            if let before, let now = meanGravity(since: restStart),
               now.dot(before) >= (rules.samePoseDegrees * .pi / 180).cosine {
                return .none
            }
            state = .on(restStart: restStart)
            return .on(restStart: restStart)
        case .on:
            return .none
        }
    }

    /// Samples were lost: a rest in progress starts again.
    public mutating func gapOccurred() {
        _ = rest.gapOccurred()
        recent.removeAll(keepingCapacity: true)
        lastTime = nil
    }

    private func meanGravity(since t: Double) -> Vector3? {
        var sum = Vector3.zero
        var n = 0
        for r in recent where r.time >= t {
            sum += r.acceleration
            n += 1
        }
        return n > 0 ? (sum / Double(n)).normalized : nil
    }
}
