/// Whether the movement matches the exercise, as an explicit state machine: a stretch during which
/// `maximumSteps` or more steps are walked is `wrongExercise`, and so is a recording the recogniser
/// clearly finds to be another exercise (`ExerciseRecognition.isClearlyNot`); said once. Inputs: the
/// gait tracker's step count, the recogniser's verdict.
public struct ExerciseMatch: Sendable {
    private enum State: Sendable, Hashable {
        case matching
        case reported
    }

    public let maximumSteps: Int
    private var state: State = .matching

    public init(maximumSteps: Int) {
        self.maximumSteps = maximumSteps
    }

    /// Steps walked so far; true when this is the moment to report `wrongExercise`.
    public mutating func steps(_ steps: Int) -> Bool {
        switch state {
        case .matching:
            guard steps >= maximumSteps else { return false }
            state = .reported
            return true
        case .reported:
            return false
        }
    }

    /// The recogniser found the recording clearly another exercise; true when this is the moment
    /// to report `wrongExercise` (not when walking already did).
    public mutating func recognisedAnother() -> Bool {
        switch state {
        case .matching:
            state = .reported
            return true
        case .reported:
            return false
        }
    }
}
