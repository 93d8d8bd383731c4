import FormcheckFeedback
import FormcheckDevices
import FormcheckFormats
import Foundation
import Glibc
import MotionCore
import ThighSimulator

/// The live path at 1 kHz (issue 14: under 1 % of one core): a paced replay stands in for the
/// device. A rendered piriformis session (DualSense USB, 250 Hz) becomes a 1 kHz stream — after
/// each frame, three frames 1, 2 and 3 ms later that carry only a device timestamp (the kernel
/// sends only axes that change: the axes hold their values, the motion is the session's own) — and
/// `PacedEventSource` hands its events over as their time comes, on the wall clock, to
/// `LiveSessionRunner` — the decoder, the filter, the strap calibration, the angles, the coaching
/// — whose events and status go to the live view (`LiveViewSink`, 4 frames a second, 80 × 24),
/// written to /dev/null. What is measured: the process's CPU time (user + sys, getrusage) over
/// the run's wall time — the paced source's own cost (a task and a sleep per timestamp) included,
/// which a device's reader thread does not have.
enum LiveBench {
    /// The rendered session's events made a 1 kHz stream of about `seconds` (the session repeated
    /// when it is shorter, times running on).
    static func events(seconds: Double) -> (DeviceDescription, [InputEvent], samples: Int) {
        let rendering = ScenarioRenderer(ScenarioLibrary.named("piriformis-dualsense")!).render()
        let source = rendering.events
        guard let first = source.first?.time, let last = source.last?.time else { return (rendering.description, [], 0) }
        let span = last - first + 4000
        var out: [InputEvent] = []
        var samples = 0
        var copy: Int64 = 0
        var stamp: Int32 = 0
        let end = first + Int64(seconds * 1e6)
        outer: while true {
            for e in source {
                let time = e.time + copy * span
                if time > end { break outer }
                var e = e
                e.time = time
                if e.type == EventCode.evMsc && e.code == EventCode.mscTimestamp {
                    // The device clock, 1 ms a sample, running on across copies.
                    e.value = stamp
                }
                out.append(e)
                if e.type == EventCode.evSyn && e.code == EventCode.synReport {
                    samples += 1
                    for k in 1...3 {
                        let t = time + Int64(k) * 1000
                        guard t <= end else { break }
                        stamp &+= 1000
                        out.append(InputEvent(time: t, type: EventCode.evMsc, code: EventCode.mscTimestamp, value: stamp))
                        out.append(InputEvent(time: t, type: EventCode.evSyn, code: EventCode.synReport, value: 0))
                        samples += 1
                    }
                    stamp &+= 1000
                }
            }
            copy += 1
        }
        return (rendering.description, out, samples)
    }

    /// Process CPU time, seconds (user + sys).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    struct Result {
        var samples: Int
        var wall: Double
        var cpu: Double
        var frames: Int
        /// CPU over wall, per cent of one core.
        var percent: Double { 100 * cpu / wall }
    }

    /// Runs the stream at its pace (or, `paced` false, as fast as it goes: what the pipeline
    /// itself costs, without the waits and wake-ups); what it cost.
    /// `quantum`: wake only on multiples of it (seconds after the start), each wake handing over
    /// every event due by then — what a reader that batches its wake-ups would cost.
    static func run(seconds: Double, paced: Bool = true, quantum: Double? = nil) async -> Result {
        let (description, events, samples) = events(seconds: seconds)
        guard let exercise = try? ExerciseLibrary.named("piriformis") else {
            print("formcheck-bench: the piriformis protocol is missing")
            exit(70)
        }
        let null = FileHandle(forWritingAtPath: "/dev/null")!
        var frames = 0
        let view = LiveViewSink(exercise: exercise, side: .right, colour: true, size: { (80, 24) },
                                write: { frames += 1; null.write(Data($0.utf8)) })
        let start = ContinuousClock.now
        let source = PacedEventSource.stream(events) { seconds in
            guard paced else { return }
            let due = start.advanced(by: .seconds(quantum.map { q in (seconds / q).rounded(.up) * q } ?? seconds))
            // Past (the rest of a batch): no sleep at all, as a reader handing over what it has read.
            if due > ContinuousClock.now { try await Task.sleep(until: due, clock: .continuous) }
        }
        var runner = LiveSessionRunner(pipeline: SessionPipeline(estimator: OrientationFilter(), exercise: exercise, side: .right),
                                       recording: nil)
        let connection = LiveConnection(events: source, description: description,
                                        initialValues: description.absInfo.mapValues(\.value), path: "paced", uniq: nil)
        let cpu0 = cpuSeconds()
        let clock = ContinuousClock()
        let t0 = clock.now
        do {
            _ = try await runner.run(connection, reconnect: nil, emit: { view.emit($0, status: $1) },
                                     progress: { view.tick($0) }, notice: { _ in })
        } catch {
            print("formcheck-bench: \(error)")
            exit(70)
        }
        let wall = nanoseconds(clock.now - t0) / 1e9
        return Result(samples: samples, wall: wall, cpu: cpuSeconds() - cpu0, frames: frames)
    }
}

/// The live path at 1 kHz for `seconds` of wall time: CPU per cent of one core; and the same
/// events unpaced, for the pipeline's own share.
@MainActor func benchLive1kHz(seconds: Double) async {
    print("live path at 1 kHz (paced piriformis session, DualSense USB made 1 kHz, live view to /dev/null), \(Int(seconds)) s")
    let r = await LiveBench.run(seconds: seconds)
    print("  \(r.samples) samples in \(format(r.wall, 1)) s (\(format(Double(r.samples) / r.wall, 0)) per s), \(r.frames) view frames: CPU "
          + format(r.cpu, 3) + " s, " + format(r.percent, 2) + " % of one core")
    let fast = await LiveBench.run(seconds: seconds, paced: false)
    let perSample = fast.cpu / Double(fast.samples)
    print("  the same unpaced: CPU " + format(fast.cpu, 3) + " s in " + format(fast.wall, 3) + " s, " + format(perSample * 1e9, 0)
          + " ns/sample: " + format(perSample * 1e5, 2) + " % of one core at 1 kHz; the rest is pacing and wake-ups")
    let batched = await LiveBench.run(seconds: seconds, quantum: 0.004)
    print("  the same paced in 4 ms wake-ups (4 frames each): CPU " + format(batched.cpu, 3) + " s, "
          + format(batched.percent, 2) + " % of one core")
    table.add("live path at 1 kHz (paced source, \(Int(seconds)) s): CPU / wall", best: format(r.percent, 2) + " % of one core",
              median: "(one run)")
    table.add("… paced in 4 ms wake-ups (4 frames a wake-up)", best: format(batched.percent, 2) + " % of one core", median: "(one run)")
    table.add("… of which the pipeline (same events unpaced: decoder, filter, calibration, coaching, view)",
              best: format(perSample * 1e5, 2) + " % (\(Int((perSample * 1e9).rounded())) ns/sample)", median: "(one run)")
}
