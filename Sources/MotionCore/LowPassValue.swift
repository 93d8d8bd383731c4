/// A value a `LowPassFilter` can smooth: a vector space over Double (sums and scaling).
protocol LowPassValue: Sendable {
    static var zero: Self { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, s: Double) -> Self
}
