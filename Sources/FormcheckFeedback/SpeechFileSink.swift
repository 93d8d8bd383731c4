import Foundation

/// Speaks a session's cues into one WAVE file (`--speak-to FILE.wav`), for checking and sharing:
/// every cue, at its `t`, synthesised by espeak-ng (`espeak-ng -w`) and mixed into one mono 16-bit
/// track as long as the session (`SpeechTimeline`). Cues are collected as the session goes; the
/// file is written by `finish`, when the session's length is known.
///
/// Unlike `SpeechSink` nothing is paced or dropped: the file has every cue where the coach gave it
/// (cues given at the same moment overlap).
public final class SpeechFileSink: @unchecked Sendable {
    /// espeak-ng failed on an utterance, or the file could not be written.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    /// The WAVE file written.
    public let path: String
    /// Full path of the espeak-ng run.
    public let executable: String
    private let lock = NSLock()
    private var cues: [(t: Double, text: String)] = []

    /// A sink writing to `path` through the espeak-ng on `environment`'s PATH; throws
    /// `SpeechSink.Unavailable` when there is none.
    public static func make(path: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(SpeechSink.Unavailable) -> SpeechFileSink {
        guard let executable = SpeechSink.locate(path: environment["PATH"]) else {
            throw SpeechSink.Unavailable(message: "espeak-ng is not installed (not found on PATH), so cues cannot be written to \(path)")
        }
        return SpeechFileSink(path: path, executable: executable)
    }

    init(path: String, executable: String) {
        self.path = path
        self.executable = executable
    }

    /// Passes a session event: cues are kept (in the catalogue's words), the rest ignored.
    public func handle(_ event: SessionEvent, catalogue: CueCatalogue = .english) {
        guard case .cue(let t, let cue) = event else { return }
        let text = catalogue.text(cue)
        lock.withLock { cues.append((t, text)) }
    }

    /// The cues kept so far: seconds since the first sample, and the words.
    public var collected: [(t: Double, text: String)] { lock.withLock { cues } }

    /// Synthesises every cue and writes the file: `duration` seconds (the session's), longer only
    /// if the last cue runs past the end. Returns the audio written.
    @discardableResult
    public func finish(duration: Double) throws(Failure) -> WaveAudio {
        let cues = collected
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formcheck-speak-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            throw Failure(description: "cannot make a scratch folder: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        var spoken: [String: WaveAudio] = [:]
        var utterances: [(t: Double, audio: WaveAudio)] = []
        for (i, cue) in cues.enumerated() {
            let audio: WaveAudio
            if let known = spoken[cue.text] {
                audio = known
            } else {
                audio = try synthesise(cue.text, to: dir.appendingPathComponent("\(i).wav").path)
                spoken[cue.text] = audio
            }
            utterances.append((cue.t, audio))
        }
        let rate = utterances.first?.audio.sampleRate ?? 22_050
        let track = SpeechTimeline.mix(utterances, duration: duration, sampleRate: rate)
        guard FileManager.default.createFile(atPath: path, contents: Data(track.bytes)) else {
            throw Failure(description: "\(path): cannot write the file")
        }
        return track
    }

    /// One utterance through `espeak-ng -w`.
    private func synthesise(_ text: String, to wav: String) throws(Failure) -> WaveAudio {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = SpeechSink.arguments(speaking: text, writingTo: wav)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw Failure(description: "cannot run \(executable): \(error.localizedDescription)") }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: wav) else {
            throw Failure(description: "espeak-ng failed (status \(process.terminationStatus)) on “\(text)”")
        }
        do { return try WaveAudio(bytes: [UInt8](data)) } catch {
            throw Failure(description: "espeak-ng wrote an unreadable file for “\(text)”: \(error)")
        }
    }
}
