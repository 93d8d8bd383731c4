import ArgumentParser

/// The options every live command (`live`, `routine`) shares: speech, saving (`--db`,
/// `--no-save`), the pain before and after, `--left`/`--right` for a sensor on each thigh, and
/// the (hidden) device roots; `setup(example:)` is the `LiveSetup` they ask for.
struct LiveOptions: ParsableArguments {
    @Flag(help: "Speak the cues (needs espeak-ng).")
    var speak = false

    @OptionGroup var history: HistoryOptions

    @Flag(name: .customLong("no-save"), help: "Do not save the session in the history.")
    var noSave = false

    @OptionGroup var pain: PainOptions

    @OptionGroup var pair: PairOptions

    @OptionGroup var roots: DeviceRoots

    /// - Parameter example: the command line that fixes a device choice, `%@` where the device goes.
    func setup(example: String) -> LiveSetup {
        LiveSetup(speak: speak, history: history, noSave: noSave, pain: pain, discovery: roots.discovery, example: example)
    }
}
