import Foundation
import FormcheckFeedback

/// One session as the history keeps it: a `live` or `routine` session, or a `replay --save`.
/// Written as the session goes — the record first, then each exercise as it finishes — so a session
/// cut short (Ctrl-C, unplug, kill -9) keeps every exercise it finished (`state` stays `open` when
/// the process died before it could close the record).
public struct SessionRecord: Sendable, Hashable, Codable {
    /// How the session was run.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case live
        case routine
        case replay
    }

    /// Whether the session was closed.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Still running, or its process died before it closed the record (kill -9, power cut).
        case open
        /// Ended normally: its dose done, stopped (Ctrl-C, the recording ended, the device went away).
        case closed
    }

    /// The store's id (nil before it is inserted).
    public var id: Int64?
    /// Wall-clock start of the session (for a replay: the `--date` given, else the recording's
    /// modification time).
    public var startedAt: Date
    /// Wall-clock end (nil while open).
    public var endedAt: Date?
    public var kind: Kind
    public var state: State
    /// The routine's name (`routine`, `replay --routine`), nil for a single exercise.
    public var routine: String?
    /// The devices read: the evdev name and, when the device has one, its uniq (e.g. the MAC).
    public var devices: [String]
    /// Pain 0–10 before and after the session (nil: not asked, or skipped).
    public var painBefore: Int?
    public var painAfter: Int?
    /// The recordings made or replayed (`--record`, the replayed files).
    public var recordings: [RecordingReference]
    /// Every exercise finished, in the order done.
    public var exercises: [ExerciseRecord]

    public init(
        id: Int64? = nil, startedAt: Date, endedAt: Date? = nil, kind: Kind, state: State = .open,
        routine: String? = nil, devices: [String] = [], painBefore: Int? = nil, painAfter: Int? = nil,
        recordings: [RecordingReference] = [], exercises: [ExerciseRecord] = []
    ) {
        self.id = id
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.kind = kind
        self.state = state
        self.routine = routine
        self.devices = devices
        self.painBefore = painBefore
        self.painAfter = painAfter
        self.recordings = recordings
        self.exercises = exercises
    }
}
