import FormcheckFormats
import Foundation
import Glibc
import MotionCore
import ThighSimulator

/// A replay of a big recording as a user runs it (issue 14: at least 300 MB/s end to end, peak RSS
/// at most 30 MB for any length): a recording of at least 1 GB is generated — the rendered Joy-Con
/// piriformis session (`piriformis-joycon`, 14.1 MB, 172 s) copied end to end, each copy's times
/// and `MSC_TIMESTAMP`s shifted on (wrapping as the kernel's 32-bit counter does), written to
/// `.build/bench/replay-1gb.evemu` 4 MiB at a time and removed at the end — and
/// `formcheck replay FILE --format json` (the release binary beside this one) is run on it as a
/// process of its own, stdout to /dev/null: wall time, CPU time (user + sys) and peak RSS from GNU
/// time (`run`).
enum ReplayProcessBench {
    struct Run {
        var wall: Double
        var cpu: Double
        /// Peak resident set, bytes.
        var peakRSS: Int
        var status: Int32
    }

    /// Writes the recording to `path`: copies of the session until it holds at least `bytes`.
    /// Returns its size and duration (seconds).
    static func generate(_ path: String, atLeast bytes: Int) throws -> (size: Int, seconds: Double) {
        let rendering = ScenarioRenderer(ScenarioLibrary.named("piriformis-joycon")!).render()
        let events = rendering.events
        guard let first = events.first?.time, let last = events.last?.time else { return (0, 0) }
        let span = last - first + 4000
        let stamps = events.filter { $0.type == EventCode.evMsc && $0.code == EventCode.mscTimestamp }.map { Int64(UInt32(bitPattern: $0.value)) }
        let stampSpan = (stamps.max() ?? 0) - (stamps.min() ?? 0) + 4000
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? file.close() }
        var out = Array(EvemuWriter.header(for: rendering.description, kernelRelease: nil).utf8)
        var writer = EvemuWriter()
        var written = 0
        var copy: Int64 = 0
        var end: Int64 = 0
        while written + out.count < bytes {
            for var e in events {
                e.time += copy * span
                if e.type == EventCode.evMsc && e.code == EventCode.mscTimestamp {
                    e.value = Int32(bitPattern: UInt32(truncatingIfNeeded: Int64(UInt32(bitPattern: e.value)) + copy * stampSpan))
                }
                writer.append(e, to: &out)
                if out.count >= 1 << 22 {
                    try file.write(contentsOf: out)
                    written += out.count
                    out.removeAll(keepingCapacity: true)
                }
                end = e.time
            }
            copy += 1
        }
        try file.write(contentsOf: out)
        written += out.count
        return (written, Double(end - first) / 1e6)
    }

    /// Runs `binary arguments…` under GNU time (`/usr/bin/time -f "%e %U %S %M"`), stdout and
    /// stdin on /dev/null, and waits for it. Not wait4(2)'s own `ru_maxrss`: a process spawned by
    /// this one (posix_spawn is a vfork) is charged at exec with this process's peak RSS (Linux keeps
    /// the old address space's high-water mark across exec), so it read 45.8 MB for a replay whose
    /// own peak is below 30 MB; GNU time forks from its own small process, so the mark is the
    /// replay's.
    static func run(_ binary: String, _ arguments: [String]) -> Run {
        let report = NSTemporaryDirectory() + "formcheck-bench-time-\(getpid()).txt"
        defer { unlink(report) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let time = "/usr/bin/time"
        let argv: [UnsafeMutablePointer<CChar>?] = ([time, "-f", "%e %U %S %M", "-o", report, binary] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let clock = ContinuousClock()
        let started = clock.now
        guard posix_spawn(&pid, time, &actions, nil, argv, environ) == 0 else { return Run(wall: 0, cpu: 0, peakRSS: 0, status: -1) }
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        let wall = nanoseconds(clock.now - started) / 1e9
        // The last line: "wall user sys maxrss(KiB)" (earlier lines: a child's exit status or signal).
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        let fields = text.split(separator: "\n").last.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
        guard fields.count == 4 else { return Run(wall: wall, cpu: 0, peakRSS: 0, status: status == 0 ? -1 : status) }
        return Run(wall: wall, cpu: fields[1] + fields[2], peakRSS: Int(fields[3]) * 1024, status: status)
    }

    /// The release `formcheck` beside this binary.
    static var formcheckBinary: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let me = n > 0 ? String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        return (me as NSString).deletingLastPathComponent + "/formcheck"
    }
}

/// `formcheck replay` of a generated 1 GB recording, `runs` times (at most 3: each reads 1 GB).
@MainActor func benchReplayProcess() {
    let binary = ReplayProcessBench.formcheckBinary
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        print("formcheck-bench: \(binary) is missing: build it first (make bench builds it)")
        exit(70)
    }
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
        print("formcheck-bench: /usr/bin/time (GNU time, Debian package time) is missing: it measures the replay's peak RSS")
        exit(69)
    }
    let path = ".build/bench/replay-1gb.evemu"
    try? FileManager.default.createDirectory(atPath: ".build/bench", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let size: Int, seconds: Double
    do { (size, seconds) = try ReplayProcessBench.generate(path, atLeast: 1_000_000_000) } catch {
        print("formcheck-bench: cannot write \(path): \(error)")
        exit(73)
    }
    let count = max(1, min(runs, 3))
    let mb = Double(size) / 1e6
    print("replay of a generated recording, \(count) runs: \(format(mb, 1)) MB of evemu text, \(format(seconds / 3600, 2)) h; "
          + "formcheck replay FILE --format json, a process of its own")
    var results: [ReplayProcessBench.Run] = []
    for _ in 0..<count {
        let r = ReplayProcessBench.run(binary, ["replay", path, "--format", "json"])
        guard r.status == 0 else {
            print("formcheck-bench: formcheck replay exited with status \(r.status)")
            exit(70)
        }
        print(label("  run") + "wall " + format(r.wall, 2) + " s  CPU " + format(r.cpu, 2) + " s  peak RSS "
              + format(Double(r.peakRSS) / 1e6, 1) + " MB")
        results.append(r)
    }
    let walls = results.map(\.wall).sorted(), cpus = results.map(\.cpu).sorted()
    let rss = results.map { Double($0.peakRSS) / 1e6 }.sorted()
    func rate(_ t: Double) -> String { "\(Int((mb / t).rounded())) MB/s" }
    table.add("replay of a generated \(format(mb / 1000, 2)) GB recording (`formcheck replay --format json`, the process): MB/s of wall time",
              best: rate(walls[0]), median: rate(walls[walls.count / 2]))
    table.add("… MB/s of CPU time (user + sys, all its threads)", best: rate(cpus[0]), median: rate(cpus[cpus.count / 2]))
    table.add("peak RSS of a replay of a generated 1 GB recording (largest of the runs: \(format(rss[rss.count - 1], 1)) MB)",
              best: format(rss[0], 1) + " MB", median: format(rss[rss.count / 2], 1) + " MB")
}
