import FormcheckFormats
import MotionCore

/// `formcheck inspect`'s findings for one file, as JSON fields and as text for people.
struct InspectReport: Encodable {
    struct Device: Encodable {
        var name: String
        var id: String
        var bus: String
        var accelerometer: Axes
        var gyroscope: Axes
        var timestamps: String
    }

    struct Axes: Encodable {
        /// Raw units per g or per °/s.
        var resolution: [Int32]
        var fuzz: [Int32]
        /// Full scale in g or °/s.
        var range: [Double]
    }

    struct Gap: Encodable {
        var reason: String
        var line: Int?
        var after: Double?
        var resumed: Double?
        var duration: Double?
        var missingSamples: Int?
    }

    /// How one quantity's unit in a CSV file was settled.
    struct FileUnit: Encodable {
        /// The file's unit, as the --…-unit options spell it.
        var unit: String
        /// "given" (an option stated it) or "detected" (told from the data).
        var source: String
        /// Converted to the SI unit the samples are in.
        var converted: Bool
        var evidence: String?
    }

    struct GyroBias: Encodable {
        /// rad/s, sensor frame.
        var bias: [Double]
        var rests: Int
        var restSeconds: Double
    }

    struct Anomaly: Encodable {
        var kind: String
        var line: Int?
        /// Seconds since the first sample: the time formcheck gave the frame.
        var t: Double
        var deviceStep: Double?
        var kernelStep: Double
    }

    var file: String
    var format: String
    var device: Device?
    var units: [String: String]
    /// CSV: the file's units (keys acceleration, angularRate, t).
    var fileUnits: [String: FileUnit]?
    var warnings: [String]
    var samples: Int
    var duration: Double
    var sampleRate: Double?
    var medianPeriod: Double?
    var minPeriod: Double?
    var maxPeriod: Double?
    var gaps: [Gap]
    var anomalies: [Anomaly]
    var framesBeforeAllAxes: Int?
    var ignoredEvents: Int?
    var gravityAtStart: [Double]?
    var gravityAtEnd: [Double]?
    var upAxisAtStart: String?
    var upAxisAtEnd: String?
    /// Total rotation integrated from the gyroscope, degrees, and its axis in the sensor frame.
    var rotationAngle: Double
    var rotationAxis: [Double]
    /// The rotation angle without removing the gyroscope bias, degrees.
    var rotationAngleWithBias: Double
    /// The bias removed (nil: no still period to take it from, nothing removed).
    var gyroBias: GyroBias?
    var peakAcceleration: Double
    var peakAngularRate: Double

