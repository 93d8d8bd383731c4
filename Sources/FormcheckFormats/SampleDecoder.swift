import MotionCore

/// Events of a motion node in, samples in SI units out: the frame assembler, the sample clock
/// and the scale in one, the same for live devices and recordings.
public struct SampleDecoder: Sendable {
    public let scale: SensorScale
    private var assembler: FrameAssembler
    public private(set) var clock: SampleClock
    private var lastSampleTime: Double?
    private var gapPending = false
    public private(set) var statistics = DecoderStatistics()

    /// - Throws: `InputError` (`.notMotionSensor`) when the description is not a usable motion node.
    public init(description: DeviceDescription, path: String, initialValues: [UInt16: Int32]? = nil) throws(InputError) {
        scale = try SensorScale(for: description, path: path)
        let seeds = initialValues ?? description.absInfo.mapValues(\.value)
        assembler = FrameAssembler(initialValues: seeds)
        clock = SampleClock(model: SampleClock.Model(for: description))
    }

    /// Feeds one event; returns a sample when it completes a frame, a gap when it is SYN_DROPPED.
    /// - Parameter line: where the event came from (a file line), for the anomaly list.
    public mutating func consume(_ e: InputEvent, line: Int? = nil) -> SensorReading? {
        statistics.events += 1
        switch assembler.consume(e) {
        case .none:
            return nil
        case .ignored:
            statistics.ignoredEvents += 1
            return nil
        case .discarded(let reason):
            switch reason {
            case .afterDrop: statistics.framesDiscardedAfterDrop += 1
            case .axesUnknown: statistics.framesBeforeAllAxes += 1
            }
            return nil
        case .dropped:
            statistics.drops.append(DecoderStatistics.Drop(kernelTime: e.time, line: line, after: lastSampleTime))
            clock.gapOccurred()
            guard !gapPending else { return nil }
            gapPending = true
            return .gap(SampleGap(reason: .synDropped, after: lastSampleTime))
        case .frame(let frame):
            let (t, anomaly) = clock.time(for: frame)
            if let anomaly { statistics.anomalies.append(.init(anomaly: anomaly, line: line, time: t)) }
            statistics.frames += 1
            if gapPending, let i = statistics.drops.indices.last, statistics.drops[i].resumed == nil {
                statistics.drops[i].resumed = t
            }
            gapPending = false
            lastSampleTime = t
            return .sample(scale.sample(frame.values, time: t))
        }
    }

    /// A reconnected device: new clock, and a gap in the stream.
    public mutating func deviceReconnected(initialValues: [UInt16: Int32]) -> SensorReading {
        assembler = FrameAssembler(initialValues: initialValues)
        clock.reset()
        gapPending = true
        return .gap(SampleGap(reason: .reconnected, after: lastSampleTime))
    }
}

/// What a decoder saw, for `formcheck inspect`.
public struct DecoderStatistics: Sendable, Hashable {
    public struct Drop: Sendable, Hashable {
        /// Kernel time of the SYN_DROPPED, microseconds.
        public var kernelTime: Int64
        public var line: Int?
        /// Time of the last sample before it (seconds), nil if none.
        public var after: Double?
        /// Time of the first sample after it (seconds), nil if none followed.
        public var resumed: Double?
    }

    public struct Anomaly: Sendable, Hashable {
        public var anomaly: TimestampAnomaly
        public var line: Int?
        /// Sample time of the frame whose timestamp it was (seconds, on the decoder's time line).
        public var time: Double
    }

    public var events = 0
    public var frames = 0
    public var ignoredEvents = 0
    public var framesDiscardedAfterDrop = 0
    public var framesBeforeAllAxes = 0
    public var drops: [Drop] = []
    public var anomalies: [Anomaly] = []
}
