/// One of issue 9's targets for real data, and whether a run meets it.
public struct TargetResult: Sendable, Hashable, Codable {
    /// What the target asks, e.g. `no file refused`.
    public var target: String
    /// The figure measured, e.g. `3 of 28 refused`.
    public var measured: String
    public var met: Bool

    public init(target: String, measured: String, met: Bool) {
        self.target = target
        self.measured = measured
        self.met = met
    }
}
