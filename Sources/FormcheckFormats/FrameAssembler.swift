/// Turns the evdev event stream of a motion node into complete frames, as the kernel sends it:
/// a frame ends at SYN_REPORT; axes that did not change (or changed less than the fuzz) are not
/// resent, so each axis keeps its last value; after SYN_DROPPED the events up to and including the
/// next SYN_REPORT belong to a broken frame and make no sample, though their axis values (or
/// libevdev's resync of them) are the newest state and are kept.
public struct FrameAssembler: Sendable {
    /// What one event means for the frame stream.
    public enum Action: Sendable, Hashable {
        /// Nothing yet: the event is part of a frame still being read.
        case none
        /// A frame is complete.
        case frame(RawFrame)
        /// SYN_DROPPED: events were lost; the stream has a gap here.
        case dropped
        /// A SYN_REPORT that ends a frame which makes no sample.
        case discarded(DiscardReason)
        /// An event a motion node does not use (other types or codes); it changes nothing.
        case ignored
    }

    public enum DiscardReason: Sendable, Hashable {
        /// The broken frame after SYN_DROPPED.
        case afterDrop
        /// Not every axis has had a value yet (a recording that starts mid-stream).
        case axesUnknown
    }

    private enum State: Sendable {
        /// Reading a frame.
        case inFrame
        /// After SYN_DROPPED, until the SYN_REPORT that ends the broken frame.
        case discarding
    }

    private var state: State = .inFrame
    private var values = SIMD8<Int32>(repeating: 0)
    /// Bit n set when axis n (ABS_X + n) has a value.
    private var known: UInt8 = 0
    private var pendingTimestamp: UInt32?

    /// - Parameter initialValues: axis values known before the first event (libevdev's state of a
    ///   live node, or the values evemu-record noted in a recording's description), by ABS code.
    public init(initialValues: [UInt16: Int32] = [:]) {
        for (code, value) in initialValues where code < 6 {
            values[Int(code)] = value
            known |= 1 << UInt8(code)
        }
    }

    public mutating func consume(_ e: InputEvent) -> Action {
        switch e.type {
        case EventCode.evAbs:
            guard e.code < 6 else { return .ignored }
            values[Int(e.code)] = e.value
            known |= 1 << UInt8(e.code)
            return .none
        case EventCode.evMsc:
            guard e.code == EventCode.mscTimestamp else { return .ignored }
            switch state {
            case .inFrame: pendingTimestamp = UInt32(bitPattern: e.value)
            case .discarding: break
            }
            return .none
        case EventCode.evSyn:
            switch e.code {
            case EventCode.synReport: return endFrame(at: e.time)
            case EventCode.synDropped:
                state = .discarding
                pendingTimestamp = nil
                return .dropped
            default: return .ignored
            }
        default:
            return .ignored
        }
    }

    private mutating func endFrame(at time: Int64) -> Action {
        defer { pendingTimestamp = nil }
        switch state {
        case .discarding:
            state = .inFrame
            return .discarded(.afterDrop)
        case .inFrame:
            guard known & 0x3f == 0x3f else { return .discarded(.axesUnknown) }
            return .frame(RawFrame(kernelTime: time, deviceTimestamp: pendingTimestamp, values: values))
        }
    }
}
