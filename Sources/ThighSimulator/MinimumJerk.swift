/// The minimum-jerk profile s(τ) = 10τ³ − 15τ⁴ + 6τ⁵ for τ in 0…1 (0 before, 1 after): smooth
/// human reaching movements (Flash & Hogan 1985). Peak rate 1.875 / duration.
enum MinimumJerk {
    static func position(_ tau: Double) -> Double {
        if tau <= 0 { return 0 }
        if tau >= 1 { return 1 }
        let t3 = tau * tau * tau
        return t3 * (10 - 15 * tau + 6 * tau * tau)
    }

    /// ∫₀^τ s(u) du, for a velocity ramp's distance.
    static func integral(_ tau: Double) -> Double {
        if tau <= 0 { return 0 }
        if tau >= 1 { return 0.5 + (tau - 1) }
        let t4 = tau * tau * tau * tau
        return t4 * (2.5 - 3 * tau + tau * tau)
    }
}
