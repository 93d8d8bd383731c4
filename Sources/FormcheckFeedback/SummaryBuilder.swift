import MotionCore

/// Builds a session's summary from what the session reports as it goes: holds, form errors, strap
/// slips, and at the end the walking totals.
public struct SummaryBuilder: Sendable {
    public let exercise: String
    public let side: Side
    public private(set) var holds: [SessionSummary.Hold] = []
    public private(set) var formErrors: [SessionSummary.Error] = []
    public private(set) var slips: [SessionSummary.Slip] = []

    public init(exercise: String, side: Side) {
        self.exercise = exercise
        self.side = side
    }

    public mutating func hold(_ h: SessionSummary.Hold) { holds.append(h) }

    public mutating func formError(_ kind: FormError, at t: Double, rep: Int?) {
        formErrors.append(.init(t: t, kind: kind, rep: rep))
    }

    /// Whether `kind` was already reported for `rep` (each is reported once per repetition).
    public func reported(_ kind: FormError, rep: Int?) -> Bool {
        formErrors.contains { $0.kind == kind && $0.rep == rep }
    }

    public mutating func slip(at t: Double, degrees: Double) { slips.append(.init(t: t, degrees: degrees)) }

    /// The summary at `t`; `gait` for walking (nil for stretches).
    public func summary(at t: Double, gait: GaitTracker?) -> SessionSummary {
        var s = SessionSummary(t: t, exercise: exercise, side: side, holds: holds, formErrors: formErrors,
                               steps: gait?.steps, cadence: gait?.cadence, walkingSeconds: gait?.walkingSeconds,
                               distanceMeters: gait?.distanceMeters)
        s.strapSlips = slips
        return s
    }
}
