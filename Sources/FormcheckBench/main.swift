// formcheck-bench: how fast the orientation filter is. Build in release (make bench):
//   formcheck-bench [--runs N] [--fixture FILE.csv] [--only live|angles|replay|throughput|end-to-end|replay-1gb|csv|coaching|report|live-1khz] [--live-seconds S] [--live-feed all|batched|per-frame|unpaced]
// 1. live filter, ns per sample, over a BROAD excerpt (real data, 285.7 Hz) and a simulated
//    brisk walk (DualSense, 250 Hz);
// 2. replay smoother, ns per sample;
// 3. replay throughput, MB/s of evemu text: read + decode (+ filter) a rendered session; CSV
//    throughput, MB/s of the BROAD excerpt's text read as a recording;
//    replay end to end (recognised, coached, JSON lines), MB/s of evemu text;
//    `formcheck replay --format json` of a generated 1 GB recording, a process of its own: MB/s of
//    wall and CPU time, peak RSS (ReplayProcessBench.swift; needs the release formcheck beside it);
// 4. coaching's cost: a long rendered bridge session (100 reps) read + decoded + angles, with and
//    without the coaching (`SessionPipeline` against the `AnglePipeline` it runs on);
// 5. the HTML report of a month of daily routines (ReportBench.swift);
// 6. the live path at 1 kHz, paced on the wall clock for --live-seconds (60): its CPU (LiveBench.swift).
// The figures issue 14 asks for end it as one table (TableOutput.swift).
// Each figure: several timed runs after a warm-up, the best and the median.

import FormcheckFeedback
import FormcheckDevices
import FormcheckEvaluation
import FormcheckFormats
import Glibc
import MotionCore
import ThighSimulator

var runs = 15
var only: String? = nil
var fixture = "Fixtures/broad/16_undisturbed_fast_translation_B_28-103s.csv"
var liveSeconds = 60.0
var liveFeed = "all"
var arguments = CommandLine.arguments.dropFirst()
while let a = arguments.popFirst() {
    switch a {
    case "--runs": runs = max(1, Int(arguments.popFirst() ?? "") ?? runs)
    case "--fixture": fixture = arguments.popFirst() ?? fixture
    case "--only": only = arguments.popFirst()
    case "--live-seconds": liveSeconds = max(1, Double(arguments.popFirst() ?? "") ?? liveSeconds)
    case "--live-feed": liveFeed = arguments.popFirst() ?? liveFeed
    case "-h", "--help":
        print("usage: formcheck-bench [--runs N] [--fixture FILE.csv] [--only live|angles|replay|throughput|end-to-end|replay-1gb|csv|coaching|report|live-1khz] [--live-seconds S] [--live-feed all|batched|per-frame|unpaced]")
        exit(0)
    default:
        print("formcheck-bench: unknown argument \(a)")
        exit(64)
    }
}

/// Keeps results alive so the optimiser cannot drop the work.
nonisolated(unsafe) var sink = 0.0

func nanoseconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) * 1e9 + Double(c.attoseconds) / 1e9
}

/// Times `body` `runs` times after one warm-up run; the durations in ns, sorted.
@MainActor func measure(_ body: () -> Void) -> [Double] {
    let clock = ContinuousClock()
    body()
    var times: [Double] = []
    for _ in 0..<runs { times.append(nanoseconds(clock.measure(body))) }
    return times.sorted()
}

func format(_ x: Double, _ decimals: Int) -> String {
    var p = 1.0
    for _ in 0..<decimals { p *= 10 }
    var s = "\((x * p).rounded() / p)"
    if let dot = s.firstIndex(of: ".") {
        let have = s.distance(from: dot, to: s.endIndex) - 1
        if have < decimals { s += String(repeating: "0", count: decimals - have) }
    }
    return s
}

func label(_ text: String) -> String { text.padding(toLength: 48, withPad: " ", startingAt: 0) }

