import FormcheckFormats

extension RecordingFile {
    /// Marks a device that came back (unplugged, then found again by its uniq): a SYN_DROPPED at
    /// `time` (the last event's, microseconds), as the kernel marks lost events, then the new
    /// node's axis state (`values`, by code) in one frame — what libevdev's resync would give — so
    /// a replay resumes from it.
    public func appendReconnection(at time: Int64, values: [UInt16: Int32]) throws(InputError) {
        let t = max(time, 0)
        try append(InputEvent(time: t, type: EventCode.evSyn, code: EventCode.synDropped, value: 0))
        for (code, value) in values.sorted(by: { $0.key < $1.key }) {
            try append(InputEvent(time: t, type: EventCode.evAbs, code: code, value: value))
        }
        try append(InputEvent(time: t, type: EventCode.evSyn, code: EventCode.synReport, value: 0))
    }
}
