import ArgumentParser
import FormcheckEvaluation
import FormcheckFeedback
import FormcheckFormats
import MotionCore

struct EvalRealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-real",
        abstract: "Score angles and steps on real recordings with labelled activities.",
        discussion: """
            FOLDER holds NAME.csv recordings, each with NAME.truth.json (the layout of \
            ../shared/data/real, see its README). Per file: the median flexion over every labelled \
            still rest of at least 1.5 s (0.3 s trimmed at each end) against the gravity-derived \
            reference (within 7° passes), sign errors, whether formcheck refused the file and why, and \
            the steps against the step reference (within max(3, 5 %); 0–2 on a file with no gait); then \
            per participant and overall, and issue 9's targets. The angles are computed as 'formcheck \
            angles FILE --side SIDE --posture standing' does. Exit status: 0, or with --check 1 when \
            a target is missed; 66 when FOLDER cannot be read, 65 when it holds nothing to score or a \
            truth file is malformed.
            """)

    @Argument(help: "Folder of NAME.csv + NAME.truth.json files.", completion: .directory)
    var folder: String

    @Option(help: "live: causal filter, as live coaching sees it; replay: may use the future (smoother).")
    var mode: AngleSeries.Mode = .live

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Flag(help: "Exit with status 1 when a target is missed.")
    var check = false

    func run() throws {
        let report: RealReport
        do { report = try RealEvaluation.evaluate(folder: folder, mode: mode, stepCounter: Self.stepCounter) } catch {
            throw fail(error)
        }
        switch format {
        case .text: print(report.text)
        case .json: print(try jsonText(report))
        }
        if check && !report.targetsMet { throw ExitCode(1) }
    }

    /// Steps from MotionCore's gait tracker (gait only, no calibration needed).
    static let stepCounter: StepCounter = RealEvaluation.stepCounter(GaitStepCounter.self)
}
