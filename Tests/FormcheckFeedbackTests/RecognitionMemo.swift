import FormcheckFeedback
import Foundation

/// Recognitions of built-in scenarios, each rendered and recognised once per test run however many
/// tests ask for it (rendering dominates the suite's time).
final class RecognitionMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var done: [String: ExerciseRecognition] = [:]

    func recognition(_ name: String, make: () throws -> ExerciseRecognition) rethrows -> ExerciseRecognition {
        if let r = lock.withLock({ done[name] }) { return r }
        let r = try make()
        lock.withLock { done[name] = r }
        return r
    }
}
