import ArgumentParser
import FormcheckDevices
import FormcheckFormats
import MotionCore

struct ActivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "Gait in a recording: bouts of walking, stairs and running, steps, cadence, distance.",
        discussion: """
            Needs no calibration and works with the sensor strapped any way round. Steps are counted \
            in gait only (not in sit-to-stand, shifting or exercise repetitions); one thigh sees every \
            other step, so steps = 2 × strides. Times in seconds since the first sample. The distance \
            (level walking) needs --height: stride length from the thigh's swing by the pendulum model, \
            leg length 0.53 × height (expect 10–15 % error).
            """)

    @Argument(help: "Recording (.evemu or .csv).", completion: .file())
    var file: String

    @Option(help: "Body height in centimetres, for the distance walked.")
    var height: Double?

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    func validate() throws {
        if let height, !(50...250).contains(height) {
            throw ValidationError("--height is in centimetres, between 50 and 250 (for example --height 175)")
        }
    }

    func run() async throws {
        var parameters = GaitTracker.Parameters()
        parameters.legLength = height.map { StrideLengthModel.legLength(height: $0 / 100) }
        var tracker = GaitTracker(parameters: parameters)
        var origin: Double?
        // Streamed (the file decoded ahead on a thread of its own): memory does not grow with the
        // recording, only with its bouts.
        do {
            _ = try Recording(path: file).forEachReadingDecodedAhead { r in
                switch r {
                case .gap: _ = tracker.gapOccurred()
                case .sample(let s):
                    if origin == nil { origin = s.time }
                    _ = tracker.update(s)
                }
            }
        } catch { throw fail(error) }
        guard let origin else {
            printError("formcheck: \(file): the recording has no samples; record one with 'formcheck record'")
            throw ExitCode(65)
        }
        let report = ActivityReport(tracker: tracker, origin: origin)
        switch format {
        case .text: print(report.text(file: file))
        case .json: print(try jsonText(report))
        }
    }
}

/// What `formcheck activity` prints: the bouts and the totals, times since the first sample.
struct ActivityReport: Encodable {
    struct Bout: Encodable {
        var activity: Activity
        var start: Double
        var end: Double
        var steps: Int
        var cadence: Double?
        var seconds: Double
        var distanceMeters: Double?

        enum CodingKeys: String, CodingKey {
            case activity, start, end, steps, cadence, seconds, distanceMeters
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(activity, forKey: .activity)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(steps, forKey: .steps)
            try c.encode(cadence, forKey: .cadence)
            try c.encode(seconds, forKey: .seconds)
            try c.encode(distanceMeters, forKey: .distanceMeters)
        }
    }

    var bouts: [Bout]
    var steps: Int
    var cadence: Double?
    var walkingSeconds: Double
    var distanceMeters: Double?

    private enum CodingKeys: String, CodingKey {
        case bouts, steps, cadence, walkingSeconds, distanceMeters
    }

    /// Every key is written, unknown values as null.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(bouts, forKey: .bouts)
        try c.encode(steps, forKey: .steps)
        try c.encode(cadence, forKey: .cadence)
        try c.encode(walkingSeconds, forKey: .walkingSeconds)
        try c.encode(distanceMeters, forKey: .distanceMeters)
    }

    init(tracker: GaitTracker, origin: Double) {
        func round(_ x: Double, _ decimals: Int) -> Double {
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            return (x * scale).rounded() / scale
        }
        bouts = tracker.bouts.map { b in
            Bout(activity: b.activity, start: round(b.start - origin, 3), end: round(b.end - origin, 3), steps: b.steps,
                 cadence: b.cadence.map { round($0, 1) }, seconds: round(b.seconds, 2),
                 distanceMeters: b.distance.map { round($0, 1) })
        }
        steps = tracker.steps
        cadence = tracker.cadence.map { round($0, 1) }
        walkingSeconds = round(tracker.walkingSeconds, 2)
        distanceMeters = tracker.distanceMeters.map { round($0, 1) }
    }

    func text(file: String) -> String {
        var lines = [file]
        if bouts.isEmpty {
            lines.append("no gait")
        } else {
            lines.append("     start        end  activity   steps     cadence   distance")
            for b in bouts {
                let cadence = b.cadence.map { fixed($0, 1) + "/min" } ?? "—"
                let distance = b.distanceMeters.map { fixed($0, 1) + " m" } ?? "—"
                lines.append(pad(fixed(b.start, 1) + " s", 10) + pad(fixed(b.end, 1) + " s", 11) + "  "
                             + left(b.activity.rawValue, 9) + pad("\(b.steps)", 6) + pad(cadence, 12) + pad(distance, 11))
            }
        }
        lines.append("steps     \(steps)")
        lines.append("cadence   " + (cadence.map { fixed($0, 1) + " steps/min" } ?? "—"))
        lines.append("walking   " + fixed(walkingSeconds, 1) + " s")
        lines.append("distance  " + (distanceMeters.map { fixed($0, 1) + " m" } ?? "— (give --height)"))
        return lines.joined(separator: "\n")
    }

    private func left(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.count))
    }

    private func pad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
