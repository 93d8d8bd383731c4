import FormcheckFeedback
import FormcheckDevices
import FormcheckFormats
import Foundation
import Glibc
import MotionCore
import Synchronization
import ThighSimulator

/// The live path at 1 kHz (issue 14: under 1 % of one core): a paced replay stands in for the
/// device. A rendered piriformis session (DualSense USB, 250 Hz) becomes a 1 kHz stream — after
/// each frame, three frames 1, 2 and 3 ms later that carry only a device timestamp (the kernel
/// sends only axes that change: the axes hold their values), so 14 events every 4 ms — and a
/// writer thread writes each frame, as `struct input_event`s, into a pipe when its time comes on
/// the wall clock (one write a frame, as the kernel wakes a reader at each SYN_REPORT). The pipe's
/// read end is a `PipeEventNode`, read by the real reader: `LiveSource`'s thread (poll(2), read,
/// its pause), its stream, `LiveConnection`, `LiveDeviceLoop` and `LiveSessionRunner` — the
/// decoder, the filter, the strap calibration, the angles, the coaching — whose events and status
/// go to the live view (`LiveViewSink`, 4 frames a second, 80 × 24), written to /dev/null. What is
/// measured: the process's CPU time (user + sys, getrusage) less the writer thread's own
/// (CLOCK_THREAD_CPUTIME_ID: it stands for the controller and the kernel, which a device's reader
/// does not pay), over the run's wall time. Not measured: libevdev's copy of each event from its
/// queue (the pipe node reads `input_event`s straight from read(2)).
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

    /// The calling thread's CPU time, seconds.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// CLOCK_MONOTONIC now, nanoseconds.
    static func monotonicNanoseconds() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }

    /// Sleeps until CLOCK_MONOTONIC reads `nanoseconds` (at once if past).
    static func sleep(untilNanoseconds nanoseconds: Int64) {
        var t = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, nil) == EINTR {}
    }

    struct Result {
        var samples: Int
        var wall: Double
        /// The process's CPU, less the writer thread's (the device's stand-in), seconds.
        var cpu: Double
        /// The writer thread's CPU, seconds (0 unpaced).
        var writerCPU: Double
        var frames: Int
        /// CPU over wall, per cent of one core.
        var percent: Double { 100 * cpu / wall }
    }

    /// How the events reach the session.
    enum Feed {
        /// Written into a pipe on the wall clock, read by `LiveSource` as a device is (pause: seconds
        /// between reads; nil: the node's `EvdevBuffer.pause`, 0: a read a frame as before), in
        /// batches (`LiveConnection(batches:)`) or one event at a time.
        case device(pause: Double?, batches: Bool)
        /// Handed over at once, as fast as the session takes them: the pipeline's own cost.
        case unpaced
    }

    /// Runs the stream through `feed`; what it cost.
    static func run(seconds: Double, feed: Feed) async -> Result {
        let (description, events, samples) = events(seconds: seconds)
        guard let exercise = try? ExerciseLibrary.named("piriformis") else {
            print("formcheck-bench: the piriformis protocol is missing")
            exit(70)
        }
        let null = FileHandle(forWritingAtPath: "/dev/null")!
        var frames = 0
        let view = LiveViewSink(exercise: exercise, side: .right, colour: true, size: { (80, 24) },
                                write: { frames += 1; null.write(Data($0.utf8)) })
        var runner = LiveSessionRunner(pipeline: SessionPipeline(estimator: OrientationFilter(), exercise: exercise, side: .right),
                                       recording: nil)
        let initial = description.absInfo.mapValues(\.value)
        let connection: LiveConnection
        let writerCPU = Mutex(0.0)
        switch feed {
        case .unpaced:
            connection = LiveConnection(events: PacedEventSource.stream(events) { _ in }, description: description,
                                        initialValues: initial, path: "unpaced", uniq: nil)
        case .device(let pause, let batches):
            let node: PipeEventNode, writer: EventPipeWriter
            do { (node, writer) = try PipeEventNode.make(description: description) } catch {
                print("formcheck-bench: \(error)")
                exit(71)
            }
            if batches {
                let source = LiveSource<[InputEvent]>(node: node, pause: pause)
                connection = LiveConnection(batches: source.stream, description: description, initialValues: initial, path: "pipe", uniq: nil)
            } else {
                let source = LiveSource<InputEvent>(node: node, pause: pause)
                connection = LiveConnection(events: source.stream, description: description, initialValues: initial, path: "pipe", uniq: nil)
            }
            let thread = Thread {
                let cpu0 = threadCPUSeconds()
                let start = monotonicNanoseconds() + 10_000_000
                let first = events.first?.time ?? 0
                var from = 0
                for (i, e) in events.enumerated() where e.type == EventCode.evSyn && e.code == EventCode.synReport {
                    sleep(untilNanoseconds: start + (e.time - first) * 1000)
                    do { try writer.write(events[from...i]) } catch {
                        print("formcheck-bench: \(error)")
                        exit(71)
                    }
                    from = i + 1
                }
                writer.close()
                writerCPU.withLock { $0 = threadCPUSeconds() - cpu0 }
            }
            thread.name = "formcheck-bench writer"
            thread.start()
        }
        let cpu0 = cpuSeconds()
        let clock = ContinuousClock()
        let t0 = clock.now
        do {
            // The pipe's end reads as the device gone: with no reconnection, the session ends there.
            _ = try await runner.run(connection, reconnect: nil, emit: { view.emit($0, status: $1) },
                                     progress: { view.tick($0) }, notice: { _ in })
        } catch {
            print("formcheck-bench: \(error)")
            exit(70)
        }
        let wall = nanoseconds(clock.now - t0) / 1e9
        let cpu = cpuSeconds() - cpu0
        let writer = writerCPU.withLock { $0 }
        return Result(samples: samples, wall: wall, cpu: cpu - writer, writerCPU: writer, frames: frames)
    }
}

