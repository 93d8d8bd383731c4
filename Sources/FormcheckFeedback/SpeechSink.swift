import Dispatch
import Foundation

/// Speaks a session's cues aloud through espeak-ng, without blocking the caller: each utterance is
/// an `espeak-ng` process, one at a time, paced by a `CueLimiter` (at most one cue every
/// `minimumGap` seconds; form-error cues win over countdowns while waiting).
///
/// Times come from the clock passed to `make` (seconds, any origin). All state is confined to a
/// private serial queue, which is what makes the class safe to share across threads.
public final class SpeechSink: @unchecked Sendable {
    /// espeak-ng is not on PATH: cues cannot be spoken (the session goes on silently).
    public struct Unavailable: Error, Sendable, Hashable, CustomStringConvertible {
        public var message = "espeak-ng is not installed (not found on PATH), so cues will not be spoken"
        public var fix = "sudo apt-get install espeak-ng"
        /// `message`, then the fix on a second line, the way formcheck prints errors after `formcheck: `.
        public var description: String { message + "\n  fix: " + fix }
    }

    /// The speech synthesizer's program name, looked up on PATH.
    public static let program = "espeak-ng"
    /// Speaking rate, words per minute (espeak-ng's default is 175): a little slower, to follow
    /// while lying on the floor.
    public static let wordsPerMinute = 150

    /// Seconds of a monotonic clock (system uptime), the default clock.
    public static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// The first executable `espeak-ng` in the directories of `path` (PATH's syntax), or nil.
    public static func locate(path: String?) -> String? {
        for dir in (path ?? "").split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = String(dir) + "/" + program
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// espeak-ng's arguments to say `text`, or with `wav` to write it to that WAVE file instead.
    /// The text follows `--`, so a cue starting with `-` is spoken, not taken for an option.
    public static func arguments(speaking text: String, writingTo wav: String? = nil) -> [String] {
        ["-s", String(wordsPerMinute)] + (wav.map { ["-w", $0] } ?? []) + ["--", text]
    }

    /// A sink speaking through the espeak-ng found on `environment`'s PATH; throws `Unavailable`
    /// (whose description says how to install it) when there is none.
    /// - Parameters:
    ///   - minimumGap: shortest time between the starts of two cues, seconds.
    ///   - clock: the current time in seconds.
    public static func make(minimumGap: Double = 4,
                            clock: @escaping @Sendable () -> Double = SpeechSink.monotonicSeconds,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(Unavailable) -> SpeechSink {
        guard let executable = locate(path: environment["PATH"]) else { throw Unavailable() }
        return SpeechSink(executable: executable, minimumGap: minimumGap, clock: clock)
    }

    /// Full path of the espeak-ng this sink runs.
    public let executable: String
    private let clock: @Sendable () -> Double
    private let queue = DispatchQueue(label: "formcheck.speech")
    // Confined to `queue`:
    private var limiter: CueLimiter
    private var current: Process?
    private var tickScheduled = false
    private var stopped = false

    init(executable: String, minimumGap: Double, clock: @escaping @Sendable () -> Double) {
        self.executable = executable
        self.clock = clock
        limiter = CueLimiter(minimumGap: minimumGap)
    }

    /// Passes a session event: cues are spoken (paced), everything else is ignored.
    public func handle(_ event: SessionEvent) {
        guard case .cue(_, let cue) = event else { return }
        say(CueLimiter.Utterance(cue))
    }

    /// Speaks a cue now, later, or not at all, as the limiter decides. Returns at once.
    public func say(_ cue: CueLimiter.Utterance) {
        queue.async { [self] in
            guard !stopped else { return }
            perform(limiter.cue(cue, now: clock()))
        }
    }

    /// True while an utterance is under way or a cue waits.
    public var isBusy: Bool {
        queue.sync { limiter.isSpeaking || limiter.pending != nil }
    }

    /// Waits (at most `timeout` seconds) for the utterance under way and a waiting cue to be
    /// spoken, then stops. For the end of a session, so its last cue is heard.
    public func finish(timeout: Double) {
        let deadline = Self.monotonicSeconds() + timeout
        while isBusy && Self.monotonicSeconds() < deadline { usleep(20_000) }
        stop()
    }

    /// Stops speaking at once: the utterance under way is cut off and a waiting cue dropped.
    public func stop() {
        queue.sync {
            stopped = true
            current?.terminate()
            current = nil
        }
    }

    // MARK: - On the queue

    private func perform(_ action: CueLimiter.Action) {
        switch action {
        case .none:
            break
        case .speak(let cue):
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = Self.arguments(speaking: cue.text)
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.terminationHandler = { [weak self] _ in
                guard let self else { return }
                self.queue.async { self.finished() }
            }
            do {
                try process.run()
                current = process
            } catch {
                // Could not start (removed since `make`?): as if it had been said, so pacing goes on.
                queue.async { [self] in finished() }
            }
        }
        scheduleTick()
    }

    private func finished() {
        current = nil
        guard !stopped else { return }
        perform(limiter.finishedSpeaking(now: clock()))
    }

    /// Wakes up when a waiting cue's gap is over (at least 50 ms ahead, so a clock that does not
    /// move cannot make this spin).
    private func scheduleTick() {
        guard !tickScheduled, let next = limiter.nextTick else { return }
        tickScheduled = true
        let delay = max(0.05, next - clock())
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            tickScheduled = false
            guard !stopped else { return }
            perform(limiter.tick(now: clock()))
        }
    }
}