/// Prints a figure; `row` names it in the summary table too.
func reportTime(_ text: String, _ times: [Double], per count: Int, row: String? = nil) {
    let best = times.first! / Double(count), median = times[times.count / 2] / Double(count)
    print(label(text) + "min " + format(best, 1) + "  median " + format(median, 1) + " ns/sample")
    if let row { table.add(row, best: "\(Int(best.rounded())) ns/sample", median: "\(Int(median.rounded())) ns/sample") }
}

func reportThroughput(_ text: String, _ times: [Double], bytes: Int, row: String? = nil) {
    let mb = Double(bytes) / 1e6
    let best = mb / (times.first! / 1e9), median = mb / (times[times.count / 2] / 1e9)
    print(label(text) + "best " + format(best, 1) + "  median " + format(median, 1) + " MB/s")
    if let row { table.add(row, best: "\(Int(best.rounded())) MB/s", median: "\(Int(median.rounded())) MB/s") }
}

func liveFilter(_ samples: [IMUSample], passes: Int) {
    for _ in 0..<passes {
        var filter = OrientationFilter()
        var acc = 0.0
        for s in samples { acc += filter.update(s).w }
        sink += acc
    }
}

@MainActor func benchLive(_ broad: [IMUSample]) {
    print("live filter (OrientationFilter.update), \(runs) runs")
    let broadPasses = max(1, 400_000 / broad.count)
    reportTime("  BROAD excerpt, \(broad.count) samples × \(broadPasses)",
               measure { liveFilter(broad, passes: broadPasses) }, per: broad.count * broadPasses,
               row: "filter (`OrientationFilter.update`), BROAD excerpt 16")
    let walk = ScenarioRenderer(ScenarioLibrary.named("walk-brisk")!).render().ideal
    let walkPasses = max(1, 400_000 / walk.count)
    reportTime("  simulated brisk walk, \(walk.count) samples × \(walkPasses)",
               measure { liveFilter(walk, passes: walkPasses) }, per: walk.count * walkPasses)
}

/// The whole angle path of a live session: filter, mounting evidence and solver, angles.
@MainActor func benchAngles() {
    print("live angles (AnglePipeline: filter + strap calibration + angles), \(runs) runs")
    for scenario in ScenarioLibrary.builtIn where ["walk-brisk", "piriformis-dualsense", "start-seated"].contains(scenario.name) {
        let name = scenario.name
        let readings = ScenarioRenderer(scenario).render().ideal.map { SensorReading.sample($0) }
        let posture: Posture? = scenario.exercise == "everyday" ? nil : scenario.posture
        reportTime("  \(name), \(readings.count) samples", measure {
            var pipeline = AnglePipeline(estimator: OrientationFilter(), posture: posture, side: scenario.side)
            var angles: [HipAngleSample] = []
            angles.reserveCapacity(readings.count)
            for r in readings { _ = pipeline.consume(r, into: &angles) }
            sink += angles.last?.angles.flexion ?? 0
        }, per: readings.count)
    }
}

@MainActor func benchReplay(_ broad: [IMUSample]) {
    print("replay smoother (OrientationSmoother.estimate), \(runs) runs")
    let readings = broad.map { SensorReading.sample($0) }
    reportTime("  BROAD excerpt, \(broad.count) samples",
               measure { sink += OrientationSmoother.estimate(readings).last?.w ?? 0 }, per: broad.count,
               row: "smoother (`OrientationSmoother.estimate`), BROAD excerpt 16")
}

