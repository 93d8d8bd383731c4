import FormcheckFeedback
import Foundation

/// The pain question at the edge (`PainPrompt` is the logic): shown on stderr, said aloud when
/// speaking, answered by one key from the terminal. Not asked when the answer was given
/// (`--pain`, `--pain-after`) or standard input is not a terminal; Ctrl-C (`stop`) skips it.
enum PainQuestion {
    static func ask(_ moment: PainPrompt.Moment, given: Int?, speech: SpeechSink?, stop: StopFlag) -> Int? {
        if let given { return given }
        guard let saved = RawInput.enter() else { return nil }
        defer { RawInput.leave(saved) }
        let words = CueCatalogue.english
        var prompt = PainPrompt(moment)
        if case .ask(let cue) = prompt.start() {
            printError("formcheck: " + words.painQuestion(moment))
            speech?.say(CueLimiter.Utterance(cue))
        }
        while !stop.isSet {
            switch RawInput.readByte() {
            case .failed:
                return nil
            case .none:
                continue
            case .key(let byte):
                switch prompt.key(byte) {
                case .answered(let pain):
                    printError("formcheck: " + words.painAnswer(pain))
                    return pain
                case .remind:
                    printError("formcheck: " + words.painQuestion(moment))
                case .ask, .none:
                    continue
                }
            }
        }
        return nil
    }
}
