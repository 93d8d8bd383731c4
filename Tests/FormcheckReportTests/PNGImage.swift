import CZlib

/// A PNG read back to RGBA pixels: 8-bit greyscale, RGB or RGBA (with or without alpha),
/// non-interlaced — what Chromium writes for a screenshot. The IDAT stream is zlib (the system
/// zlib), each row's filter undone as the PNG specification says.
struct PNGImage {
    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    let width: Int
    let height: Int
    /// Row after row, 4 bytes a pixel (R, G, B, A).
    let rgba: [UInt8]

    init(bytes: [UInt8]) throws {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count > 8, Array(bytes[0..<8]) == signature else { throw Invalid(description: "not a PNG (no signature)") }
        func u32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        var i = 8
        var w = 0, h = 0, colourType = -1, depth = 0, interlace = 0
        var idat: [UInt8] = []
        while i + 8 <= bytes.count {
            let length = u32(i)
            let type = String(decoding: bytes[i + 4..<i + 8], as: UTF8.self)
            let data = i + 8
            guard data + length + 4 <= bytes.count else { throw Invalid(description: "chunk \(type) runs past the end") }
            switch type {
            case "IHDR":
                w = u32(data)
                h = u32(data + 4)
                depth = Int(bytes[data + 8])
                colourType = Int(bytes[data + 9])
                interlace = Int(bytes[data + 12])
            case "IDAT":
                idat += bytes[data..<data + length]
            default:
                break
            }
            i = data + length + 4
            if type == "IEND" { break }
        }
        let channels: Int
        switch colourType {
        case 0: channels = 1
        case 2: channels = 3
        case 4: channels = 2
        case 6: channels = 4
        default: throw Invalid(description: "colour type \(colourType) not read here")
        }
        guard depth == 8, interlace == 0, w > 0, h > 0 else { throw Invalid(description: "bit depth \(depth), interlace \(interlace): not read here") }
        let stride = w * channels
        var raw = [UInt8](repeating: 0, count: h * (stride + 1))
        var rawLength = uLongf(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { out in
            idat.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &rawLength, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, Int(rawLength) == raw.count else { throw Invalid(description: "IDAT does not inflate (zlib \(status))") }
        var pixels = [UInt8](repeating: 0, count: h * stride)
        for y in 0..<h {
            let filter = raw[y * (stride + 1)]
            let row = y * (stride + 1) + 1
            for x in 0..<stride {
                let a = x >= channels ? Int(pixels[y * stride + x - channels]) : 0
                let b = y > 0 ? Int(pixels[(y - 1) * stride + x]) : 0
                let c = x >= channels && y > 0 ? Int(pixels[(y - 1) * stride + x - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: throw Invalid(description: "row \(y): filter \(filter)")
                }
                pixels[y * stride + x] = UInt8((Int(raw[row + x]) + predictor) & 0xFF)
            }
        }
        var rgba = [UInt8](repeating: 255, count: w * h * 4)
        for p in 0..<(w * h) {
            switch channels {
            case 1, 2:
                rgba[p * 4] = pixels[p * channels]; rgba[p * 4 + 1] = pixels[p * channels]; rgba[p * 4 + 2] = pixels[p * channels]
                if channels == 2 { rgba[p * 4 + 3] = pixels[p * channels + 1] }
            default:
                for k in 0..<channels { rgba[p * 4 + k] = pixels[p * channels + k] }
            }
        }
        width = w
        height = h
        self.rgba = rgba
    }

    /// Pixels that are not (nearly) white: any channel below 240.
    var nonWhitePixels: Int {
        stride(from: 0, to: rgba.count, by: 4).reduce(0) { n, i in n + (rgba[i] < 240 || rgba[i + 1] < 240 || rgba[i + 2] < 240 ? 1 : 0) }
    }

    /// Pixels of exactly the colour `#rrggbb` (each channel within `tolerance`).
    func count(colour hex: String, tolerance: Int = 2) -> Int {
        let v = Int(hex.dropFirst(), radix: 16) ?? 0
        let r = v >> 16 & 0xFF, g = v >> 8 & 0xFF, b = v & 0xFF
        return stride(from: 0, to: rgba.count, by: 4).reduce(0) { n, i in
            n + (abs(Int(rgba[i]) - r) <= tolerance && abs(Int(rgba[i + 1]) - g) <= tolerance && abs(Int(rgba[i + 2]) - b) <= tolerance ? 1 : 0)
        }
    }
}
