/// The units a distance is given in on the command line (`calibrate --walk 100m`).
enum LengthUnit: String, CaseIterable {
    case m, km, mi, ft, yd

    /// Metres in one of this unit (the international yard and pound agreement for ft, yd and mi).
    var metres: Double {
        switch self {
        case .m: 1
        case .km: 1000
        case .mi: 1609.344
        case .ft: 0.3048
        case .yd: 0.9144
        }
    }

    /// "m, km, mi, ft or yd".
    static var list: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}
