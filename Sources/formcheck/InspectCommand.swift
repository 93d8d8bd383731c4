import ArgumentParser
import FormcheckFormats
import MotionCore

struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Describe a recording: device, samples, rate, duration, gaps, timestamp anomalies, units.",
        discussion: "Reads evemu recordings (formcheck record, evemu-record) and CSV IMU files (t,ax,ay,az,gx,gy,gz).")

    @Argument(help: "Recording to inspect (.evemu or .csv).", completion: .file())
    var files: [String]

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var csvUnits: CSVUnitOptions

    func run() async throws {
        var reports: [InspectReport] = []
        for file in files {
            do {
                let summary = try RecordingSummary(recording: csvUnits.open(file))
                reports.append(InspectReport(summary))
            } catch {
                throw fail(error)
            }
        }
        switch format {
        case .json:
            print(try jsonText(reports.count == 1 ? [reports[0]] : reports))
        case .text:
            print(reports.map(\.text).joined(separator: "\n"))
        }
    }
}