@MainActor func benchThroughput() {
    let name = "piriformis-dualsense.evemu"
    let bytes = Array(ScenarioRenderer(ScenarioLibrary.named("piriformis-dualsense")!).render().evemuText().utf8)
    func read() -> [SensorReading] { try! Recording(bytes: bytes, path: name).readAll().readings }
    print("replay throughput, \(runs) runs: piriformis-dualsense rendered, "
          + "\(format(Double(bytes.count) / 1e6, 1)) MB of evemu text, \(read().count) readings")
    reportThroughput("  read + decode", measure { sink += Double(read().count) }, bytes: bytes.count)
    reportThroughput("  read + decode, streamed (no array)", measure {
        var count = 0
        _ = try! Recording(bytes: bytes, path: name).forEachReading { _ in count += 1 }
        sink += Double(count)
    }, bytes: bytes.count, row: "parse evemu: read + decode, streamed (\(format(Double(bytes.count) / 1e6, 1)) MB)")
    reportThroughput("  read + decode + live filter", measure {
        var filter = OrientationFilter()
        for reading in read() {
            switch reading {
            case .gap: filter.gapOccurred()
            case .sample(let s): sink += filter.update(s).w
            }
        }
    }, bytes: bytes.count)
    reportThroughput("  read + decode + replay smoother", measure {
        sink += OrientationSmoother.estimate(read()).last?.w ?? 0
    }, bytes: bytes.count)
}

/// Replay end to end, as `formcheck replay F --format json` runs it: a rendered Joy-Con piriformis
/// session read and decoded as it streams, recognised (a pass of `RecordingOverview`), coached
/// (`SessionPipeline`) and every event turned into its JSON line; then with the exercise named
/// (coached only).
@MainActor func benchEndToEnd() {
    guard let scenario = ScenarioLibrary.named("piriformis-joycon"), let exercise = try? ExerciseLibrary.named("piriformis", environment: [:]),
          let candidates = try? ExerciseLibrary.all(environment: [:]) else {
        print("formcheck-bench: the piriformis-joycon scenario or the protocols are missing")
        exit(70)
    }
    let name = "piriformis-joycon.evemu"
    let bytes = Array(ScenarioRenderer(scenario).render().evemuText().utf8)
    let recording: Recording
    do { recording = try Recording(bytes: bytes, path: name) } catch {
        print("formcheck-bench: \(error)")
        exit(70)
    }
    func coach(recognise: Bool) -> Int {
        var written = 0
        var pipeline = SessionPipeline(estimator: OrientationFilter(), exercise: exercise, side: scenario.side)
        var events: [SessionEvent] = []
        if recognise {
            var overview = RecordingOverview(side: scenario.side)
            _ = try? recording.readReadings(while: { r in
                overview.consume(r)
                return !overview.isFull
            })
            overview.finish()
            pipeline.recognised(ExerciseRecogniser.recognise(overview, among: candidates), announce: true, into: &events)
        }
        _ = try? recording.forEachReading { r in
            pipeline.consume(r, into: &events)
            for e in events { written += e.jsonLine.utf8.count + 1 }
            events.removeAll(keepingCapacity: true)
        }
        pipeline.finish(into: &events)
        for e in events { written += e.jsonLine.utf8.count + 1 }
        return written
    }
    print("replay end to end, \(runs) runs: piriformis-joycon rendered, \(format(Double(bytes.count) / 1e6, 1)) MB of evemu text")
    reportThroughput("  recognised + coached + JSON lines", measure { sink += Double(coach(recognise: true)) }, bytes: bytes.count,
                     row: "replay end to end: recognised, coached, JSON lines (evemu)")
    reportThroughput("  --exercise: coached + JSON lines", measure { sink += Double(coach(recognise: false)) }, bytes: bytes.count,
                     row: "replay end to end with --exercise (evemu)")
}

/// CSV parsing: the BROAD excerpt's text read as a recording (header, the two passes that tell the
/// units and fit the clock, then every row delivered: the rows are parsed twice).
@MainActor func benchCSV() {
    let bytes: [UInt8]
    do { bytes = try SystemFile.read(fixture) } catch {
        print("formcheck-bench: \(error)")
        exit(66)
    }
    func read() -> Int {
        var count = 0
        _ = try! Recording(bytes: bytes, path: "broad.csv").forEachReading { _ in count += 1 }
        return count
    }
    let rows = read()
    print("CSV throughput, \(runs) runs: \(fixture), \(format(Double(bytes.count) / 1e6, 1)) MB, \(rows) rows")
    reportThroughput("  open (2 passes) + read every row", measure { sink += Double(read()) }, bytes: bytes.count,
                     row: "parse CSV: open (2 passes over the rows) + every row read (\(format(Double(bytes.count) / 1e6, 1)) MB)")
}

