import GRDB

/// The history database's tables, built by versioned migrations (GRDB's `DatabaseMigrator`: each
/// applied migration's identifier is kept in `grdb_migrations`). A migration, once released, is
/// never changed: a new table or column is a new migration at the end. A database with a migration
/// this build does not know was made by a newer formcheck and is refused (`HistoryError.newer`).
///
/// The tables are plain and normalised, for `sqlite3 history.sqlite` too. Times: `started_at` and
/// `ended_at` are seconds since 1970-01-01 UTC (`datetime(started_at, 'unixepoch', 'localtime')`);
/// every other time is seconds on the session's clock (since its first sample). Angles in degrees.
///
///     session(id, started_at, ended_at, kind live|routine|replay, state open|closed, routine,
///             pain_before 0–10, pain_after 0–10)
///     session_device(session_id, position, name)          evdev name (uniq)
///     recording(session_id, position, path, sha256, bytes)
///     exercise(id, session_id, position, step, exercise, side, ending done|skipped|repeated|stopped,
///              start_seconds, end_seconds, summary_seconds, counts_reps, steps, cadence,
///              walking_seconds, distance_meters, trace_start, trace_rate, trace)
///     hold(exercise_id, position, rep, side, start_seconds, end_seconds, duration, mean_flexion,
///          peak_flexion, complete)
///     rep(exercise_id, position, rep, set_number, side, start_seconds, end_seconds, peak, range,
///         up_seconds, down_seconds, complete)
///     form_error(exercise_id, position, t, kind, rep)
///     strap_slip(exercise_id, position, t, degrees)
///     profile(id = 1, height_centimetres, stride_metres, distance_unit, walking_goal_metres)   (v2)
///
/// `trace` is the thigh's flexion at `trace_rate` Hz from `trace_start`: little-endian 32-bit
/// floats, NaN where unknown. `counts_reps` is 1 for an exercise that counts reps (strengthening:
/// its `rep` rows, maybe none) and 0 for one that does not (stretches, walking).
enum HistorySchema {
    /// The migrations in order. The first release has two, so that the upgrade path is exercised
    /// from the start (a v1 database is migrated to v2 by `HistoryMigrationTests`).
    static let identifiers = ["v1-sessions", "v2-profile"]

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-sessions") { db in
            try db.execute(sql: """
                CREATE TABLE session (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    started_at REAL NOT NULL,
                    ended_at REAL,
                    kind TEXT NOT NULL CHECK (kind IN ('live', 'routine', 'replay')),
                    state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
                    routine TEXT,
                    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
                    pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10)
                );
                CREATE INDEX session_started_at ON session(started_at);
                CREATE TABLE session_device (
                    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    PRIMARY KEY (session_id, position)
                );
                CREATE TABLE recording (
                    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    path TEXT NOT NULL,
                    sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
                    bytes INTEGER,
                    PRIMARY KEY (session_id, position)
                );
                CREATE TABLE exercise (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    step INTEGER,
                    exercise TEXT NOT NULL,
                    side TEXT NOT NULL CHECK (side IN ('left', 'right')),
                    ending TEXT NOT NULL CHECK (ending IN ('done', 'skipped', 'repeated', 'stopped')),
                    start_seconds REAL NOT NULL,
                    end_seconds REAL NOT NULL,
                    summary_seconds REAL NOT NULL,
                    counts_reps INTEGER NOT NULL CHECK (counts_reps IN (0, 1)),
                    steps INTEGER,
                    cadence REAL,
                    walking_seconds REAL,
                    distance_meters REAL,
                    trace_start REAL,
                    trace_rate REAL CHECK (trace_rate IS NULL OR trace_rate > 0),
                    trace BLOB,
                    UNIQUE (session_id, position)
                );
                CREATE TABLE hold (
                    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    rep INTEGER NOT NULL,
                    side TEXT NOT NULL,
                    start_seconds REAL NOT NULL,
                    end_seconds REAL NOT NULL,
                    duration REAL NOT NULL,
                    mean_flexion REAL NOT NULL,
                    peak_flexion REAL NOT NULL,
                    complete INTEGER NOT NULL,
                    PRIMARY KEY (exercise_id, position)
                );
                CREATE TABLE rep (
                    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    rep INTEGER NOT NULL,
                    set_number INTEGER NOT NULL,
                    side TEXT NOT NULL,
                    start_seconds REAL NOT NULL,
                    end_seconds REAL NOT NULL,
                    peak REAL NOT NULL,
                    range REAL NOT NULL,
                    up_seconds REAL NOT NULL,
                    down_seconds REAL NOT NULL,
                    complete INTEGER NOT NULL,
                    PRIMARY KEY (exercise_id, position)
                );
                CREATE TABLE form_error (
                    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    t REAL NOT NULL,
                    kind TEXT NOT NULL,
                    rep INTEGER,
                    PRIMARY KEY (exercise_id, position)
                );
                CREATE TABLE strap_slip (
                    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    t REAL NOT NULL,
                    degrees REAL NOT NULL,
                    PRIMARY KEY (exercise_id, position)
                );
                """)
        }
        m.registerMigration("v2-profile") { db in
            try db.execute(sql: """
                CREATE TABLE profile (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    height_centimetres REAL,
                    stride_metres REAL,
                    distance_unit TEXT NOT NULL CHECK (distance_unit IN ('miles', 'km')),
                    walking_goal_metres REAL NOT NULL CHECK (walking_goal_metres > 0)
                );
                """)
        }
        return m
    }
}
