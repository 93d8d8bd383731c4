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
    /// The history when it exists (nothing is created to read it), else nil.
    func existingStore() throws -> HistoryStore? {
        FileManager.default.fileExists(atPath: path) ? try open() : nil
    }

    /// The profile of `store` (the one a session saves in), else of the history if it exists.
    func profile(of store: HistoryStore?) throws -> UserProfile? {
        guard let store = try store ?? existingStore() else { return nil }
        do { return try store.profile() } catch let error as HistoryError { throw fail(error) }
    }
}
