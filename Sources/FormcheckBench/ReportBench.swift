import FormcheckFeedback
import FormcheckHistory
import FormcheckReport
import Foundation
import MotionCore

/// The report of a month of daily routines: 30 sessions of the piriformis (2 × 60 s) and the
/// hamstring (3 × 30 s) on each leg, 2 × 10 bridges and a 30-minute walk, every exercise with its
/// 10 Hz flexion trace (25 400 values a day, 762 000 in all), made into HTML (`HTMLReport.html`).
@MainActor func benchReport() {
    func trace(_ seconds: Double, level: Double, phase: Double) -> AngleTrace {
        var values: [Float] = []
        for i in 0..<Int(seconds * 10) {
            let x = Double(i)
            let slow: Double = 20 * sin(x / 80 + phase)
            let sway: Double = 0.3 * sin(x * 1.7)
            values.append(Float(level + slow + sway))
        }
        return AngleTrace(start: 0, rate: 10, flexion: values)
    }
    func stretch(_ position: Int, _ name: String, _ side: Side, holds: Int, seconds: Double, day: Int) -> ExerciseRecord {
        let span = Double(holds) * (seconds + 15)
        let hs = (0..<holds).map { i in
            SessionSummary.Hold(rep: i + 1, side: side, start: 5 + Double(i) * (seconds + 15), end: 5 + Double(i) * (seconds + 15) + seconds,
                                duration: seconds, meanFlexion: 70, peakFlexion: 72 + Double(day % 5), complete: i != 1 || day % 7 != 0)
        }
        let errors = day % 3 == 0 ? [SessionSummary.Error(t: 20, kind: .bouncing, rep: 1)] : []
        return ExerciseRecord(position: position, exercise: name, side: side, ending: .done, start: 0, end: span,
                              summary: SessionSummary(t: span, exercise: name, side: side, holds: hs, formErrors: errors),
                              trace: trace(span, level: 60, phase: Double(day)))
    }
    let start = Date(timeIntervalSince1970: 1_794_038_400)  // 2026-11-07 08:00 UTC
    let sessions = (0..<30).map { day -> SessionRecord in
        let reps = (1...20).map { i in
            SessionSummary.Rep(rep: i, set: i <= 10 ? 1 : 2, side: .right, start: Double(i) * 9, end: Double(i) * 9 + 6, peak: 12, range: 33,
                               upSeconds: 2, downSeconds: 2, complete: i % 9 != 0)
        }
        let bridge = ExerciseRecord(position: 5, exercise: "bridge", side: .right, ending: .done, start: 0, end: 200,
                                    summary: SessionSummary(t: 200, exercise: "bridge", side: .right, holds: [],
                                                            formErrors: [SessionSummary.Error(t: 40, kind: .tooFast, rep: 4)], reps: reps),
                                    trace: trace(200, level: 30, phase: 1))
        let walk = ExerciseRecord(position: 6, exercise: "walk", side: .right, ending: .done, start: 0, end: 1800,
                                  summary: SessionSummary(t: 1800, exercise: "walk", side: .right, holds: [], formErrors: [], steps: 3300,
                                                          cadence: 110, walkingSeconds: 1790, distanceMeters: 2500 + Double(day) * 20),
                                  trace: trace(1800, level: 5, phase: 2))
        return SessionRecord(id: Int64(day + 1), startedAt: start.addingTimeInterval(Double(day) * 86_400), endedAt: nil, kind: .routine,
                             state: .closed, routine: "daily", devices: ["Nintendo Switch Right Joy-Con IMU"], painBefore: 5 - day / 10,
                             painAfter: 4 - day / 10, exercises: [
                                 stretch(1, "piriformis", .right, holds: 2, seconds: 60, day: day),
                                 stretch(2, "piriformis", .left, holds: 2, seconds: 60, day: day),
                                 stretch(3, "hamstring", .right, holds: 3, seconds: 30, day: day),
                                 stretch(4, "hamstring", .left, holds: 3, seconds: 30, day: day), bridge, walk,
                             ])
    }
    var protocols: [String: ExerciseProtocol] = [:]
    for name in ["piriformis", "hamstring", "bridge", "walk"] { protocols[name] = try? ExerciseLibrary.named(name, environment: [:]) }
    let input = ReportInput(sessions: sessions, profile: UserProfile(heightCentimetres: 175), protocols: protocols,
                            generatedAt: start.addingTimeInterval(31 * 86_400), timeZone: TimeZone(identifier: "UTC") ?? .current)
    let values = sessions.reduce(0) { $0 + $1.exercises.reduce(0) { $0 + ($1.trace?.flexion.count ?? 0) } }
    var bytes = 0
    let times = measure { bytes = HTMLReport.html(input).utf8.count }
    print("the report of a month, \(runs) runs: 30 sessions, 180 exercises, \(values) trace values → \(format(Double(bytes) / 1e6, 2)) MB of HTML")
    print(label("  HTMLReport.html") + "min " + format(times[0] / 1e6, 1) + "  median " + format(times[times.count / 2] / 1e6, 1) + " ms")
}
