/// Whether the movement matches the exercise, as an explicit state machine: a stretch during which
/// `maximumSteps` or more steps are walked is `wrongExercise`, said once. Input: the gait tracker's
/// step count.
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
}