    init(_ s: RecordingSummary) {
        file = s.path
        format = s.format.rawValue
        if let d = s.device {
            func axes(_ codes: ClosedRange<UInt16>, unit: Double) -> Axes {
                let infos = codes.map { d.absInfo[$0] ?? AbsInfo(minimum: 0, maximum: 0) }
                return Axes(
                    resolution: infos.map(\.resolution), fuzz: infos.map(\.fuzz),
                    range: infos.map { $0.resolution > 0 ? Double(max(abs(Int64($0.minimum)), abs(Int64($0.maximum)))) / Double($0.resolution) * unit : 0 })
            }
            device = Device(
                name: d.name, id: d.idString, bus: Self.busName(d.bustype),
                accelerometer: axes(0...2, unit: 1), gyroscope: axes(3...5, unit: 1),
                timestamps: Self.clockText(s.clockModel))
        }
        units = ["t": "s", "acceleration": "m/s^2", "angularRate": "rad/s", "rotation": "deg"]
        if let u = s.csvUnits {
            fileUnits = [
                "acceleration": FileUnit(unit: u.acceleration.unit.rawValue, source: u.acceleration.source.rawValue,
                                         converted: u.acceleration.unit != .metersPerSecondSquared, evidence: u.acceleration.evidence),
                "angularRate": FileUnit(unit: u.angularRate.unit.rawValue, source: u.angularRate.source.rawValue,
                                        converted: u.angularRate.unit != .radiansPerSecond, evidence: u.angularRate.evidence),
                "t": FileUnit(unit: u.time.unit.rawValue, source: u.time.source.rawValue, converted: u.time.unit != .s, evidence: u.time.evidence),
            ]
        }
        warnings = s.warnings
        samples = s.samples
        duration = s.duration
        sampleRate = s.sampleRate
        medianPeriod = s.medianPeriod
        minPeriod = s.minPeriod
        maxPeriod = s.maxPeriod
        gaps = s.gaps.map { g in
            var duration: Double?
            if let a = g.after, let r = g.resumed { duration = r - a }
            return Gap(reason: Self.gapName(g.reason), line: g.line, after: g.after, resumed: g.resumed,
                       duration: duration, missingSamples: g.missingSamples)
        }
        anomalies = s.anomalies.map {
            Anomaly(kind: $0.anomaly.kind.rawValue, line: $0.line, t: $0.time - s.startTime,
                    deviceStep: $0.anomaly.deviceStep.map { Double($0) / 1e6 },
                    kernelStep: Double($0.anomaly.kernelStep) / 1e6)
        }
        framesBeforeAllAxes = s.statistics?.framesBeforeAllAxes
        ignoredEvents = s.statistics?.ignoredEvents
        gravityAtStart = s.gravityAtStart.map { [$0.x, $0.y, $0.z] }
        gravityAtEnd = s.gravityAtEnd.map { [$0.x, $0.y, $0.z] }
        upAxisAtStart = s.gravityAtStart.map(Self.upAxis)
        upAxisAtEnd = s.gravityAtEnd.map(Self.upAxis)
        rotationAngle = s.rotation.angle.degrees
        let axis = s.rotation.axis
        rotationAxis = [axis.x, axis.y, axis.z]
        rotationAngleWithBias = s.rotationWithBias.angle.degrees
        gyroBias = s.gyroBias.map { GyroBias(bias: [$0.bias.x, $0.bias.y, $0.bias.z], rests: $0.rests, restSeconds: $0.restSeconds) }
        peakAcceleration = s.peakAcceleration
        peakAngularRate = s.peakAngularRate
    }

    /// The sensor axis closest to "up" for a gravity reading, e.g. "+Y" or "-Z".
    static func upAxis(_ g: Vector3) -> String {
        let c = [("X", g.x), ("Y", g.y), ("Z", g.z)].max { abs($0.1) < abs($1.1) }!
        return (c.1 >= 0 ? "+" : "-") + c.0
    }

    static func gapName(_ reason: SampleGap.Reason) -> String {
        switch reason {
        case .synDropped: "SYN_DROPPED"
        case .reconnected: "reconnected"
        case .timeJump: "time jump"
        }
    }

    static func busName(_ bus: UInt16) -> String {
        switch bus {
        case 0x03: "USB"
        case 0x05: "Bluetooth"
        case 0x06: "virtual"
        case 0x18: "I2C"
        case 0x19: "host"
        default: "bus 0x" + String(bus, radix: 16)
        }
    }

    static func clockText(_ model: SampleClock.Model?) -> String {
        switch model {
        case .deviceClock: "MSC_TIMESTAMP (device clock, µs)"
        case .batchedReports(let rate): "MSC_TIMESTAMP, 3 samples per report (hid-nintendo; report steps at \(rate)× real time)"
        case .kernelTime: "kernel event times (no MSC_TIMESTAMP)"
        case nil: "the file's t column"
        }
    }

