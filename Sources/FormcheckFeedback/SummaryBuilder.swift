import MotionCore

/// Builds a session's summary from what the session reports as it goes: holds, form errors, strap
/// slips, and at the end the walking totals.
public struct SummaryBuilder: Sendable {
    public let exercise: String
    public let side: Side
    public private(set) var holds: [SessionSummary.Hold] = []
    public private(set) var formErrors: [SessionSummary.Error] = []
    public private(set) var slips: [SessionSummary.Slip] = []
    /// Strengthening: the reps (nil otherwise).
    public private(set) var reps: [SessionSummary.Rep]?

    /// - Parameter strength: a strengthening exercise (the summary lists its reps).
    public init(exercise: String, side: Side, strength: Bool = false) {
        self.exercise = exercise
        self.side = side
        reps = strength ? [] : nil
    }

    public mutating func rep(_ r: SessionSummary.Rep) { reps?.append(r) }

    public mutating func hold(_ h: SessionSummary.Hold) { holds.append(h) }

    public mutating func formError(_ kind: FormError, at t: Double, rep: Int?) {
        formErrors.append(.init(t: t, kind: kind, rep: rep))
    }

    /// Whether `kind` was already reported for `rep` (each is reported once per repetition).
    public func reported(_ kind: FormError, rep: Int?) -> Bool {
        formErrors.contains { $0.kind == kind && $0.rep == rep }
    }

    public mutating func slip(at t: Double, degrees: Double) { slips.append(.init(t: t, degrees: degrees)) }

    /// The summary at `t`; `gait` for walking (nil for stretches), its distance from `source`.
    public func summary(at t: Double, gait: GaitTracker?, distanceSource source: DistanceSource? = nil) -> SessionSummary {
        var s = SessionSummary(t: t, exercise: exercise, side: side, holds: holds, formErrors: formErrors,
                               steps: gait?.steps, cadence: gait?.cadence, walkingSeconds: gait?.walkingSeconds,
                               distanceMeters: gait?.distanceMeters)
        s.strapSlips = slips
        s.reps = reps
        if s.distanceMeters != nil { s.distanceSource = source }
        return s
    }
}
