import FormcheckHistory
import Foundation
import Testing
@testable import formcheck

/// What `LiveRun` begins a live session with in the history, the same with one sensor as with two.
@Suite struct LiveRunTests {
    static let started = Date(timeIntervalSince1970: 1_764_600_000)

    /// `live --record s.evemu` (one sensor) used to begin its session with the path as typed,
    /// while the pair began with absolute paths: now both are absolute (`RecordingReference.path`
    /// says so), the same as the close writes them.
    @Test func oneSensorsRecordingIsKeptByItsAbsolutePathAsThePairs() {
        let cwd = FileManager.default.currentDirectoryPath
        let one = LiveRun.record(startedAt: Self.started, kind: .live, routine: nil,
                                 devices: [("Nintendo Switch Left Joy-Con IMU", "98:B6:E9:00:00:11")], painBefore: 4,
                                 recordings: ["s.evemu"])
        #expect(one.recordings.map(\.path) == [cwd + "/s.evemu"])
        #expect(one.devices == ["Nintendo Switch Left Joy-Con IMU (98:B6:E9:00:00:11)"])
        #expect(one.painBefore == 4 && one.kind == .live && one.routine == nil && one.startedAt == Self.started)
        let pair = LiveRun.record(startedAt: Self.started, kind: .routine, routine: "stretches",
                                  devices: [("Nintendo Switch Left Joy-Con IMU", "98:B6:E9:00:00:11"), ("Nintendo Switch Right Joy-Con IMU", nil)],
                                  painBefore: nil, recordings: ["p.left.evemu", "/tmp/p.right.evemu"])
        #expect(pair.recordings.map(\.path) == [cwd + "/p.left.evemu", "/tmp/p.right.evemu"])
        #expect(pair.devices == ["Nintendo Switch Left Joy-Con IMU (98:B6:E9:00:00:11)", "Nintendo Switch Right Joy-Con IMU"])
        #expect(pair.recordings.allSatisfy { $0.sha256 == nil && $0.bytes == nil }, "digests only at the close")
        // No recording: none kept.
        #expect(LiveRun.record(startedAt: Self.started, kind: .live, routine: nil, devices: [("X", nil)], painBefore: nil, recordings: []).recordings.isEmpty)
    }
}
