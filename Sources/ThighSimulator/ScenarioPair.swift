import FormcheckFormats
import MotionCore

/// One body with a sensor on each thigh: two scenarios, the left thigh's and the right's, that
/// share their timeline — the same steps' durations where the body moves as one (the pelvis's
/// posture changes at the same moments), each thigh doing its own exercise or resting while the
/// other works. Rendered as two recordings on one simulated kernel clock, with the session file
/// that ties them (`SessionFile`: each recording's first event on that clock), and each thigh's
/// truth: its sample k is at k sample periods after the common 0, so the recordings' alignment can
/// be checked against it.
public struct ScenarioPair: Sendable, Hashable {
    public var name: String
    public var summary: String
    public var left: Scenario
    public var right: Scenario
    /// The common kernel clock's reading at the simulation's 0, microseconds (a monotonic clock
    /// runs from boot: any value).
    public var kernelEpoch: Int64

    public init(name: String, summary: String, left: Scenario, right: Scenario, kernelEpoch: Int64 = 5_000_000_000) {
        self.name = name
        self.summary = summary
        self.left = left
        self.right = right
        self.kernelEpoch = kernelEpoch
    }

    /// The scenario of `side`'s thigh.
    public func scenario(_ side: Side) -> Scenario { side == .left ? left : right }

    /// What would make the pair not one body: each scenario's own problems, a scenario on the
    /// wrong thigh, or posture changes that do not happen together.
    public var problems: [(path: String, message: String)] {
        var out = left.problems.map { ("left." + $0.path, $0.message) } + right.problems.map { ("right." + $0.path, $0.message) }
        if left.side != .left { out.append(("left.side", "the left thigh's scenario has side \(left.side.rawValue)")) }
        if right.side != .right { out.append(("right.side", "the right thigh's scenario has side \(right.side.rawValue)")) }
        if left.posture != right.posture { out.append(("right.posture", "both thighs start in one posture (left: \(left.posture.rawValue))")) }
        if abs(left.duration - right.duration) > 1e-9 {
            out.append(("right.steps", "the thighs' timelines last \(left.duration) s and \(right.duration) s: make them equal"))
        }
        func pelvis(_ s: Scenario) -> [(t: Double, posture: Posture, duration: Double)] {
            var t = 0.0
            var out: [(Double, Posture, Double)] = []
            for step in s.steps {
                if case .pelvis(let p, _, _, _, let d) = step { out.append((t, p, d)) }
                t += step.duration
            }
            return out
        }
        let (l, r) = (pelvis(left), pelvis(right))
        if l.count != r.count || zip(l, r).contains(where: { abs($0.t - $1.t) > 1e-9 || $0.posture != $1.posture || abs($0.duration - $1.duration) > 1e-9 }) {
            out.append(("right.steps", "the pelvis moves at other moments for the two thighs: give both the same pelvis steps at the same times"))
        }
        return out
    }

    /// Both thighs rendered.
    public struct Rendering: Sendable {
        public var left: ScenarioRenderer.Rendering
        public var right: ScenarioRenderer.Rendering
        /// The session file, for recordings written as `NAME.left.evemu` and `NAME.right.evemu`
        /// beside it (`SessionFile.recordingPath`).
        public var session: SessionFile

        public func rendering(_ side: Side) -> ScenarioRenderer.Rendering { side == .left ? left : right }
    }

    /// Renders both thighs; `sessionName` is the session file's name (its recordings' names follow
    /// from it). `accelerometerErrors` as `ScenarioRenderer.render`'s.
    public func render(sessionName: String? = nil, accelerometerErrors: Bool = true) -> Rendering {
        let l = ScenarioRenderer(left).render(accelerometerErrors: accelerometerErrors)
        let r = ScenarioRenderer(right).render(accelerometerErrors: accelerometerErrors)
        let base = sessionName ?? name + ".json"
        func entry(_ side: Side, _ x: ScenarioRenderer.Rendering) -> SessionFile.Entry {
            let file = SessionFile.recordingPath(side, sessionPath: base).split(separator: "/").last.map(String.init) ?? ""
            return SessionFile.Entry(side: side, file: file, device: x.description.name, uniq: nil,
                                     start: x.events.isEmpty ? nil : kernelEpoch + x.kernelStart)
        }
        return Rendering(left: l, right: r, session: SessionFile(recordings: [entry(.left, l), entry(.right, r)]))
    }
}