    var text: String {
        var lines: [String] = []
        func row(_ label: String, _ value: String) {
            lines.append(label.padding(10) + value)
        }
        lines.append("\(file) (\(format))")
        if let d = device {
            row("device", d.name)
            row("id", "\(d.id) (\(d.bus))")
            row("accel", "ABS_X/Y/Z: ±\(fixed(d.accelerometer.range[0], 1)) g, \(d.accelerometer.resolution.map(String.init).joined(separator: "/")) units per g, fuzz \(d.accelerometer.fuzz[0])")
            row("gyro", "ABS_RX/RY/RZ: ±\(fixed(d.gyroscope.range[0], 0)) °/s, \(d.gyroscope.resolution.map(String.init).joined(separator: "/")) units per °/s, fuzz \(d.gyroscope.fuzz[0])")
            row("timing", d.timestamps)
        }
        if let u = fileUnits {
            func unit(_ key: String, _ label: String, _ si: String) -> String {
                guard let f = u[key] else { return "" }
                let name = ["m/s2": "m/s²", "deg/s": "°/s", "us": "µs"][f.unit] ?? f.unit
                return "\(label) " + (f.converted ? "\(name) → \(si)" : si) + " (\(f.source == "given" ? "given" : (f.converted ? "detected, converted" : "detected")))"
            }
            row("units", [unit("acceleration", "acceleration", "m/s²"), unit("angularRate", "angular rate", "rad/s"), unit("t", "time", "s")]
                .joined(separator: ", "))
        } else {
            row("units", "acceleration m/s², angular rate rad/s, time s")
        }
        row("samples", "\(samples)")
        row("duration", "\(fixed(duration, 3)) s")
        if let r = sampleRate, let m = medianPeriod, let lo = minPeriod, let hi = maxPeriod {
            row("rate", "\(fixed(r, 1)) Hz (period median \(fixed(m * 1000, 3)) ms, min \(fixed(lo * 1000, 3)) ms, max \(fixed(hi * 1000, 3)) ms)")
        }
        let reasons = Set(gaps.map(\.reason)).sorted().joined(separator: ", ")
        row("gaps", gaps.isEmpty ? "none" : "\(gaps.count) (\(reasons))")
        for g in gaps {
            var s = "  "
            if let l = g.line { s += "line \(l): " }
            s += g.reason
            if let a = g.after { s += " after \(fixed(a, 3)) s" }
            if let r = g.resumed { s += ", resumed at \(fixed(r, 3)) s" }
            if let d = g.duration { s += " (\(fixed(d * 1000, 1)) ms" + (g.missingSamples.map { ", about \($0) samples lost" } ?? "") + ")" }
            lines.append(s)
        }
        row("anomalies", anomalies.isEmpty ? "none" : "\(anomalies.count) timestamp anomal\(anomalies.count == 1 ? "y" : "ies")")
        for a in anomalies.prefix(10) {
            var s = "  "
            if let l = a.line { s += "line \(l): " }
            s += a.kind + " at \(fixed(a.t, 3)) s"
            if let d = a.deviceStep { s += ", device step \(fixed(d * 1000, 3)) ms" }
            s += ", kernel step \(fixed(a.kernelStep * 1000, 3)) ms"
            lines.append(s)
        }
        if anomalies.count > 10 { lines.append("  … \(anomalies.count - 10) more") }
        if let n = framesBeforeAllAxes, n > 0 { row("skipped", "\(n) frame(s) before every axis had a value") }
        func vector(_ v: [Double]) -> String { "(" + v.map { fixed($0, 2) }.joined(separator: ", ") + ")" }
        if let g = gravityAtStart, let up = upAxisAtStart { row("start", "gravity \(vector(g)) m/s², \(up) up") }
        if let g = gravityAtEnd, let up = upAxisAtEnd { row("end", "gravity \(vector(g)) m/s², \(up) up") }
        if let b = gyroBias {
            row("rotation", "\(fixed(rotationAngle, 1))° about \(vector(rotationAxis)), gyroscope integrated from first to last sample, bias removed")
            row("gyro bias", "\(vector(b.bias.map { $0 * 180 / .pi })) °/s, from \(b.rests) still period\(b.rests == 1 ? "" : "s") (\(fixed(b.restSeconds, 1)) s); \(fixed(rotationAngleWithBias, 1))° with it left in")
        } else {
            row("rotation", "\(fixed(rotationAngle, 1))° about \(vector(rotationAxis)), gyroscope integrated from first to last sample (bias not removed: no still period of 1 s)")
        }
        row("peaks", "|a| \(fixed(peakAcceleration, 2)) m/s², |ω| \(fixed(peakAngularRate * 180 / .pi, 1)) °/s")
        return lines.joined(separator: "\n")
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
