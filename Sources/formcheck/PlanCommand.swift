import ArgumentParser
import FormcheckFeedback
import FormcheckHistory
import Foundation

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Today's targets: the daily walk, and each exercise's holds or reps, grown week by week from your history.",
        discussion: """
            The plan's rule (README "Your plan"; every number in 'formcheck plan --rules'): the walk \
            starts at a mile a day and grows 10 % a week towards your goal (three miles), holds 5 s a \
            week up to 60 s, reps one a set a week up to 15 — each only after a week done on 5 days or \
            more, and only while pain does not rise; two weeks of rising pain take a step back. Week 1 \
            begins on the day of your first session; sessions today do not change today's targets. \
            'formcheck routine' uses these doses (--no-plan: the routine's own).
            """)

    @Option(help: ArgumentHelp("The day to plan (default today): \(DateArgument.formats).", valueName: "date"),
            transform: DateOption.parse)
    var date: Date?

    @Option(help: "Output format: text for people, json (one line).")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("The routine whose doses to plan (default: the one of your last session, else sciatica-daily).",
                               valueName: "name-or-file"))
    var routine: String?

    @Flag(help: "Print the plan's rule file (JSON, every number it uses) and stop: a starting point for one of your own (--plan FILE).")
    var rules = false

    @OptionGroup var planOptions: PlanOptions

    @OptionGroup var history: HistoryOptions

    func run() async throws {
        let rule = try planOptions.load()
        if rules {
            print(try PlanLibrary.builtInText(planOptions.plan) ?? jsonText(rule) + "\n", terminator: "")
            return
        }
        let store = try history.open()
        let (sessions, profile) = try PlanChoice.read(store)
        let day = Calendar.current.startOfDay(for: date ?? Date())
        let plan = try RoutineChoice.plan(PlanChoice.routineName(routine, sessions: sessions, before: day))
        let targets = Progression.targets(history: sessions, profile: profile, rules: rule, routine: plan, today: day)
        switch format {
        case .text: print(targets.text(rules: rule))
        case .json: print(targets.json(rules: rule))
        }
    }
}
