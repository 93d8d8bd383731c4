/// The JSON form of a left–right comparison, in a routine's `routineSummary` (`symmetry`, one per
/// exercise done on both legs) and as `replay`'s `symmetry` line after a left and a right recording
/// of one exercise:
///
///     {"type":"symmetry","exercise":"hamstring","left":{…},"right":{…},"peakDifference":-0.4,"ratio":0.98,"flags":[]}
///
/// each side `{"peak":…,"secondsUnderStretch":…,"reps":…,"meanRange":…,"formErrors":0}` (degrees to
/// 0.1, seconds to 0.01; null where it does not apply: reps for a stretch, time under stretch for
/// strengthening, a peak without any hold or rep); `peakDifference` left minus right, degrees;
/// `ratio` the weaker side's time under stretch (or complete reps) over the stronger's, 0…1 to
/// 0.01; `flags` what differs beyond the protocol's `symmetry` rules, in words (empty: nothing).
extension SideComparison {
    /// Its members (without `type`).
    public var json: JSONValue { .sortedObject(members) }

    /// `replay`'s `symmetry` line (no newline at the end).
    public var jsonLine: String { JSONValue.sortedObject(members.merging(["type": .string("symmetry")]) { a, _ in a }).compactText }

    private var members: [String: JSONValue] {
        let angle = SessionEvent.angleDecimals, duration = SessionEvent.durationDecimals
        func side(_ f: Figures) -> JSONValue {
            .sortedObject([
                "peak": f.peak.map { .number($0, decimals: angle) } ?? .null,
                "secondsUnderStretch": f.secondsUnderStretch.map { .number($0, decimals: duration) } ?? .null,
                "reps": f.reps.map { .integer($0) } ?? .null,
                "meanRange": f.meanRange.map { .number($0, decimals: angle) } ?? .null,
                "formErrors": .integer(f.formErrors),
            ])
        }
        return [
            "exercise": .string(exercise), "left": side(left), "right": side(right),
            "peakDifference": peakDifference.map { .number($0, decimals: angle) } ?? .null,
            "ratio": ratio.map { .number($0, decimals: 2) } ?? .null,
            "flags": .array(flags.map { .string($0) }),
        ]
    }
}
