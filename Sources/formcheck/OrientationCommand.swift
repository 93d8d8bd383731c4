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
        let recording: Recording
        do { recording = try csvUnits.open(file) } catch { throw fail(error) }
        var output = CSVOutput()
        output.append("t,qw,qx,qy,qz\n")
        switch mode {
        case .replay:
            // The smoother needs the whole recording (it runs backwards too).
            let readings: [SensorReading]
            do { readings = try recording.readAll().readings } catch { throw fail(error) }
            let estimates = OrientationSmoother.estimate(readings)
            var k = 0
            var t0: Double?
            for case .sample(let s) in readings where k < estimates.count {
                let start = t0 ?? s.time
                t0 = start
                Self.row(s.time - start, estimates[k], to: &output)
                k += 1
            }
        case .live:
            // Streamed: each sample filtered and written as it is read, in fixed memory.
            var filter = OrientationFilter()
            var t0: Double?
            do {
                _ = try recording.forEachReading { r in
                    switch r {
                    case .gap: filter.gapOccurred()
                    case .sample(let s):
                        let q = filter.update(s)
                        let start = t0 ?? s.time
                        t0 = start
                        Self.row(s.time - start, q, to: &output)
                    }
                }
            } catch { throw fail(error) }
        }
        output.flush()
    }

    /// One row: t (s, 6 decimals) and the quaternion (9 decimals).
    private static func row(_ t: Double, _ q: Quaternion, to output: inout CSVOutput) {
        output.number(t, decimals: 6)
        output.comma()
        output.number(q.w, decimals: 9)
        output.comma()
        output.number(q.x, decimals: 9)
        output.comma()
        output.number(q.y, decimals: 9)
        output.comma()
        output.number(q.z, decimals: 9)
        output.newline()
    }
}
