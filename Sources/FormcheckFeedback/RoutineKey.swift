/// A key pressed during a live routine (`formcheck routine`: `s`, `r` on the terminal).
public enum RoutineKey: Character, Sendable, Hashable, CaseIterable {
    /// End the exercise under way and go on to the next (`RoutineSession.skip()`).
    case skip = "s"
    /// Start the exercise under way again on the same leg (`RoutineSession.repeatExercise()`).
    case repeatExercise = "r"
}