/// What coaching adds to a replay (issue 11: at most 20 %): the same recording read, decoded and
/// turned into angles by the pipeline the session runs on (same posture and movement hints), then
/// the same with the session on top (reps, sets, cues, summary).
@MainActor func benchCoaching() {
    guard let good = ScenarioLibrary.named("bridge-good"), let first = good.steps.first, let last = good.steps.last,
          let exercise = try? ExerciseLibrary.named("bridge") else {
        print("formcheck-bench: the bridge-good scenario or the bridge protocol is missing")
        exit(70)
    }
    var scenario = good
    // Five times the 2 × 10 session, 30 s apart: 100 reps, about 18 minutes.
    let block = Array(good.steps.dropFirst().dropLast())
    scenario.steps = [first] + (0..<5).flatMap { _ in block + [.rest(30)] } + [last]
    let bytes = Array(ScenarioRenderer(scenario).render().evemuText().utf8)
    let readings: [SensorReading]
    do { readings = try Recording(bytes: bytes, path: "bridge-long.evemu").readAll().readings } catch {
        print("formcheck-bench: \(error)")
        exit(70)
    }
    func read() -> [SensorReading] { (try? Recording(bytes: bytes, path: "bridge-long.evemu").readAll().readings) ?? [] }
    print("coaching's cost, \(runs) runs: bridge-good × 5 rendered, \(format(Double(bytes.count) / 1e6, 1)) MB, \(readings.count) readings")
    var reps = 0
    let angles = measure {
        var pipeline = AnglePipeline(estimator: OrientationFilter(), posture: exercise.posture, side: .right, movement: .extending)
        var out: [HipAngleSample] = []
        for r in read() {
            out.removeAll(keepingCapacity: true)
            _ = pipeline.consume(r, into: &out)
            sink += out.last?.angles.flexion ?? 0
        }
    }
    let coached = measure {
        var pipeline = SessionPipeline(estimator: OrientationFilter(), exercise: exercise, side: .right)
        var events: [SessionEvent] = []
        for r in read() {
            events.removeAll(keepingCapacity: true)
            pipeline.consume(r, into: &events)
        }
        reps = pipeline.finish(into: &events).reps?.count ?? 0
    }
    func ms(_ times: [Double]) -> String { "min " + format(times[0] / 1e6, 1) + "  median " + format(times[times.count / 2] / 1e6, 1) + " ms" }
    print(label("  read + decode + angles") + ms(angles))
    print(label("  read + decode + angles + coaching (\(reps) reps)") + ms(coached))
    print(label("  coaching adds") + "min " + format(100 * (coached[0] / angles[0] - 1), 1) + " %  median "
          + format(100 * (coached[coached.count / 2] / angles[angles.count / 2] - 1), 1) + " %")
}

let broad: [IMUSample]
do {
    broad = try BROADTrial(path: fixture).samples
} catch {
    print("formcheck-bench: \(error) (run from the package root, or pass --fixture)")
    exit(66)
}
if only == nil || only == "live" { benchLive(broad) }
if only == nil || only == "angles" { benchAngles() }
if only == nil || only == "replay" { benchReplay(broad) }
if only == nil || only == "throughput" { benchThroughput() }
if only == nil || only == "end-to-end" { benchEndToEnd() }
if only == nil || only == "replay-1gb" { benchReplayProcess() }
if only == nil || only == "csv" { benchCSV() }
if only == nil || only == "coaching" { benchCoaching() }
if only == nil || only == "report" { benchReport() }
if only == nil || only == "live-1khz" { await benchLive1kHz(seconds: liveSeconds, feed: liveFeed) }
print(table.text(), terminator: "")
if sink == 42 { print("") }  // practically never; keeps `sink` observed