/// The live path at 1 kHz for `seconds` of wall time: CPU per cent of one core, as read now (the
/// reader's pause, a batch a wake-up), as read before (a read a frame, one event at a time through
/// the stream); and the same events unpaced, for the pipeline's own share. `feed`: `all`, or only
/// one of `batched`, `per-frame`, `unpaced` (to profile it alone).
@MainActor func benchLive1kHz(seconds: Double, feed: String) async {
    print("live path at 1 kHz (piriformis session, DualSense USB made 1 kHz, written into a pipe on the wall clock and read by LiveSource;"
          + " live view to /dev/null), \(Int(seconds)) s")
    func line(_ what: String, _ r: LiveBench.Result) {
        print("  \(what): \(r.samples) samples in \(format(r.wall, 1)) s, \(r.frames) view frames: CPU \(format(r.cpu, 3))"
              + " s (the writer's \(format(r.writerCPU, 3)) s left out), \(format(r.percent, 2)) % of one core")
    }
    let pause = EvdevBuffer(for: LiveBench.events(seconds: 0.01).0).pause
    if feed == "all" || feed == "batched" {
        let now = await LiveBench.run(seconds: seconds, feed: .device(pause: nil, batches: true))
        line("read every \(format(pause * 1e3, 1)) ms, in batches", now)
        table.add("live path at 1 kHz (\(Int(seconds)) s, pipe read by LiveSource, pause \(format(pause * 1e3, 1)) ms): CPU / wall",
                  best: format(now.percent, 2) + " % of one core", median: "(one run)")
    }
    if feed == "all" || feed == "per-frame" {
        let before = await LiveBench.run(seconds: seconds, feed: .device(pause: 0, batches: false))
        line("read at every frame, an event at a time (the reader of before)", before)
        table.add("… read at every frame, an event at a time (before)", best: format(before.percent, 2) + " % of one core", median: "(one run)")
    }
    if feed == "all" || feed == "unpaced" {
        let fast = await LiveBench.run(seconds: seconds, feed: .unpaced)
        let perSample = fast.cpu / Double(fast.samples)
        print("  the same unpaced: CPU \(format(fast.cpu, 3)) s in \(format(fast.wall, 3)) s, \(format(perSample * 1e9, 0))"
              + " ns/sample: \(format(perSample * 1e5, 2)) % of one core at 1 kHz; the rest is reading and wake-ups")
        table.add("… of which the pipeline (same events unpaced: decoder, filter, calibration, coaching, view)",
                  best: format(perSample * 1e5, 2) + " % (\(Int((perSample * 1e9).rounded())) ns/sample)", median: "(one run)")
    }
}
