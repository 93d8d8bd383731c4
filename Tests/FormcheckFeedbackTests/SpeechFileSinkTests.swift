import FormcheckFeedback
import Foundation
import Testing

/// Speech to a file: the WAVE reader and writer, the timeline that places utterances at their
/// cues' times, and the sink through the real espeak-ng.
@Suite struct SpeechFileSinkTests {
    @Test func waveRoundTrip() throws {
        let audio = WaveAudio(sampleRate: 22_050, samples: [0, 1, -1, .max, .min, 1234])
        let bytes = audio.bytes
        #expect(bytes.count == 44 + 12)
        #expect(Array(bytes[0..<4]) == Array("RIFF".utf8) && Array(bytes[8..<16]) == Array("WAVEfmt ".utf8))
        #expect(Array(bytes[4..<8]) == [48, 0, 0, 0])  // RIFF size: the file less 8 bytes
        #expect(Array(bytes[20..<36]) == [1, 0, 1, 0, 0x22, 0x56, 0, 0, 0x44, 0xAC, 0, 0, 2, 0, 16, 0])  // PCM mono 22050 Hz 16 bit
        #expect(Array(bytes[36..<44]) == Array("data".utf8) + [12, 0, 0, 0])
        #expect(Array(bytes[44..<48]) == [0, 0, 1, 0])
        #expect(try WaveAudio(bytes: bytes) == audio)
        #expect(abs(WaveAudio(sampleRate: 100, samples: Array(repeating: 0, count: 250)).duration - 2.5) < 1e-12)
    }

    /// Other writers: a LIST chunk of odd size before the data, two channels (averaged), a data size
    /// left unset by a streaming writer.
    @Test func readsOtherWaveFiles() throws {
        func u32(_ v: Int) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8 & 0xff), UInt8(v >> 16 & 0xff), UInt8(v >> 24 & 0xff)] }
        let fmt = Array("fmt ".utf8) + u32(16) + [1, 0, 2, 0] + u32(8000) + u32(32000) + [4, 0, 16, 0]
        let list = Array("LIST".utf8) + u32(3) + [65, 66, 67, 0]
        let frames: [UInt8] = [100, 0, 200, 0, 0x00, 0xFF, 0x00, 0xFD]  // (100, 200) and (−256, −768)
        let data = Array("data".utf8) + u32(0) + frames
        let body = Array("WAVE".utf8) + fmt + list + data
        let file = Array("RIFF".utf8) + u32(body.count) + body
        let audio = try WaveAudio(bytes: file)
        #expect(audio.sampleRate == 8000 && audio.samples == [150, -512])
        #expect(throws: WaveAudio.FormatError.self) { try WaveAudio(bytes: Array("RIFF....WAVX".utf8)) }
        var eight = file
        eight[fmt.count + 12 - 2] = 8  // 8 bits per sample
        #expect(throws: WaveAudio.FormatError.self) { try WaveAudio(bytes: eight) }
    }

    /// Each utterance's sound begins at its time, its leading silence skipped; overlaps add and clip;
    /// the track is the session's length, longer only when the last one runs past the end.
    @Test func timelinePlacesSoundAtTheCueTimes() {
        let rate = 1000
        let voice = WaveAudio(sampleRate: rate, samples: Array(repeating: 0, count: 30) + Array(repeating: 20_000, count: 100))
        let track = SpeechTimeline.mix([(t: 1.0, audio: voice), (t: 1.05, audio: voice), (t: 2.5, audio: voice)],
                                       duration: 3, sampleRate: rate)
        #expect(track.samples.count == 3000)
        #expect(SpeechTimeline.onset(track.samples) == 1000)
        #expect(track.samples[1049] == 20_000 && track.samples[1050] == .max)  // 40 000 clipped
        #expect(track.samples[1150] == 0)
        #expect(SpeechTimeline.onset(track.samples, from: 1151) == 2500)
        let long = SpeechTimeline.mix([(t: 2.95, audio: voice)], duration: 3, sampleRate: rate)
        #expect(long.samples.count == 3050)
        // Past the end, trailing silence is cut: the track ends with the sound.
        let tailed = WaveAudio(sampleRate: rate, samples: voice.samples + Array(repeating: 0, count: 200))
        #expect(SpeechTimeline.mix([(t: 2.95, audio: tailed)], duration: 3, sampleRate: rate).samples.count == 3050)
        #expect(SpeechTimeline.mix([(t: 1, audio: tailed)], duration: 3, sampleRate: rate).samples.count == 3000)
        // Another rate is resampled: 2000 Hz sound placed on a 1000 Hz track at 0.5 s, half as long.
        let fast = WaveAudio(sampleRate: 2000, samples: Array(repeating: 10_000, count: 200))
        let mixed = SpeechTimeline.mix([(t: 0.5, audio: fast)], duration: 1, sampleRate: rate)
        #expect(SpeechTimeline.onset(mixed.samples) == 500 && mixed.samples[599] == 10_000 && mixed.samples[600] == 0)
    }

    /// Through the real espeak-ng: three cues, the second while the first is still being said.
    @Test func espeakCuesIntoOneFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("formcheck-\(UUID().uuidString).wav").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try SpeechFileSink.make(path: path)
        sink.handle(.cue(t: 0.5, cue: .holdCountdown(seconds: 30, first: false)))
        sink.handle(.holdStarted(t: 1, rep: 1, side: .right, start: 0, flexion: 80))  // not a cue
        sink.handle(.cue(t: 6, cue: .holdDone))
        sink.handle(.cue(t: 6, cue: .switchSides(.left)))
        #expect(sink.collected.map(\.t) == [0.5, 6, 6])
        #expect(sink.collected[0].text == "Hold — thirty seconds left")
        let audio = try sink.finish(duration: 10)
        let back = try WaveAudio(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(back == audio)
        #expect(back.sampleRate == 22_050)
        #expect(abs(back.duration - 10) < 0.01)
        let onset = try #require(SpeechTimeline.onset(back.samples))
        #expect(abs(Double(onset) / 22_050 - 0.5) < 0.002)
        // Silent from the end of the first utterance until 6 s, sound at 6 s.
        let second = try #require(SpeechTimeline.onset(back.samples, from: Int(3.5 * 22_050)))
        #expect(abs(Double(second) / 22_050 - 6) < 0.002)
    }
}
