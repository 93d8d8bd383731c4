// formcheck-bench: how fast the orientation filter is. Build in release (make bench):
//   formcheck-bench [--runs N] [--fixture FILE.csv] [--only live|angles|replay|throughput]
// 1. live filter, ns per sample, over a BROAD excerpt (real data, 285.7 Hz) and a simulated
//    brisk walk (DualSense, 250 Hz);
// 2. replay smoother, ns per sample;
// 3. replay throughput, MB/s of evemu text: read + decode (+ filter) a rendered session.
// Each figure: several timed runs after a warm-up, the best and the median.

import FormcheckInput
import Glibc
import MotionCore
import ThighSimulator

var runs = 15
var only: String? = nil
var fixture = "Fixtures/broad/16_undisturbed_fast_translation_B_28-103s.csv"
var arguments = CommandLine.arguments.dropFirst()
while let a = arguments.popFirst() {
    switch a {
    case "--runs": runs = max(1, Int(arguments.popFirst() ?? "") ?? runs)
    case "--fixture": fixture = arguments.popFirst() ?? fixture
    case "--only": only = arguments.popFirst()
    case "-h", "--help":
        print("usage: formcheck-bench [--runs N] [--fixture FILE.csv] [--only live|angles|replay|throughput]")
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

func reportTime(_ text: String, _ times: [Double], per count: Int) {
    let best = times.first! / Double(count), median = times[times.count / 2] / Double(count)
    print(label(text) + "min " + format(best, 1) + "  median " + format(median, 1) + " ns/sample")
}

func reportThroughput(_ text: String, _ times: [Double], bytes: Int) {
    let mb = Double(bytes) / 1e6
    let best = mb / (times.first! / 1e9), median = mb / (times[times.count / 2] / 1e9)
    print(label(text) + "best " + format(best, 1) + "  median " + format(median, 1) + " MB/s")
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
               measure { liveFilter(broad, passes: broadPasses) }, per: broad.count * broadPasses)
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
               measure { sink += OrientationSmoother.estimate(readings).last?.w ?? 0 }, per: broad.count)
}

@MainActor func benchThroughput() {
    let name = "piriformis-dualsense.evemu"
    let bytes = Array(ScenarioRenderer(ScenarioLibrary.named("piriformis-dualsense")!).render().evemuText().utf8)
    func read() -> [SensorReading] { try! Recording(bytes: bytes, path: name).readAll().readings }
    print("replay throughput, \(runs) runs: piriformis-dualsense rendered, "
          + "\(format(Double(bytes.count) / 1e6, 1)) MB of evemu text, \(read().count) readings")
    reportThroughput("  read + decode", measure { sink += Double(read().count) }, bytes: bytes.count)
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
if sink == 42 { print("") }  // practically never; keeps `sink` observed
