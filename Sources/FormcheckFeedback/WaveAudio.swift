/// Mono 16-bit PCM audio and its RIFF/WAVE file form (`fmt ` format 1, then `data`), read and
/// written without any library. Reading takes any PCM 16-bit file (several channels are averaged
/// to one) and skips chunks it does not know.
public struct WaveAudio: Sendable, Hashable {
    /// A file that is not 16-bit PCM WAVE, and why.
    public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    /// Samples per second.
    public var sampleRate: Int
    /// Signed 16-bit samples, one channel.
    public var samples: [Int16]

    public init(sampleRate: Int, samples: [Int16]) {
        self.sampleRate = sampleRate
        self.samples = samples
    }

    /// Seconds of audio.
    public var duration: Double { sampleRate > 0 ? Double(samples.count) / Double(sampleRate) : 0 }

    /// Parses a WAVE file's bytes.
    public init(bytes: [UInt8]) throws(FormatError) {
        func u32(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24 }
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8) else {
            throw FormatError(description: "not a RIFF/WAVE file")
        }
        var format: (channels: Int, rate: Int, bits: Int, code: Int)?
        var at = 12
        while at + 8 <= bytes.count {
            let id = String(decoding: bytes[at..<at + 4], as: UTF8.self)
            let size = u32(at + 4), body = at + 8
            switch id {
            case "fmt ":
                guard size >= 16, body + 16 <= bytes.count else { throw FormatError(description: "short fmt chunk") }
                format = (u16(body + 2), u32(body + 4), u16(body + 14), u16(body))
            case "data":
                guard let f = format else { throw FormatError(description: "data before fmt") }
                guard f.code == 1, f.bits == 16, f.channels >= 1 else {
                    throw FormatError(description: "not 16-bit PCM (format \(f.code), \(f.bits) bits, \(f.channels) channels)")
                }
                // A streaming writer may leave the size unset (0 or too big): the data runs to the end.
                let end = size == 0 || body + size > bytes.count ? bytes.count : body + size
                let frame = 2 * f.channels
                var out: [Int16] = []
                out.reserveCapacity((end - body) / frame)
                var i = body
                while i + frame <= end {
                    var sum = 0
                    for c in 0..<f.channels { sum += Int(Int16(bitPattern: UInt16(u16(i + 2 * c)))) }
                    out.append(Int16(sum / f.channels))
                    i += frame
                }
                self.init(sampleRate: f.rate, samples: out)
                return
            default:
                break
            }
            at = body + size + (size & 1)  // chunks are padded to an even size
        }
        throw FormatError(description: "no data chunk")
    }

    /// The WAVE file: a 44-byte header (RIFF, `fmt ` PCM mono 16-bit, `data`), then the samples,
    /// little-endian.
    public var bytes: [UInt8] {
        func u32(_ v: Int) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8 & 0xff), UInt8(v >> 16 & 0xff), UInt8(v >> 24 & 0xff)] }
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8 & 0xff)] }
        let data = samples.count * 2
        var out: [UInt8] = []
        out.reserveCapacity(44 + data)
        out += Array("RIFF".utf8) + u32(36 + data) + Array("WAVE".utf8)
        out += Array("fmt ".utf8) + u32(16) + u16(1) + u16(1) + u32(sampleRate) + u32(sampleRate * 2) + u16(2) + u16(16)
        out += Array("data".utf8) + u32(data)
        for s in samples {
            let v = UInt16(bitPattern: s)
            out.append(UInt8(v & 0xff))
            out.append(UInt8(v >> 8))
        }
        return out
    }

    /// The same sound at `rate` samples per second (linear interpolation).
    public func resampled(to rate: Int) -> WaveAudio {
        guard rate != sampleRate, rate > 0, sampleRate > 0, !samples.isEmpty else { return WaveAudio(sampleRate: rate, samples: samples) }
        let n = Int((Double(samples.count) * Double(rate) / Double(sampleRate)).rounded())
        let step = Double(sampleRate) / Double(rate)
        let out: [Int16] = (0..<n).map { i in
            let x = Double(i) * step
            let j = min(Int(x), samples.count - 1), k = min(j + 1, samples.count - 1)
            let f = x - Double(j)
            return Int16((Double(samples[j]) * (1 - f) + Double(samples[k]) * f).rounded())
        }
        return WaveAudio(sampleRate: rate, samples: out)
    }
}
