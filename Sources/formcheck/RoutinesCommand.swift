import ArgumentParser
import FormcheckFeedback

struct RoutinesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routines",
        abstract: "List the daily routines (built-in and your own) with every exercise, side and dose.",
        discussion: """
            A routine is a file (JSON): its exercises in order, each with "sides" ("both": each leg in \
            turn, the strap moved once between them; "one": once, where the strap is) and its dose \
            (stretches: holds and holdSeconds; strengthening: sets, perSet, restSeconds; walking: \
            minutes), a number left out being the exercise's own. Each exercise starts on the leg the \
            strap is already on. --json prints the files, a starting point for a routine of your own: \
            save one as $XDG_CONFIG_HOME/formcheck/routines/NAME.json (default ~/.config/formcheck/routines/).
            """)

    @Argument(help: ArgumentHelp("One routine (\(RoutineLibrary.names.joined(separator: ", ")), one of yours, or a routine file); default: all."))
    var name: String?

    @Flag(help: "Print as JSON: with NAME exactly a routine file, without an array of them.")
    var json = false

    func run() async throws {
        let routines = try RoutineChoice.loading { try name.map { [try RoutineLibrary.named($0)] } ?? RoutineLibrary.all() }
        let plans = try RoutineChoice.loading { try routines.map { try RoutinePlan($0) { try ExerciseLibrary.named($0) } } }
        if json {
            print(name == nil ? try jsonText(routines) : try jsonText(routines[0]))
        } else {
            print(plans.map(\.text).joined(separator: "\n\n"))
        }
    }
}
