/// A session's spoken cues as one track: each utterance placed so that its sound begins at its
/// cue's time, mixed (summed, clipped to 16 bits) where utterances overlap, over the whole session.
/// Pure: the synthesis is the caller's (`SpeechFileSink`).
public enum SpeechTimeline {
    /// A sample counts as sound at or above this magnitude (about −40 dBFS).
    public static let soundThreshold = 330

    /// Index of the first sample at or above `soundThreshold` from `start`, or nil.
    public static func onset(_ samples: [Int16], from start: Int = 0) -> Int? {
        guard start < samples.count else { return nil }
        return samples[max(0, start)...].firstIndex { abs(Int($0)) >= soundThreshold }
    }

    /// The track.
    /// - Parameters:
    ///   - utterances: `t` seconds since the start of the session, and the utterance's audio (its
    ///     leading silence is skipped, so the sound begins at `t`; resampled to `sampleRate`).
    ///   - duration: seconds of session; the track is longer only if the last utterance's sound runs
    ///     past it (then it ends with that sound, its trailing silence cut).
    ///   - sampleRate: samples per second of the track.
    public static func mix(_ utterances: [(t: Double, audio: WaveAudio)], duration: Double, sampleRate: Int) -> WaveAudio {
        let length = max(0, Int((duration * Double(sampleRate)).rounded()))
        var track = [Int32](repeating: 0, count: length)
        for (t, audio) in utterances {
            let samples = audio.resampled(to: sampleRate).samples
            guard let first = onset(samples) else { continue }
            let at = max(0, Int((t * Double(sampleRate)).rounded()))
            let count = samples.count - first
            if track.count < at + count { track += [Int32](repeating: 0, count: at + count - track.count) }
            for i in 0..<count { track[at + i] += Int32(samples[first + i]) }
        }
        if let last = track.lastIndex(where: { abs($0) >= Int32(soundThreshold) }), last + 1 < track.count, track.count > length {
            track.removeLast(track.count - max(length, last + 1))
        }
        return WaveAudio(sampleRate: sampleRate, samples: track.map { Int16(clamping: $0) })
    }
}
