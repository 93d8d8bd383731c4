import FormcheckDevices
import FormcheckFormats
import MotionCore

extension SessionPipeline {
    /// `consume` of every reading of `recording`, on three threads at once, a few batches apart: the
    /// file read and decoded on one, the angle half (`angleStep`: filter, strap calibration, angles)
    /// on another (the stage thread of `Recording.forEachReadingDecodedAhead(state:…)`), the session
    /// half (`apply`: coaching) and `events` on the calling thread.
    /// The events are those `consume` gives, reading by reading, in the same order (the angle
    /// half reads nothing of the session).
    /// - Parameters:
    ///   - events: the events of each reading, in order, as they come (called only for readings
    ///     that made some).
    ///   - sample: after each sample reading, the session's status (nil: not wanted).
    /// - Returns: what the decoder saw (evemu; nil for CSV).
    /// - Throws: the recording's error (file and line), after the events of every reading before it.
    ///
    /// Specialised for the filter `formcheck replay` runs: called from another module, the generic
    /// code looked up its types' metadata at every reading (0.1 s of a 142 MB replay, measured).
    @_specialize(exported: false, where Estimator == OrientationFilter)
    public mutating func consume(_ recording: Recording, events: ([SessionEvent]) -> Void,
                                 sample: ((SessionStatus) -> Void)? = nil) throws(InputError) -> DecoderStatistics? {
        var stage = AngleStage(angles: angles)
        var out: [SessionEvent] = []
        defer { angles = stage.angles }
        return try recording.forEachReadingDecodedAhead(state: &stage, placeholder: AngleStep.placeholder, stage: { stage, reading in
            Self.angleStep(reading, angles: &stage.angles, buffer: &stage.buffer)
        }) { step in
            out.removeAll(keepingCapacity: true)
            apply(step, into: &out)
            if !out.isEmpty { events(out) }
            if let sample, !step.isGap { sample(session.status) }
        }
    }
}

/// The angle half's state on the stage thread.
private struct AngleStage<Estimator: OrientationEstimator>: Sendable {
    var angles: AnglePipeline<Estimator>
    var buffer: [HipAngleSample] = []
}
