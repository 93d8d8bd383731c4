import FormcheckFeedback
import Foundation
import GRDB
import MotionCore

extension HistoryStore {
    /// Every session that started at or after `since` (all when nil), oldest first, with its
    /// exercises in the order done; `traces: false` leaves out the angle traces (less to read).
    public func sessions(since: Date? = nil, traces: Bool = true) throws -> [SessionRecord] {
        try run { db in
            try load(db, where: "started_at >= ?", [since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude], traces: traces)
        }
    }

    /// The session with this id, nil when there is none.
    public func session(id: Int64) throws -> SessionRecord? {
        try run { db in try load(db, where: "id = ?", [id], traces: true).first }
    }

    /// The user's profile (the defaults until one was saved).
    public func profile() throws -> UserProfile {
        try run { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM profile WHERE id = 1") else { return UserProfile() }
            let unit: String = row["distance_unit"]
            return UserProfile(heightCentimetres: row["height_centimetres"], strideMetres: row["stride_metres"],
                               distanceUnit: try value(UserProfile.DistanceUnit(rawValue: unit), "profile.distance_unit", unit),
                               walkingGoalMetres: row["walking_goal_metres"])
        }
    }

    // MARK: - Rows

    /// A stored text that is not one of its type's values (the database was edited by hand).
    private func value<T>(_ v: T?, _ column: String, _ text: String) throws -> T {
        guard let v else {
            throw HistoryError(.corrupt, path: path, "\(column) holds '\(text)', which this formcheck does not know",
                               fix: "correct the row with sqlite3, or give another history with --db PATH")
        }
        return v
    }

    private func side(_ text: String, _ column: String) throws -> Side {
        try value(Side(rawValue: text), column, text)
    }

    /// The sessions matching `condition` (on table session), with everything under them.
    private func load(_ db: Database, where condition: String, _ arguments: StatementArguments, traces: Bool) throws -> [SessionRecord] {
        let chosen = "SELECT id FROM session WHERE \(condition)"
        var sessions: [SessionRecord] = []
        var index: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM session WHERE \(condition) ORDER BY started_at, id", arguments: arguments) {
            let kind: String = row["kind"], state: String = row["state"]
            let id: Int64 = row["id"]
            let started: Double = row["started_at"]
            let ended: Double? = row["ended_at"]
            index[id] = sessions.count
            sessions.append(SessionRecord(
                id: id, startedAt: Date(timeIntervalSince1970: started), endedAt: ended.map { Date(timeIntervalSince1970: $0) },
                kind: try value(SessionRecord.Kind(rawValue: kind), "session.kind", kind),
                state: try value(SessionRecord.State(rawValue: state), "session.state", state),
                routine: row["routine"], painBefore: row["pain_before"], painAfter: row["pain_after"]))
        }
        guard !sessions.isEmpty else { return [] }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM session_device WHERE session_id IN (\(chosen)) ORDER BY session_id, position",
                                    arguments: arguments) {
            if let i = index[row["session_id"]] { sessions[i].devices.append(row["name"]) }
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM recording WHERE session_id IN (\(chosen)) ORDER BY session_id, position",
                                    arguments: arguments) {
            if let i = index[row["session_id"]] {
                sessions[i].recordings.append(RecordingReference(path: row["path"], sha256: row["sha256"], bytes: row["bytes"]))
            }
        }
        // The exercises' details, grouped by exercise id.
        let exercises = "SELECT id FROM exercise WHERE session_id IN (\(chosen))"
        var holds: [Int64: [SessionSummary.Hold]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM hold WHERE exercise_id IN (\(exercises)) ORDER BY exercise_id, position",
                                    arguments: arguments) {
            holds[row["exercise_id"], default: []].append(SessionSummary.Hold(
                rep: row["rep"], side: try side(row["side"], "hold.side"), start: row["start_seconds"], end: row["end_seconds"],
                duration: row["duration"], meanFlexion: row["mean_flexion"], peakFlexion: row["peak_flexion"], complete: row["complete"]))
        }
        var reps: [Int64: [SessionSummary.Rep]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM rep WHERE exercise_id IN (\(exercises)) ORDER BY exercise_id, position",
                                    arguments: arguments) {
            reps[row["exercise_id"], default: []].append(SessionSummary.Rep(
                rep: row["rep"], set: row["set_number"], side: try side(row["side"], "rep.side"), start: row["start_seconds"],
                end: row["end_seconds"], peak: row["peak"], range: row["range"], upSeconds: row["up_seconds"],
                downSeconds: row["down_seconds"], complete: row["complete"]))
        }
        var errors: [Int64: [SessionSummary.Error]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM form_error WHERE exercise_id IN (\(exercises)) ORDER BY exercise_id, position",
                                    arguments: arguments) {
            let kind: String = row["kind"]
            errors[row["exercise_id"], default: []].append(SessionSummary.Error(
                t: row["t"], kind: try value(FormError(rawValue: kind), "form_error.kind", kind), rep: row["rep"]))
        }
        var slips: [Int64: [SessionSummary.Slip]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM strap_slip WHERE exercise_id IN (\(exercises)) ORDER BY exercise_id, position",
                                    arguments: arguments) {
            slips[row["exercise_id"], default: []].append(SessionSummary.Slip(t: row["t"], degrees: row["degrees"]))
        }
        let columns = traces ? "*" : "id, session_id, position, step, exercise, side, ending, start_seconds, end_seconds, summary_seconds, "
            + "counts_reps, steps, cadence, walking_seconds, distance_meters"
        for row in try Row.fetchAll(db, sql: "SELECT \(columns) FROM exercise WHERE session_id IN (\(chosen)) ORDER BY session_id, position",
                                    arguments: arguments) {
            guard let i = index[row["session_id"]] else { continue }
            let id: Int64 = row["id"]
            let name: String = row["exercise"], ending: String = row["ending"]
            let side = try side(row["side"], "exercise.side")
            let countsReps: Bool = row["counts_reps"]
            let summary = SessionSummary(
                t: row["summary_seconds"], exercise: name, side: side, holds: holds[id] ?? [], formErrors: errors[id] ?? [],
                strapSlips: slips[id] ?? [], reps: countsReps ? reps[id] ?? [] : nil, steps: row["steps"], cadence: row["cadence"],
                walkingSeconds: row["walking_seconds"], distanceMeters: row["distance_meters"])
            var trace: AngleTrace?
            if traces, let start: Double = row["trace_start"], let rate: Double = row["trace_rate"], let blob: Data = row["trace"] {
                guard let values = TraceBlob.values(blob) else {
                    throw HistoryError(.corrupt, path: path, "exercise \(id)'s trace is \(blob.count) bytes, not a whole number of 4-byte values",
                                       fix: "clear it with sqlite3 (UPDATE exercise SET trace = NULL WHERE id = \(id)), or give another history with --db PATH")
                }
                trace = AngleTrace(start: start, rate: rate, flexion: values)
            }
            sessions[i].exercises.append(ExerciseRecord(
                position: row["position"], step: row["step"], exercise: name, side: side,
                ending: try value(ExerciseRecord.Ending(rawValue: ending), "exercise.ending", ending),
                start: row["start_seconds"], end: row["end_seconds"], summary: summary, trace: trace))
        }
        return sessions
    }
}
