import Foundation
import GRDB

extension HistoryStore {
    /// Inserts a session (its devices, recordings and any exercises it already has) and returns its
    /// id. `state` and `endedAt` are stored as given (a session about to run is `open`).
    @discardableResult
    public func begin(_ record: SessionRecord) throws -> Int64 {
        try checkPain(record.painBefore, "before")
        try checkPain(record.painAfter, "after")
        return try write { db in
            try db.execute(sql: """
                INSERT INTO session (started_at, ended_at, kind, state, routine, pain_before, pain_after)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.startedAt.timeIntervalSince1970, record.endedAt?.timeIntervalSince1970,
                                 record.kind.rawValue, record.state.rawValue, record.routine, record.painBefore, record.painAfter])
            let id = db.lastInsertedRowID
            for (i, device) in record.devices.enumerated() {
                try db.execute(sql: "INSERT INTO session_device (session_id, position, name) VALUES (?, ?, ?)",
                               arguments: [id, i + 1, device])
            }
            try insertRecordings(record.recordings, session: id, db)
            for e in record.exercises { try insert(e, session: id, db) }
            return id
        }
    }

    /// Adds a finished exercise to session `session`, in one transaction. The summary's exercise
    /// and side are the record's (one of each is stored).
    public func append(_ exercise: ExerciseRecord, session: Int64) throws {
        try write { db in
            try requireSession(session, db)
            try insert(exercise, session: session, db)
        }
    }

    /// Closes session `session`: `state` closed, its end, the pain after it (nil: leaves what is
    /// stored) and its recordings (with their digests; an empty list leaves the stored ones).
    public func close(session: Int64, endedAt: Date, painAfter: Int?, recordings: [RecordingReference]) throws {
        try checkPain(painAfter, "after")
        try write { db in
            try requireSession(session, db)
            try db.execute(sql: "UPDATE session SET state = 'closed', ended_at = ?, pain_after = coalesce(?, pain_after) WHERE id = ?",
                           arguments: [endedAt.timeIntervalSince1970, painAfter, session])
            if !recordings.isEmpty {
                try db.execute(sql: "DELETE FROM recording WHERE session_id = ?", arguments: [session])
                try insertRecordings(recordings, session: session, db)
            }
        }
    }

    /// Stores the user's profile (one row).
    public func saveProfile(_ profile: UserProfile) throws {
        guard profile.walkingGoalMetres > 0, profile.walkingGoalMetres.isFinite else {
            throw HistoryError(.invalid, path: path, "a walking goal of \(profile.walkingGoalMetres) m: it must be more than 0")
        }
        try write { db in
            try db.execute(sql: """
                INSERT INTO profile (id, height_centimetres, stride_metres, distance_unit, walking_goal_metres)
                VALUES (1, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET height_centimetres = excluded.height_centimetres,
                    stride_metres = excluded.stride_metres, distance_unit = excluded.distance_unit,
                    walking_goal_metres = excluded.walking_goal_metres
                """, arguments: [profile.heightCentimetres, profile.strideMetres, profile.distanceUnit.rawValue,
                                 profile.walkingGoalMetres])
        }
    }

    // MARK: - Rows

    private func checkPain(_ pain: Int?, _ when: String) throws {
        if let pain, !(0...10).contains(pain) {
            throw HistoryError(.invalid, path: path, "a pain \(when) of \(pain): pain is 0 (none) to 10 (the worst imaginable)")
        }
    }

    private func requireSession(_ id: Int64, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM session WHERE id = ?", arguments: [id]) != nil else {
            throw HistoryError(.invalid, path: path, "no session \(id) in this history")
        }
    }

    private func insertRecordings(_ recordings: [RecordingReference], session: Int64, _ db: Database) throws {
        for (i, r) in recordings.enumerated() {
            try db.execute(sql: "INSERT INTO recording (session_id, position, path, sha256, bytes) VALUES (?, ?, ?, ?, ?)",
                           arguments: [session, i + 1, r.path, r.sha256, r.bytes])
        }
    }

    private func insert(_ e: ExerciseRecord, session: Int64, _ db: Database) throws {
        let s = e.summary
        try db.execute(sql: """
            INSERT INTO exercise (session_id, position, step, exercise, side, ending, start_seconds, end_seconds,
                summary_seconds, counts_reps, steps, cadence, walking_seconds, distance_meters, trace_start, trace_rate, trace)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [session, e.position, e.step, e.exercise, e.side.rawValue, e.ending.rawValue, e.start, e.end,
                             s.t, s.reps != nil, s.steps, s.cadence, s.walkingSeconds, s.distanceMeters,
                             e.trace?.start, e.trace?.rate, e.trace.map { TraceBlob.data($0.flexion) }])
        let id = db.lastInsertedRowID
        for (i, h) in s.holds.enumerated() {
            try db.execute(sql: """
                INSERT INTO hold (exercise_id, position, rep, side, start_seconds, end_seconds, duration, mean_flexion, peak_flexion, complete)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, i + 1, h.rep, h.side.rawValue, h.start, h.end, h.duration, h.meanFlexion, h.peakFlexion, h.complete])
        }
        for (i, r) in (s.reps ?? []).enumerated() {
            try db.execute(sql: """
                INSERT INTO rep (exercise_id, position, rep, set_number, side, start_seconds, end_seconds, peak, range,
                    up_seconds, down_seconds, complete)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, i + 1, r.rep, r.set, r.side.rawValue, r.start, r.end, r.peak, r.range,
                                 r.upSeconds, r.downSeconds, r.complete])
        }
        for (i, f) in s.formErrors.enumerated() {
            try db.execute(sql: "INSERT INTO form_error (exercise_id, position, t, kind, rep) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, i + 1, f.t, f.kind.rawValue, f.rep])
        }
        for (i, slip) in s.strapSlips.enumerated() {
            try db.execute(sql: "INSERT INTO strap_slip (exercise_id, position, t, degrees) VALUES (?, ?, ?, ?)",
                           arguments: [id, i + 1, slip.t, slip.degrees])
        }
    }
}
