import FormcheckHistory

extension ReplayCommand {
    /// The distance walked: from `--height` alone, unless a history is named (`--db`), whose
    /// profile's calibrated stride (or height) then counts as it does live.
    func walkingDistance() throws -> WalkingDistanceChoice {
        .of(heightOption: options.height, profile: history.db == nil ? nil : try history.existingProfile())
    }
}
