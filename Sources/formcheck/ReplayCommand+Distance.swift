import FormcheckHistory

extension ReplayCommand {
    /// The distance walked: from `--height` alone, unless a history is named (`--db`) or saved in
    /// (`--save`), whose profile's calibrated stride (or height) then counts as it does live.
    func walkingDistance(_ store: HistoryStore?) throws -> WalkingDistanceChoice {
        .of(heightOption: options.height, profile: save || history.db != nil ? try history.profile(of: store) : nil)
    }
}
