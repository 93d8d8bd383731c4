/// Moving a session's events onto another clock: a routine runs one session per exercise, each
/// timed from its own first sample, and reports them on the routine's clock.
extension SessionEvent {
    /// The event with every time `offset` seconds later; `t` (when the coach knew it) no earlier
    /// than `notBefore` — the samples a step's session starts from are replayed into it when the
    /// step begins, so what they show is known then.
    public func shifted(by offset: Double, notBefore: Double = -.infinity) -> SessionEvent {
        func at(_ t: Double) -> Double { max(t + offset, notBefore) }
        switch self {
        case .calibrated(let t, let posture):
            return .calibrated(t: at(t), posture: posture)
        case .holdStarted(let t, let rep, let side, let start, let flexion):
            return .holdStarted(t: at(t), rep: rep, side: side, start: start + offset, flexion: flexion)
        case .formError(let t, let kind, let rep):
            return .formError(t: at(t), kind: kind, rep: rep)
        case .holdEnded(let t, let rep, let side, let start, let end, let complete):
            return .holdEnded(t: at(t), rep: rep, side: side, start: start + offset, end: end + offset, complete: complete)
        case .cue(let t, let cue):
            return .cue(t: at(t), cue: cue)
        case .repEnded(let t, var r):
            r.start += offset
            r.end += offset
            return .repEnded(t: at(t), rep: r)
        case .strapSlipped(let t, let degrees):
            return .strapSlipped(t: at(t), degrees: degrees)
        case .exerciseRecognised(let t, let exercise, let confidence, let reason):
            return .exerciseRecognised(t: at(t), exercise: exercise, confidence: confidence, reason: reason)
        case .summary(let s):
            var moved = s.shifted(by: offset)
            moved.t = max(moved.t, notBefore)
            return .summary(moved)
        }
    }
}

extension SessionSummary {
    /// The summary with every time `offset` seconds later.
    public func shifted(by offset: Double) -> SessionSummary {
        var s = self
        s.t += offset
        for i in s.holds.indices {
            s.holds[i].start += offset
            s.holds[i].end += offset
        }
        for i in s.formErrors.indices { s.formErrors[i].t += offset }
        for i in s.strapSlips.indices { s.strapSlips[i].t += offset }
        if var reps = s.reps {
            for i in reps.indices {
                reps[i].start += offset
                reps[i].end += offset
            }
            s.reps = reps
        }
        return s
    }
}
