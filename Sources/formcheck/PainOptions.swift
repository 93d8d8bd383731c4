import ArgumentParser

/// `--pain N` and `--pain-after N`: the pain before and after the session, 0 (none) to 10 (the
/// worst imaginable). Given, they answer the questions `live` and `routine` ask; `replay --save`
/// stores them.
struct PainOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Pain before the session, 0 (none) to 10 (worst); live and routine then do not ask.", valueName: "0-10"))
    var pain: Int?

    @Option(name: .customLong("pain-after"),
            help: ArgumentHelp("Pain after the session, 0 to 10; live and routine then do not ask.", valueName: "0-10"))
    var painAfter: Int?

    func validate() throws {
        for (name, value) in [("--pain", pain), ("--pain-after", painAfter)] {
            if let value, !(0...10).contains(value) {
                throw ValidationError("\(name) is 0 (no pain) to 10 (the worst imaginable), not \(value)")
            }
        }
    }
}
