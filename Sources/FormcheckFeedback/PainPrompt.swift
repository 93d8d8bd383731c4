/// The pain question before and after a live session or routine, answered by one key: `0`…`9`, `t`
/// for 10; Enter or `s` skips it. A small explicit state machine — one method per input (it is
/// shown, a key is pressed), each returning what to do; the words are `CueCatalogue`'s
/// (`Cue.askPain`, `painQuestion`, `painAnswer`) and the terminal is the caller's.
///
///     waiting → (start) asking → (a digit, t) answered(n)
///                              → (Enter, s) answered(nil)
///                              → (any other key) asking, the keys shown again
public struct PainPrompt: Sendable, Hashable {
    /// When it is asked.
    public enum Moment: String, Sendable, Hashable, CaseIterable {
        case before
        case after
    }

    public enum Action: Sendable, Hashable {
        /// Show the question (`CueCatalogue.painQuestion`) and say it (`Cue.askPain`).
        case ask(Cue)
        /// Not a key of the question: show the keys again.
        case remind
        /// The answer: 0–10, or nil when skipped. The question is over.
        case answered(Int?)
        /// Nothing to do (a key before the question or after its answer).
        case none
    }

    private enum State: Sendable, Hashable {
        case waiting
        case asking
        case answered(Int?)
    }

    public let moment: Moment
    private var state = State.waiting

    public init(_ moment: Moment) {
        self.moment = moment
    }

    /// The answer, once given (nil inside: skipped); nil while it is not over.
    public var answer: Int?? {
        if case .answered(let a) = state { return .some(a) }
        return nil
    }

    /// The question is put.
    public mutating func start() -> Action {
        switch state {
        case .waiting:
            state = .asking
            return .ask(.askPain(moment))
        case .asking, .answered:
            return .none
        }
    }

    /// A key (a byte from the terminal in raw mode).
    public mutating func key(_ byte: UInt8) -> Action {
        switch state {
        case .waiting, .answered:
            return .none
        case .asking:
            let answer: Int??
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): answer = .some(Int(byte - UInt8(ascii: "0")))
            case UInt8(ascii: "t"), UInt8(ascii: "T"): answer = .some(10)
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: "s"), UInt8(ascii: "S"): answer = .some(nil)
            default: answer = nil
            }
            guard let answer else { return .remind }
            state = .answered(answer)
            return .answered(answer)
        }
    }
}
