import FormcheckFeedback
@testable import FormcheckHistory
import Foundation
import MotionCore
import Testing

/// The store: a session written as it goes comes back as it was written — every hold, rep, error,
/// slip, step and trace value — and what it refuses.
@Suite struct HistoryStoreTests {
    @Test func aSessionWrittenAsItGoesComesBackWhole() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let path = dir.path + "/a/b/history.sqlite"  // folders made as needed
        let store = try HistoryStore(path: path)
        let begun = HistoryFixtures.routineSession()
        let id = try store.begin(begun)
        let exercises = [
            HistoryFixtures.stretch(position: 1, side: .right, holds: [20.5, 12.25], start: 0, errors: [.shallow, .bouncing]),
            HistoryFixtures.bridge(position: 2, side: .left, start: 60, reps: 7),
            HistoryFixtures.walk(position: 3, start: 120, steps: 112, seconds: 59.9, metres: 71.5),
        ]
        // Open while it runs: what is written so far is there.
        try store.append(exercises[0], session: id)
        let sofar = try #require(try store.session(id: id))
        #expect(sofar.state == .open && sofar.endedAt == nil)
        #expect(HistoryFixtures.same([sofar], [SessionRecord(id: id, startedAt: begun.startedAt, kind: .routine, routine: "stretches",
                                                             devices: begun.devices, painBefore: 4, recordings: begun.recordings,
                                                             exercises: [exercises[0]])]))
        try store.append(exercises[1], session: id)
        try store.append(exercises[2], session: id)
        let digest = RecordingReference(path: "/tmp/r.evemu", sha256: String(repeating: "ab", count: 32), bytes: 123_456)
        let end = HistoryFixtures.date(hours: 0.25)
        try store.close(session: id, endedAt: end, painAfter: 3, recordings: [digest])

        var expected = begun
        expected.id = id
        expected.endedAt = end
        expected.state = .closed
        expected.painAfter = 3
        expected.recordings = [digest]
        expected.exercises = exercises
        let back = try #require(try store.session(id: id))
        #expect(HistoryFixtures.same([back], [expected]))
        // The details that equality could hide: nil against empty reps, the NaN of unknown angles.
        #expect(back.exercises[0].summary.reps == nil)
        #expect(back.exercises[1].summary.reps?.count == 7 && back.exercises[1].summary.reps?[2].complete == false)
        #expect(back.exercises[0].trace?.flexion.map(\.isNaN) == [true, true, false, false, false, false, true, false])
        #expect(back.exercises[0].trace?.flexion[3] == 20.5)
        #expect(back.startedAt == begun.startedAt)  // to the bit: seconds since 1970 as a double

        // A second opening (another process, later) reads the same.
        let again = try HistoryStore(path: path)
        #expect(HistoryFixtures.same(try again.sessions(), [expected]))
        #expect(try again.session(id: id + 1) == nil)
    }

    @Test func sessionsSinceADateOldestFirstWithoutTracesWhenAsked() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let store = try HistoryStore(path: dir.path + "/h.sqlite")
        // Begun out of order: read back by their start.
        let third = try store.begin(HistoryFixtures.routineSession(day: 2))
        let first = try store.begin(HistoryFixtures.routineSession(day: 0))
        let second = try store.begin(SessionRecord(startedAt: HistoryFixtures.date(days: 1), kind: .live,
                                                   exercises: [HistoryFixtures.walk(position: 1, start: 0, steps: 10, seconds: 8, metres: nil)]))
        #expect(try store.sessions().map(\.id) == [first, second, third])
        #expect(try store.sessions(since: HistoryFixtures.date(days: 1)).map(\.id) == [second, third])
        // The start itself is included; a second later it is not.
        #expect(try store.sessions(since: HistoryFixtures.date(days: 1, hours: 1.0 / 3600)).map(\.id) == [third])
        let light = try store.sessions(traces: false)
        #expect(light[1].exercises.count == 1 && light[1].exercises[0].trace == nil && light[1].exercises[0].summary.steps == 10)
        #expect(try store.sessions()[1].exercises[0].trace?.flexion == [1, 2, 3])
    }

    @Test func theProfileIsTheDefaultsUntilSaved() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let store = try HistoryStore(path: dir.path + "/h.sqlite")
        #expect(try store.profile() == UserProfile())
        #expect(try store.profile().walkingGoalMetres == 4828.032)
        let mine = UserProfile(heightCentimetres: 172.5, strideMetres: 1.42, distanceUnit: .km, walkingGoalMetres: 3000)
        try store.saveProfile(mine)
        #expect(try store.profile() == mine)
        var changed = mine
        changed.strideMetres = nil
        try store.saveProfile(changed)
        #expect(try HistoryStore(path: dir.path + "/h.sqlite").profile() == changed)
        #expect(throws: HistoryError.self) { try store.saveProfile(UserProfile(walkingGoalMetres: 0)) }
    }

    /// Pain is 0–10: 10 is kept, 11 and -1 are refused with what pain is.
    @Test func painOutsideZeroToTenIsRefused() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let store = try HistoryStore(path: dir.path + "/h.sqlite")
        let id = try store.begin(HistoryFixtures.routineSession(painBefore: 10))
        #expect(try store.session(id: id)?.painBefore == 10)
        for bad in [11, -1] {
            let e = try #require(throws: HistoryError.self) { try store.begin(HistoryFixtures.routineSession(painBefore: bad)) }
            #expect(e.kind == .invalid && e.message.contains("0 (none) to 10"))
            #expect(e.exitStatus == 65)
            #expect(throws: HistoryError.self) { try store.close(session: id, endedAt: Date(), painAfter: bad, recordings: []) }
        }
        #expect(try store.sessions().count == 1)
        // close(painAfter: nil) leaves what is stored; recordings: [] leaves the stored ones.
        let other = try store.begin(SessionRecord(startedAt: Date(), kind: .replay, painAfter: 2,
                                                  recordings: [RecordingReference(path: "/x.evemu")]))
        try store.close(session: other, endedAt: Date(), painAfter: nil, recordings: [])
        #expect(try store.session(id: other)?.painAfter == 2)
        #expect(try store.session(id: other)?.recordings == [RecordingReference(path: "/x.evemu")])
    }

    @Test func writingToASessionThatIsNotThereIsAnError() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let store = try HistoryStore(path: dir.path + "/h.sqlite")
        let e = try #require(throws: HistoryError.self) {
            try store.append(HistoryFixtures.walk(position: 1, start: 0, steps: 1, seconds: 1, metres: nil), session: 42)
        }
        #expect(e.kind == .invalid && e.description == dir.path + "/h.sqlite: no session 42 in this history")
        #expect(throws: HistoryError.self) { try store.close(session: 42, endedAt: Date(), painAfter: nil, recordings: []) }
        // The same position twice in one session is refused, and the first is kept.
        let id = try store.begin(HistoryFixtures.routineSession())
        try store.append(HistoryFixtures.walk(position: 1, start: 0, steps: 5, seconds: 4, metres: nil), session: id)
        #expect(throws: HistoryError.self) {
            try store.append(HistoryFixtures.walk(position: 1, start: 0, steps: 9, seconds: 4, metres: nil), session: id)
        }
        #expect(try store.session(id: id)?.exercises.map(\.summary.steps) == [5])
    }

    @Test func theDefaultPathFollowsXDG() {
        #expect(HistoryStore.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]) == "/data/formcheck/history.sqlite")
        #expect(HistoryStore.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/formcheck/history.sqlite")
        // A relative XDG_DATA_HOME is invalid (XDG base directories): ignored.
        #expect(HistoryStore.defaultPath(environment: ["XDG_DATA_HOME": "data", "HOME": "/home/u"]) == "/home/u/.local/share/formcheck/history.sqlite")
    }
}
