extension Double {
    /// The number with `decimals` decimals, rounded half away from zero (no Foundation here).
    func decimalText(_ decimals: Int) -> String {
        guard isFinite else { return isNaN ? "nan" : (self > 0 ? "∞" : "-∞") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let r = (abs(self) * scale).rounded()
        let whole = (r / scale).rounded(.down)
        var s = (self < 0 && r > 0 ? "-" : "") + String(Int(whole))
        if decimals > 0 {
            let digits = String(Int(r - whole * scale))
            s += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        }
        return s
    }
}
