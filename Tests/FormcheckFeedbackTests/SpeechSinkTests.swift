import Foundation
import FormcheckFeedback
import Testing

/// Speech through espeak-ng: finding it, its command line, a real utterance to a WAVE file, and
/// the sink pacing real processes (a stand-in espeak-ng that logs what it is asked to say).
@Suite(.serialized) struct SpeechSinkTests {
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formcheck-speech-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func withoutEspeakTheErrorSaysHowToInstallIt() {
        do {
            _ = try SpeechSink.make(environment: ["PATH": "/nonexistent:/also/not/here"])
            Issue.record("made a sink without espeak-ng")
        } catch {
            #expect(error.description == """
                espeak-ng is not installed (not found on PATH), so cues will not be spoken
                  fix: sudo apt-get install espeak-ng
                """)
        }
        #expect(SpeechSink.locate(path: nil) == nil)
        #expect(SpeechSink.locate(path: "") == nil)
    }

    @Test func findsEspeakOnPath() throws {
        let sink = try SpeechSink.make(environment: ["PATH": "/nonexistent:/usr/local/bin:/usr/bin:/bin"])
        #expect(sink.executable.hasSuffix("/espeak-ng"))
        #expect(FileManager.default.isExecutableFile(atPath: sink.executable))
    }

    @Test func commandLine() {
        #expect(SpeechSink.arguments(speaking: "Switch legs") == ["-s", "150", "--", "Switch legs"])
        #expect(SpeechSink.arguments(speaking: "Hold — thirty seconds left", writingTo: "/tmp/cue.wav")
                == ["-s", "150", "-w", "/tmp/cue.wav", "--", "Hold — thirty seconds left"])
    }

    /// espeak-ng really speaks the command line the sink builds: a RIFF/WAVE file with sound in it.
    @Test func espeakWritesAWaveFile() throws {
        let espeak = try #require(SpeechSink.locate(path: ProcessInfo.processInfo.environment["PATH"]),
                                  "espeak-ng is not on PATH (sudo apt-get install espeak-ng; make test installs it)")
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wav = dir.appendingPathComponent("cue.wav").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: espeak)
        process.arguments = SpeechSink.arguments(speaking: "Hold — thirty seconds left", writingTo: wav)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: wav)))
        #expect(bytes.count > 10_000, "\(bytes.count) bytes")  // about 2 s of 22 kHz 16-bit mono
        #expect(Array(bytes[0..<4]) == Array("RIFF".utf8))
        #expect(Array(bytes[8..<12]) == Array("WAVE".utf8))
        let riffSize = Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24
        #expect(riffSize == bytes.count - 8)
        // Not silence: some sample far from zero.
        let samples = stride(from: 44, to: bytes.count - 1, by: 2).map { Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8) }
        #expect((samples.map { abs(Int($0)) }.max() ?? 0) > 1000)
    }

    /// Real processes, real clock: a stand-in espeak-ng logs each cue and takes 0.2 s. Three cues at
    /// once: the first is said, the form error waits and is said first when the 0.5 s gap is over
    /// (though the countdown came after it), then the countdown.
    @Test func sinkSpeaksOneAtATimeAndPrefersFormErrors() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("said.log").path
        let stub = dir.appendingPathComponent("espeak-ng").path
        let script = "#!/bin/sh\nfor last; do :; done\nprintf '%s\\n' \"$last\" >> '\(log)'\nsleep 0.2\n"
        #expect(FileManager.default.createFile(atPath: stub, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755]))

        let sink = try SpeechSink.make(minimumGap: 0.5, environment: ["PATH": dir.path])
        #expect(sink.executable == stub)
        let start = SpeechSink.monotonicSeconds()
        sink.handle(.cue(t: 10, cue: .holdCountdown(seconds: 30, first: false)))
        sink.handle(.holdStarted(t: 10, rep: 1, side: .right, start: 4, flexion: 80))  // not a cue: ignored
        sink.handle(.cue(t: 10.2, cue: .holdCountdown(seconds: 10, first: false)))
        sink.handle(.cue(t: 10.1, cue: .correct(.bouncing)))
        #expect(sink.isBusy)
        sink.finish(timeout: 10)
        let elapsed = SpeechSink.monotonicSeconds() - start
        let said = try String(contentsOfFile: log, encoding: .utf8)
        #expect(said == "Hold — thirty seconds left\nStop bouncing — hold still\nHold — ten seconds left\n")
        // The third utterance started after two gaps and ended 0.2 s later.
        #expect(elapsed >= 1.2 && elapsed < 6, "\(elapsed) s")
    }
}
