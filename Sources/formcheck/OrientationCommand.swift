import ArgumentParser
import FormcheckFormats
import MotionCore

struct OrientationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orientation",
        abstract: "Print the sensor's orientation for every sample of a recording.",
        discussion: """
            CSV: header t,qw,qx,qy,qz, one row per sample; t is seconds since the first sample; the \
            quaternion (Hamilton, scalar first) rotates sensor-frame vectors into an earth frame with \
            z up (heading arbitrary). --mode live runs the live filter (what formcheck knows at each \
            sample); --mode replay uses the whole recording (past and future) and is more accurate.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
    }

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case live, replay
    }

    @Argument(help: "Recording (.evemu or .csv).", completion: .file())
    var file: String

    @Option(help: "Output format.")
    var format: Format = .csv

    @Option(help: "live: causal filter; replay: uses the whole recording.")
    var mode: Mode = .live

    @OptionGroup var csvUnits: CSVUnitOptions

    func run() throws {
        let readings: [SensorReading]
        do {
            readings = try csvUnits.open(file).readAll().readings
        } catch {
            throw fail(error)
        }
        var times: [Double] = []
        times.reserveCapacity(readings.count)
        for case .sample(let s) in readings { times.append(s.time) }
        let estimates: [Quaternion]
        switch mode {
        case .replay:
            estimates = OrientationSmoother.estimate(readings)
        case .live:
            var filter = OrientationFilter()
            var out: [Quaternion] = []
            out.reserveCapacity(times.count)
            for r in readings {
                switch r {
                case .gap: filter.gapOccurred()
                case .sample(let s): out.append(filter.update(s))
                }
            }
            estimates = out
        }
        var text: [UInt8] = Array("t,qw,qx,qy,qz\n".utf8)
        text.reserveCapacity(times.count * 56 + 16)
        let t0 = times.first ?? 0
        for (t, q) in zip(times, estimates) {
            DecimalText.append(t - t0, decimals: 6, to: &text)
            for v in [q.w, q.x, q.y, q.z] {
                text.append(UInt8(ascii: ","))
                DecimalText.append(v, decimals: 9, to: &text)
            }
            text.append(UInt8(ascii: "\n"))
        }
        writeStandardOutput(text)
    }
}
