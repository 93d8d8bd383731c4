import FormcheckDevices
import FormcheckFormats
import MotionCore

/// Runs a guided routine on two sensors at once — one on each thigh — the way `formcheck routine
/// NAME LEFT RIGHT` does: each node's raw events appended to its own recording as they come,
/// decoded and put on the kernel clock (`PairedFeed`), the two streams taken in the order of their
/// times (`PairedReadingMerge`) through a `PairedRoutineSession`, the keys pressed taken before
/// each reading. A sensor that goes away leaves the other leg's coaching going: it is said, the
/// other sensor's readings stop waiting for it, the session is told (`sensorGone`: a step it led
/// on both legs goes on from the other), and it is waited for by its uniq (its recording marks
/// the gap, as one sensor's does; `sensorBack` when it is found). The routine ends when it is done, when both streams have
/// ended (Ctrl-C stops both), or when both sensors are gone for good; its summary comes last.
public struct PairedRoutineRunner<Estimator: OrientationEstimator> {
    public var session: PairedRoutineSession<Estimator>
    /// Each sensor's recording (none: not recorded).
    public let recordings: [Side: RecordingFile]
    /// Where the skip and repeat keys go (from any thread).
    public let keys: RoutineKeys
    /// The sensors that went away and did not come back.
    public private(set) var lost: Set<Side> = []
    /// True when a sensor went away and did not come back.
    public var deviceLost: Bool { !lost.isEmpty }

    public init(session: PairedRoutineSession<Estimator>, recordings: [Side: RecordingFile] = [:], keys: RoutineKeys = RoutineKeys()) {
        self.session = session
        self.recordings = recordings
        self.keys = keys
    }

    /// What the two sensors' readers tell the routine, in the order it happened.
    private enum Message: Sendable {
        case event(Side, InputEvent)
        /// The device went away; it is being waited for by this uniq.
        case gone(Side, uniq: String)
        case back(Side, LiveConnection)
        /// Gone for good (no uniq to wait for, or the wait gave up).
        case lost(Side)
        /// The stream ended (stopped).
        case ended(Side)
        case failed(Side, InputError)
    }

    /// Runs until the routine is done, both streams end, or both sensors are gone for good.
    /// - Parameters:
    ///   - connections: the left thigh's sensor and the right's;
    ///   - reconnect: waits for the device of that side with this uniq to come back; nil return: gone for good;
    ///   - emit: every routine event as it happens, with the status after it;
    ///   - progress: after every sample, the routine's status (for a live view);
    ///   - sampled: after every sample, its leg, the routine's clock (s) and that leg's flexion (degrees; nil: not known);
    ///   - notice: messages for the person ("the left sensor disappeared…");
    ///   - recorded: called once, when both recordings have their first event (the session file can be written).
    /// - Returns: the routine's summary (also emitted last).
    public mutating func run(
        left: LiveConnection, right: LiveConnection,
        reconnect: (@Sendable (Side, String) async throws -> LiveConnection?)?,
        emit: (RoutineEvent, RoutineStatus) -> Void,
        progress: (RoutineStatus) -> Void = { _ in },
        sampled: (Side, Double, Double?) -> Void = { _, _, _ in },
        notice: (String) -> Void,
        recorded: () -> Void = {}
    ) async throws -> RoutineSummary {
        var feeds: [Side: PairedFeed] = [:]
        for (side, c) in [(Side.left, left), (.right, right)] {
            feeds[side] = try PairedFeed(side: side, description: c.description, path: c.path, initialValues: c.initialValues)
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Message.self)
        let readers = [(Side.left, left), (.right, right)].map { side, first in
            Task {
                var connection = first
                while true {
                    do {
                        _ = try await connection.forEachEvent { e in
                            continuation.yield(.event(side, e))
                            return true
                        }
                        continuation.yield(.ended(side))
                        return
                    } catch let error as InputError where error.kind == .deviceGone {
                        guard let uniq = connection.uniq, let reconnect else {
                            continuation.yield(.lost(side))
                            return
                        }
                        continuation.yield(.gone(side, uniq: uniq))
                        guard let next = try? await reconnect(side, uniq) else {
                            continuation.yield(.lost(side))
                            return
                        }
                        connection = next
                        continuation.yield(.back(side, next))
                    } catch let error as InputError {
                        continuation.yield(.failed(side, error))
                        return
                    } catch {
                        continuation.yield(.ended(side))
                        return
                    }
                }
            }
        }
        defer { for r in readers { r.cancel() } }

        var merge = PairedReadingMerge()
        var summary: RoutineSummary?
        var finished: Set<Side> = []
        var lastEventTime: [Side: Int64] = [:]
        var failure: InputError?
        var announcedRecording = recordings.isEmpty
        func send(_ events: [RoutineEvent]) {
            for e in events {
                if case .summary(let s) = e { summary = s }
                // Which thigh each sensor is on, told by the movement: on stderr too.
                if case .session(.cue(_, let cue)) = e, case .sensorSides = cue { notice(CueCatalogue.english.text(cue)) }
                emit(e, session.routineStatus)
            }
        }
        func take(_ readings: [PairedReading]) {
            for r in readings {
                for key in keys.take() { send(key == .skip ? session.skip() : session.repeatExercise()) }
                send(session.consume(r))
                if case .sample = r.reading {
                    progress(session.routineStatus)
                    let thigh = session.thigh(of: r.side)
                    sampled(thigh, session.now, session.status(of: thigh)?.flexion)
                }
            }
        }
        loop: for await message in stream {
            switch message {
            case .event(let side, let e):
                lastEventTime[side] = e.time
                do { try recordings[side]?.append(e) } catch {
                    failure = error
                    break loop
                }
                if !announcedRecording, recordings.values.allSatisfy({ $0.firstEventTime != nil }) {
                    announcedRecording = true
                    recorded()
                }
                if let r = feeds[side]?.consume(e) { take(merge.push(r)) }
            case .gone(let side, let uniq):
                let thigh = session.thigh(of: side)
                notice("the \(thigh.rawValue) sensor disappeared (\(uniq)); waiting for it to come back — the \(thigh.opposite.rawValue) leg's coaching goes on")
                take(merge.sideGone(side))
                send(session.sensorGone(side))
            case .back(let side, let c):
                do { try recordings[side]?.appendReconnection(at: lastEventTime[side] ?? 0, values: c.initialValues) } catch {
                    failure = error
                    break loop
                }
                merge.sideBack(side)
                send(session.sensorBack(side))
                if let r = feeds[side]?.reconnected(initialValues: c.initialValues) { take(merge.push(r)) }
                notice("the \(session.thigh(of: side).rawValue) sensor is back (\(c.path)); carrying on")
            case .lost(let side):
                lost.insert(side)
                finished.insert(side)
                let thigh = session.thigh(of: side)
                notice("the \(thigh.rawValue) sensor disappeared" + (lost.count == 2 ? "; ending the routine" : "; the \(thigh.opposite.rawValue) leg's coaching goes on"))
                take(merge.sideGone(side))
                send(session.sensorGone(side))
            case .ended(let side):
                finished.insert(side)
                take(merge.sideGone(side))
            case .failed(_, let error):
                failure = error
                break loop
            }
            if session.isDone || finished.count == 2 { break }
        }
        take(merge.flush())
        send(session.finish())
        if let failure { throw failure }
        // finish() gives the summary unless the routine had already given it (then it is that one).
        return summary ?? session.summarySoFar
    }
}
