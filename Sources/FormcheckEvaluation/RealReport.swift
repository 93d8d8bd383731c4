import MotionCore

/// The result of `RealEvaluation.evaluate(folder:)`: every file, per participant and overall
/// figures, and issue 9's targets.
public struct RealReport: Sendable, Hashable, Codable {
    public var mode: AngleSeries.Mode
    /// In the folder's order (by name).
    public var files: [FileScore]
    /// One per participant, in the order they first appear.
    public var participants: [GroupSummary]
    public var overall: GroupSummary
    public var targets: [TargetResult]

    public init(mode: AngleSeries.Mode, files: [FileScore]) {
        self.mode = mode
        self.files = files
        var order: [String] = []
        for f in files where !order.contains(f.participant) { order.append(f.participant) }
        participants = order.map { p in GroupSummary(name: p, files: files.filter { $0.participant == p }) }
        overall = GroupSummary(name: "all", files: files)
        targets = Self.targets(overall)
    }

    /// Every target met.
    public var targetsMet: Bool { targets.allSatisfy(\.met) }

    /// Issue 9's targets for real data, measured on `o`.
    public static func targets(_ o: GroupSummary) -> [TargetResult] {
        func percent(_ f: Double?) -> String {
            guard let f else { return "–" }
            let tenths = Int((f * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10) %"
        }
        let within = o.fractionWithin.map { $0 >= RealEvaluation.withinTarget } ?? false
        return [
            TargetResult(target: "every file calibrated (none refused)", measured: "\(o.filesRefused) of \(o.files) refused",
                         met: o.filesRefused == 0),
            TargetResult(target: "≥ 95 % of still rests within 7°",
                         measured: "\(o.restsWithin) of \(o.rests) (\(percent(o.fractionWithin)))", met: within),
            TargetResult(target: "no sign errors", measured: "\(o.signErrors) of \(o.rests) rests", met: o.signErrors == 0),
            TargetResult(target: "steps within max(3, 5 %); 0–2 without gait",
                         measured: "\(o.stepFilesPassing) of \(o.stepFiles) files pass", met: o.stepFilesPassing == o.stepFiles),
        ]
    }
}
