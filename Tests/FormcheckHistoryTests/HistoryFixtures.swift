import FormcheckFeedback
@testable import FormcheckHistory
import Foundation
import MotionCore

/// Records with every kind of content (holds, reps, errors, slips, steps, traces with unknown
/// values), and scratch folders.
enum HistoryFixtures {
    /// The package root, from this file's path (Tests/FormcheckHistoryTests/<this file>).
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// A folder for one test's files; `remove` deletes it.
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formcheck-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func remove(_ dir: URL) { try? FileManager.default.removeItem(at: dir) }

    /// 2025-03-10 (a Monday) 07:30 UTC plus `days` days and `hours` hours.
    static func date(days: Int = 0, hours: Double = 0) -> Date {
        Date(timeIntervalSince1970: 1_741_591_800 + Double(days) * 86_400 + hours * 3_600)
    }

    static func stretch(position: Int, side: Side, holds: [Double], start: Double, errors: [FormError] = []) -> ExerciseRecord {
        var t = start + 5
        var hs: [SessionSummary.Hold] = []
        for (i, d) in holds.enumerated() {
            hs.append(.init(rep: i + 1, side: side, start: t, end: t + d, duration: d, meanFlexion: 71.25, peakFlexion: 74.5,
                            complete: d >= 15))
            t += d + 10
        }
        let fe = errors.enumerated().map { SessionSummary.Error(t: start + 6 + Double($0.offset), kind: $0.element, rep: 1) }
        let summary = SessionSummary(t: t, exercise: "hamstring", side: side, holds: hs, formErrors: fe,
                                     strapSlips: [.init(t: start + 7.5, degrees: 21.5)])
        let trace = AngleTrace(start: start, rate: 10, flexion: [.nan, .nan, 10, 20.5, 71.25, 74.5, .nan, 30])
        return ExerciseRecord(position: position, step: position, exercise: "hamstring", side: side, ending: .done,
                              start: start, end: t, summary: summary, trace: trace)
    }

    static func bridge(position: Int, side: Side, start: Double, reps: Int) -> ExerciseRecord {
        var rs: [SessionSummary.Rep] = []
        for i in 0..<reps {
            let t = start + Double(i) * 4
            rs.append(SessionSummary.Rep(rep: i + 1, set: i < 5 ? 1 : 2, side: side, start: t, end: t + 3,
                                         peak: 28.5, range: 27.25, upSeconds: 1.25, downSeconds: 1.5, complete: i != 2))
        }
        let summary = SessionSummary(t: start + Double(reps) * 4, exercise: "bridge", side: side, holds: [],
                                     formErrors: [.init(t: start + 9, kind: .tooFast, rep: 3)], reps: rs)
        return ExerciseRecord(position: position, step: nil, exercise: "bridge", side: side, ending: .stopped,
                              start: start, end: summary.t, summary: summary, trace: nil)
    }

    static func walk(position: Int, start: Double, steps: Int, seconds: Double, metres: Double?) -> ExerciseRecord {
        let summary = SessionSummary(t: start + seconds, exercise: "walk", side: .right, holds: [],
                                     formErrors: [.init(t: start + 20, kind: .slowCadence)], steps: steps,
                                     cadence: Double(steps) / seconds * 60, walkingSeconds: seconds, distanceMeters: metres)
        return ExerciseRecord(position: position, exercise: "walk", side: .right, ending: .done, start: start,
                              end: start + seconds, summary: summary,
                              trace: AngleTrace(start: start, rate: 10, flexion: [1, 2, 3]))
    }

    /// A routine session as `begin` receives it (no exercise yet).
    static func routineSession(day: Int = 0, painBefore: Int? = 4) -> SessionRecord {
        SessionRecord(startedAt: date(days: day), kind: .routine, routine: "stretches",
                      devices: ["Nintendo Joy-Con (R) IMU (98:b6:e9:01:02:03)"], painBefore: painBefore,
                      recordings: [RecordingReference(path: "/tmp/r.evemu")])
    }

    /// True when the two lists of records are equal, traces compared bit for bit (NaN is NaN).
    static func same(_ a: [SessionRecord], _ b: [SessionRecord]) -> Bool {
        func key(_ s: [SessionRecord]) -> [SessionRecord] {
            s.map { r in
                var r = r
                r.exercises = r.exercises.map { e in
                    var e = e
                    e.trace = e.trace.map { AngleTrace(start: $0.start, rate: $0.rate, flexion: $0.flexion.map { $0.isNaN ? -9999 : $0 }) }
                    return e
                }
                return r
            }
        }
        return key(a) == key(b)
    }
}
