import FormcheckFeedback
import FormcheckHistory
import FormcheckReport
import Foundation
import MotionCore

/// Sessions written by hand, whose figures are known exactly: two weeks (Mon 2026-11-30 to Tue
/// 2026-12-08, London time) of stretches, bridges and walks with pain ratings. The expected figures
/// in the tests are worked out from these by hand, not by the report's code.
enum MadeSessions {
    static let zone = TimeZone(identifier: "Europe/London")!

    /// A moment in London: `"2026-11-30 08:00"`.
    static func date(_ text: String) -> Date {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = zone
        let p = text.split { $0 == "-" || $0 == " " || $0 == ":" }.compactMap { Int($0) }
        return c.date(from: DateComponents(year: p[0], month: p[1], day: p[2], hour: p[3], minute: p[4]))!
    }

    static func hold(_ rep: Int, _ start: Double, _ end: Double, peak: Double, complete: Bool = true, side: Side = .right) -> SessionSummary.Hold {
        SessionSummary.Hold(rep: rep, side: side, start: start, end: end, duration: end - start, meanFlexion: peak - 2, peakFlexion: peak, complete: complete)
    }

    static func stretch(_ position: Int, _ name: String, _ side: Side, start: Double, end: Double, holds: [SessionSummary.Hold],
                        errors: [SessionSummary.Error] = [], trace: AngleTrace? = nil) -> ExerciseRecord {
        let summary = SessionSummary(t: end, exercise: name, side: side, holds: holds, formErrors: errors)
        return ExerciseRecord(position: position, exercise: name, side: side, ending: .done, start: start, end: end, summary: summary, trace: trace)
    }

    /// `count` bridge reps of 4 s from `start`, 6 s apart; those in `incomplete` not complete.
    static func bridges(_ position: Int, start: Double, count: Int, incomplete: Set<Int> = [], errors: [SessionSummary.Error] = []) -> ExerciseRecord {
        let reps = (1...count).map { i in
            let t = start + 2 + Double(i - 1) * 6
            return SessionSummary.Rep(rep: i, set: 1, side: .right, start: t, end: t + 4, peak: 12, range: 33, upSeconds: 1.5, downSeconds: 2,
                                      complete: !incomplete.contains(i))
        }
        let end = start + 4 + Double(count) * 6
        var summary = SessionSummary(t: end, exercise: "bridge", side: .right, holds: [], formErrors: errors)
        summary.reps = reps
        return ExerciseRecord(position: position, exercise: "bridge", side: .right, ending: .done, start: start, end: end, summary: summary)
    }

    static func walk(_ position: Int, start: Double, seconds: Double, steps: Int, metres: Double?) -> ExerciseRecord {
        let summary = SessionSummary(t: start + seconds, exercise: "walk", side: .right, holds: [], formErrors: [], steps: steps,
                                     cadence: Double(steps) / seconds * 60, walkingSeconds: seconds, distanceMeters: metres)
        return ExerciseRecord(position: position, exercise: "walk", side: .right, ending: .done, start: start, end: start + seconds, summary: summary)
    }

    /// A 10 Hz trace from `start`: flat at `angle` (NaN from `gapFrom` for `gapCount` values).
    static func flatTrace(start: Double, seconds: Double, angle: Float, gapFrom: Int? = nil, gapCount: Int = 0) -> AngleTrace {
        var values = [Float](repeating: angle, count: Int(seconds * 10))
        if let g = gapFrom { for i in g..<min(values.count, g + gapCount) { values[i] = .nan } }
        return AngleTrace(start: start, rate: 10, flexion: values)
    }

    /// The two weeks:
    /// 1. Mon 30 Nov 08:00, routine: piriformis right (60 s complete, peak 86°; 25 s short, shortHold),
    ///    piriformis left (60 s complete, peak 74°), hamstring right (30 s complete). Pain 5 → 4.
    /// 2. Wed 2 Dec 18:30, bridges: 10 reps, rep 3 not complete (tooFast). Pain 4 → 4.
    /// 3. Thu 3 Dec 07:15, a walk: 3000 steps, 2400 m in 25 min. No pain given.
    /// 4. Tue 8 Dec 08:00, routine: piriformis right (60 + 60 s complete), 10 complete bridges, a walk of
    ///    4000 steps without a distance (the profile's 1.5 m stride: 3000 m). Pain 3 → 2.
    static let sessions: [SessionRecord] = [
        SessionRecord(id: 1, startedAt: date("2026-11-30 08:00"), endedAt: date("2026-11-30 08:20"), kind: .routine, state: .closed,
                      routine: "stretches", devices: ["Nintendo Switch Right Joy-Con IMU"], painBefore: 5, painAfter: 4, exercises: [
                          stretch(1, "piriformis", .right, start: 0, end: 130,
                                  holds: [hold(1, 10, 70, peak: 86), hold(2, 90, 115, peak: 84, complete: false)],
                                  errors: [SessionSummary.Error(t: 115, kind: .shortHold, rep: 2)],
                                  trace: flatTrace(start: 0, seconds: 130, angle: 80, gapFrom: 500, gapCount: 30)),
                          stretch(2, "piriformis", .left, start: 150, end: 240, holds: [hold(1, 160, 220, peak: 74, side: .left)]),
                          stretch(3, "hamstring", .right, start: 260, end: 310, holds: [hold(1, 270, 300, peak: 70)]),
                      ]),
        SessionRecord(id: 2, startedAt: date("2026-12-02 18:30"), endedAt: date("2026-12-02 18:35"), kind: .live, state: .closed,
                      devices: ["Sony DualSense"], painBefore: 4, painAfter: 4, exercises: [
                          bridges(1, start: 0, count: 10, incomplete: [3], errors: [SessionSummary.Error(t: 15, kind: .tooFast, rep: 3)]),
                      ]),
        SessionRecord(id: 3, startedAt: date("2026-12-03 07:15"), endedAt: date("2026-12-03 07:40"), kind: .live, state: .closed,
                      exercises: [walk(1, start: 0, seconds: 1500, steps: 3000, metres: 2400)]),
        SessionRecord(id: 4, startedAt: date("2026-12-08 08:00"), endedAt: date("2026-12-08 08:40"), kind: .routine, state: .open,
                      routine: "daily", painBefore: 3, painAfter: 2, exercises: [
                          stretch(1, "piriformis", .right, start: 0, end: 150, holds: [hold(1, 10, 70, peak: 85), hold(2, 80, 140, peak: 85)]),
                          bridges(2, start: 160, count: 10),
                          walk(3, start: 300, seconds: 1800, steps: 4000, metres: nil),
                      ]),
    ]

    static let profile = UserProfile(heightCentimetres: 178, strideMetres: 1.5, distanceUnit: .miles)

    static var protocols: [String: ExerciseProtocol] {
        var out: [String: ExerciseProtocol] = [:]
        for name in ["piriformis", "hamstring", "bridge", "walk"] { out[name] = try? ExerciseLibrary.named(name, environment: ["XDG_CONFIG_HOME": "/nonexistent-formcheck-test"]) }
        return out
    }

    static func input(_ sessions: [SessionRecord] = sessions, goals: [ReportDay: Double] = [:], period: ClosedRange<ReportDay>? = nil) -> ReportInput {
        ReportInput(sessions: sessions, profile: profile, protocols: protocols, dailyWalkingGoals: goals, period: period,
                    generatedAt: date("2026-12-09 09:30"), timeZone: zone)
    }
}
