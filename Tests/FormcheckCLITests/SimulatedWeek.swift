import Foundation
import ThighSimulator

/// A simulated week and a bit of sessions saved into a temporary history through the built binary,
/// as a user's would be: three simulated recordings (`formcheck simulate`: the short stretches
/// routine, a brisk walk, two sets of glute bridges) replayed with `replay --save --db --date
/// --pain --pain-after` on ten days ending today, with the scenarios' truth to check the history's
/// figures against. Shared (built once per test run): the report and plan tests can use it too.
///
///     day −9  07:30 routine (pain 5 → 4)   18:00 walk (pain 4, none after)
///     day −8  07:30 routine (4 → 4)
///     day −7  missed
///     day −6  07:30 bridge (4 → 3)
///     day −5  18:00 walk (3 → 3)
///     day −4, −3 missed: the streak breaks
///     day −2  07:30 routine (3 → 2)
///     day −1  missed (forgiven)
///     day  0  18:00 walk (2 → 2)
///
/// The streak today is 2 (days −2 and 0), the longest 4 (days −9, −8, −6, −5).
struct SimulatedWeek: Sendable {
    enum Kind: String, Sendable {
        case routine
        case walk
        case bridge
    }

    struct Session: Sendable {
        /// Days before today (0: today), and the local time it began.
        var day: Int
        var hour: Int
        var minute: Int
        var kind: Kind
        var painBefore: Int?
        var painAfter: Int?
    }

    static let plan: [Session] = [
        .init(day: 9, hour: 7, minute: 30, kind: .routine, painBefore: 5, painAfter: 4),
        .init(day: 9, hour: 18, minute: 0, kind: .walk, painBefore: 4, painAfter: nil),
        .init(day: 8, hour: 7, minute: 30, kind: .routine, painBefore: 4, painAfter: 4),
        .init(day: 6, hour: 7, minute: 30, kind: .bridge, painBefore: 4, painAfter: 3),
        .init(day: 5, hour: 18, minute: 0, kind: .walk, painBefore: 3, painAfter: 3),
        .init(day: 2, hour: 7, minute: 30, kind: .routine, painBefore: 3, painAfter: 2),
        .init(day: 0, hour: 18, minute: 0, kind: .walk, painBefore: 2, painAfter: 2),
    ]

    /// The folder with the recordings and the history (left for the test run's life).
    let dir: String
    /// The history database.
    let db: String
    /// The recordings and their truth, by kind.
    let recordings: [Kind: String]
    let truth: [Kind: ScenarioTruth]
    /// The routine file the routine sessions follow.
    static let routine = ExitStatusTests.packageRoot + "/Fixtures/routines/stretches-short.json"
    /// The walker's height, centimetres (for the distance).
    static let height = 175

    /// When each planned session began, in the local calendar.
    static func start(_ s: Session, today: Date = Date(), calendar: Calendar = .current) -> Date {
        let day = calendar.date(byAdding: .day, value: -s.day, to: calendar.startOfDay(for: today)) ?? today
        return calendar.date(bySettingHour: s.hour, minute: s.minute, second: 0, of: day) ?? day
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Built once per test run (about 20 s of CPU in a debug build: three renders, seven replays).
    static let shared: Result<SimulatedWeek, Failed> = {
        do { return .success(try SimulatedWeek()) } catch let e as Failed { return .failure(e) } catch {
            return .failure(Failed(description: "\(error)"))
        }
    }()

    private init() throws {
        let folder = try ExitStatusTests.scratch()
        dir = folder.path
        db = folder.path + "/history.sqlite"
        var recordings: [Kind: String] = [:]
        var truth: [Kind: ScenarioTruth] = [:]
        for (kind, scenario) in [(Kind.routine, "routine-stretches"), (.walk, "walk-brisk"), (.bridge, "bridge-good")] {
            let file = "\(dir)/\(scenario).evemu", truthFile = "\(dir)/\(scenario).truth.json"
            let r = try ExitStatusTests.run(["simulate", scenario, "-o", file, "--truth", truthFile])
            guard r.status == 0 else { throw Failed(description: "simulate \(scenario): \(r.status) \(r.stderr)") }
            recordings[kind] = file
            truth[kind] = try JSONDecoder().decode(ScenarioTruth.self, from: Data(contentsOf: URL(fileURLWithPath: truthFile)))
        }
        self.recordings = recordings
        self.truth = truth
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd'T'HH:mm"
        for s in Self.plan {
            var arguments = ["replay", recordings[s.kind] ?? "", "--save", "--db", db, "--date", format.string(from: Self.start(s))]
            switch s.kind {
            case .routine: arguments += ["--routine", Self.routine]
            case .walk: arguments += ["--exercise", "walk", "--height", String(Self.height)]
            case .bridge: arguments += ["--exercise", "bridge"]
            }
            if let p = s.painBefore { arguments += ["--pain", String(p)] }
            if let p = s.painAfter { arguments += ["--pain-after", String(p)] }
            let r = try ExitStatusTests.run(arguments)
            guard r.status == 0, r.stderr.contains("formcheck: saved in \(db) as session") else {
                throw Failed(description: "\(arguments.joined(separator: " ")): status \(r.status)\n\(r.stderr)")
            }
        }
    }
}
