import Foundation
import Testing

/// SignalStop's signal sources, made once per process: every installation after the first gets
/// the signal too. On Linux libdispatch puts its own handler on a signal only when the first
/// source for it is registered; a second source made after the first was cancelled (and the
/// signal set back to SIG_DFL, then SIG_IGN) never saw it — the kernel dropped it as ignored. So
/// `live` after its pain question, or a paced replay's second file, ignored Ctrl-C.
@Suite struct SignalStopTests {
    /// The first `seconds` of a recording: its header and its frames to the first SYN_REPORT at or
    /// after `seconds`.
    static func opening(of path: String, seconds: Double) throws -> String {
        var kept: [Substring] = []
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            kept.append(line)
            let fields = line.split(separator: " ")
            if fields.count >= 5, fields[0] == "E:", let t = Double(fields[1]), t >= seconds,
               fields[2] == "0000", fields[3] == "0000" { break }
        }
        return kept.joined(separator: "\n") + "\n"
    }

    /// `replay --realtime FIRST SECOND`: each file installs the signal handling and gives it back
    /// at its end. Ctrl-C during the second file (once its cue at 2.0 s of session time is out)
    /// ends that replay with its summary, as during the first: the second summary no longer
    /// than the run (it was paced and stopped) where the recording lasts 43 s. Without the fix the
    /// Ctrl-C was ignored and the replay went on (the test's 20 s bound after the signal).
    @Test func ctrlCInTheSecondPacedReplayEndsItWithItsSummary() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let full = CoachingCommandTests.scenarios + "/hamstring-shallow.evemu"
        let first = dir.appendingPathComponent("opening.evemu").path
        try Self.opening(of: full, seconds: 3).write(toFile: first, atomically: true, encoding: .utf8)
        let header = "== \(full)\n"
        let r = try CoachingCommandTests.interrupted(["replay", first, full, "--exercise", "hamstring", "--realtime"], when: { out in
            guard let second = out.range(of: header) else { return false }
            return out[second.upperBound...].contains("   2.0 s  ")
        })
        // 65: the opening has no hold (`nothing recognisable as hamstring`), said of it alone —
        // the second, stopped, ends with its summary and no complaint.
        #expect(r.status == 65, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("formcheck: \(first): nothing recognisable as hamstring: no hold found"), "stderr: \(r.stderr)")
        #expect(!r.stderr.contains(full), "stderr: \(r.stderr)")
        let summaries = r.stdout.split(separator: "\n").filter { $0.hasPrefix("summary") }
        try #require(summaries.count == 2, "stdout: \(r.stdout)")
        func seconds(_ summary: Substring) -> Double? { Double(summary.split(separator: " ").dropLast().last ?? "") }
        // The opening whole (3 s), then the second as long as it was let run: at least to its cue
        // at 2.0 s, at most the run's time less the opening's 3 s (paced), far short of its 43 s.
        let opening = try #require(seconds(summaries[0]), "\(summaries[0])")
        let second = try #require(seconds(summaries[1]), "\(summaries[1])")
        #expect(abs(opening - 3) <= 0.05, "\(summaries[0])")
        #expect(second >= 2 && second <= r.seconds - 3 + 0.05, "\(summaries[1]) after \(r.seconds) s")
    }
}
