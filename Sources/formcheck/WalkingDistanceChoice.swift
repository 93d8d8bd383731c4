import FormcheckHistory
import Foundation

/// What the distance walked is counted from (`live`, `routine`, `replay --db`): the profile's
/// calibrated stride (`calibrate --walk`) when it has one, else `--height`, else the profile's
/// height; neither: no distance. The summary says which ("from your calibrated stride 1.42 m").
struct WalkingDistanceChoice: Hashable {
    /// Body height, metres (the stride model).
    var height: Double?
    /// The calibrated stride, metres.
    var stride: Double?

    /// From `--height` (centimetres) and the profile (nil: no history read).
    static func of(heightOption: Double?, profile: UserProfile?) -> WalkingDistanceChoice {
        WalkingDistanceChoice(height: (heightOption ?? profile?.heightCentimetres).map { $0 / 100 }, stride: profile?.strideMetres)
    }
}

extension HistoryOptions {
    /// The profile, when the history exists (nothing is created to read it).
    func existingProfile() throws -> UserProfile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let store = try open()
        do { return try store.profile() } catch let error as HistoryError { throw fail(error) }
    }
}
