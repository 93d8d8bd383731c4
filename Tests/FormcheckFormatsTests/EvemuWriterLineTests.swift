import Testing
@testable import FormcheckFormats

/// The `E:` lines EvemuWriter writes straight into bytes, each against the line libevemu's
/// `evemu_write_event` prints (`E: %lu.%06u %04x %04x %04d\t# …`, written out by hand here), at the
/// edges the fixtures' byte-for-byte tests (EvemuCompatibilityTests) do not reach: padding at
/// each width, negative values, long names, an MT report, and the `+Nms` note going back.
@Suite struct EvemuWriterLineTests {
    @Test func linesAtTheEdgesOfEveryField() {
        var w = EvemuWriter()
        let lines = [
            InputEvent(time: 0, type: EventCode.evAbs, code: EventCode.absX, value: 0),
            InputEvent(time: 1, type: EventCode.evAbs, code: EventCode.absRX, value: -1),
            InputEvent(time: 999_999, type: EventCode.evAbs, code: EventCode.absY, value: 12),
            InputEvent(time: 1_000_000, type: EventCode.evAbs, code: EventCode.absZ, value: -12_345),
            InputEvent(time: 12_345_678_901_234, type: EventCode.evAbs, code: EventCode.absRZ, value: Int32.min),
            InputEvent(time: 12_345_678_901_234, type: EventCode.evSyn, code: EventCode.synReport, value: 0),
            InputEvent(time: 12_345_678_000_000, type: EventCode.evSyn, code: EventCode.synMTReport, value: -3),
            InputEvent(time: 2_500, type: EventCode.evSyn, code: EventCode.synReport, value: 1),
            InputEvent(time: 2_500, type: EventCode.evAbs, code: 0x39, value: 1234),
            InputEvent(time: 2_500, type: EventCode.evKey, code: 0x1bc, value: 1),
            InputEvent(time: 2_500, type: 0x1e, code: 0xffff, value: 7),
        ].map { w.line(for: $0) }
        #expect(lines == [
            "E: 0.000000 0003 0000 0000\t# EV_ABS / ABS_X                0\n",
            "E: 0.000001 0003 0003 -001\t# EV_ABS / ABS_RX               -1\n",
            "E: 0.999999 0003 0001 0012\t# EV_ABS / ABS_Y                12\n",
            "E: 1.000000 0003 0002 -12345\t# EV_ABS / ABS_Z                -12345\n",
            "E: 12345678.901234 0003 0005 -2147483648\t# EV_ABS / ABS_RZ               -2147483648\n",
            "E: 12345678.901234 0000 0000 0000\t# ------------ SYN_REPORT (0) ---------- +12345678901ms\n",
            "E: 12345678.000000 0000 0002 -003\t# ++++++++++++ SYN_MT_REPORT (-3) ++++++++++\n",
            "E: 0.002500 0000 0000 0001\t# ------------ SYN_REPORT (1) ---------- -12345678899ms\n",
            "E: 0.002500 0003 0039 1234\t# EV_ABS / ABS_MT_TRACKING_ID   1234\n",
            "E: 0.002500 0001 01bc 0001\t# EV_KEY / KEY_NOTIFICATION_CENTER 1\n",
            "E: 0.002500 001e ffff 0007\t# (null) / (null)               7\n",
        ])
    }

    /// A time before zero keeps each field's own sign, as the String formatting always did.
    @Test func aTimeBeforeZero() {
        var w = EvemuWriter()
        #expect(w.line(for: InputEvent(time: -1_500_000, type: EventCode.evAbs, code: EventCode.absX, value: 5))
                == "E: -1.-500000 0003 0000 0005\t# EV_ABS / ABS_X                5\n")
        #expect(w.line(for: InputEvent(time: -5, type: EventCode.evAbs, code: EventCode.absX, value: 5))
                == "E: 0.-00005 0003 0000 0005\t# EV_ABS / ABS_X                5\n")
    }

    /// The whole text is the header and then the lines, in one buffer.
    @Test func textIsTheHeaderThenTheLines() {
        let d = DeviceDescription(name: "t", bustype: 3, vendor: 1, product: 2, version: 3, properties: [6],
                                  codes: [EventCode.evAbs: [EventCode.absX]], absInfo: [EventCode.absX: AbsInfo(minimum: -10, maximum: 10)])
        let events = [InputEvent(time: 4_000, type: EventCode.evAbs, code: EventCode.absX, value: 3),
                      InputEvent(time: 4_000, type: EventCode.evSyn, code: EventCode.synReport, value: 0)]
        var w = EvemuWriter()
        #expect(EvemuWriter.text(for: d, events: events, kernelRelease: nil)
                == EvemuWriter.header(for: d, kernelRelease: nil) + events.map { w.line(for: $0) }.joined())
    }
}
