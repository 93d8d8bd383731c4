import ArgumentParser
import FormcheckFeedback

/// `--speak-to FILE.wav` for `live` and `replay`: the sink, and writing it at the end.
enum SpeechOutput {
    /// The sink, or exit 69 when espeak-ng is missing (the file asked for cannot be made).
    static func file(_ path: String) throws -> SpeechFileSink {
        do { return try SpeechFileSink.make(path: path) } catch {
            printError("formcheck: \(error)")
            throw ExitCode(69)
        }
    }

    /// Writes the file, `duration` seconds long; exit 74 when that fails.
    static func write(_ sink: SpeechFileSink, duration: Double) throws {
        do {
            let audio = try sink.finish(duration: duration)
            printError("formcheck: \(sink.collected.count) cues spoken into \(sink.path) (\((audio.duration * 10).rounded() / 10) s)")
        } catch {
            printError("formcheck: \(error)")
            throw ExitCode(74)
        }
    }
}
