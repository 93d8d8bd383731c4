import FormcheckFormats
import Testing

/// Transcripts of the frame assembler: events in, actions out, as the kernel sends them.
@Suite struct FrameAssemblerTests {
    static func abs(_ t: Int64, _ code: UInt16, _ v: Int32) -> InputEvent { InputEvent(time: t, type: 3, code: code, value: v) }
    static func msc(_ t: Int64, _ v: Int32) -> InputEvent { InputEvent(time: t, type: 4, code: 5, value: v) }
    static func syn(_ t: Int64) -> InputEvent { InputEvent(time: t, type: 0, code: 0, value: 0) }
    static func dropped(_ t: Int64) -> InputEvent { InputEvent(time: t, type: 0, code: 3, value: 0) }

    static func values(_ v: [Int32]) -> SIMD8<Int32> { SIMD8(v + [0, 0]) }

    @Test func onlyChangedAxesCarryOver() {
        var a = FrameAssembler()
        // First frame: every axis.
        for code in UInt16(0)..<6 { #expect(a.consume(Self.abs(10, code, Int32(code) * 100)) == .none) }
        #expect(a.consume(Self.msc(10, 1000)) == .none)
        #expect(a.consume(Self.syn(10)) == .frame(RawFrame(kernelTime: 10, deviceTimestamp: 1000, values: Self.values([0, 100, 200, 300, 400, 500]))))
        // Second frame: only ABS_Y changed (the kernel's fuzz filter dropped the rest).
        #expect(a.consume(Self.abs(20, 1, 111)) == .none)
        #expect(a.consume(Self.msc(20, 5000)) == .none)
        #expect(a.consume(Self.syn(20)) == .frame(RawFrame(kernelTime: 20, deviceTimestamp: 5000, values: Self.values([0, 111, 200, 300, 400, 500]))))
        // A frame with only a timestamp: same values, new time.
        #expect(a.consume(Self.msc(30, 9000)) == .none)
        #expect(a.consume(Self.syn(30)) == .frame(RawFrame(kernelTime: 30, deviceTimestamp: 9000, values: Self.values([0, 111, 200, 300, 400, 500]))))
    }

    @Test func noFrameUntilEveryAxisIsKnown() {
        var a = FrameAssembler()
        #expect(a.consume(Self.abs(1, 0, 5)) == .none)
        #expect(a.consume(Self.syn(1)) == .discarded(.axesUnknown))
        var seeded = FrameAssembler(initialValues: [0: 1, 1: 2, 2: 3, 3: 4, 4: 5, 5: 6])
        #expect(seeded.consume(Self.abs(1, 0, 5)) == .none)
        #expect(seeded.consume(Self.syn(1)) == .frame(RawFrame(kernelTime: 1, deviceTimestamp: nil, values: Self.values([5, 2, 3, 4, 5, 6]))))
    }

    @Test func synDroppedDiscardsTheBrokenFrameButKeepsItsValues() {
        var a = FrameAssembler(initialValues: [0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0])
        #expect(a.consume(Self.abs(1, 0, 7)) == .none)
        #expect(a.consume(Self.dropped(2)) == .dropped)
        // The tail of a frame whose start was lost (or libevdev's resync): no sample…
        #expect(a.consume(Self.abs(2, 2, 42)) == .none)
        #expect(a.consume(Self.msc(2, 123)) == .none)
        #expect(a.consume(Self.syn(2)) == .discarded(.afterDrop))
        // …but its values are the newest state, and its timestamp is not reused.
        #expect(a.consume(Self.abs(3, 1, 9)) == .none)
        #expect(a.consume(Self.syn(3)) == .frame(RawFrame(kernelTime: 3, deviceTimestamp: nil, values: Self.values([7, 9, 42, 0, 0, 0]))))
    }

    @Test func otherEventsAreIgnored() {
        var a = FrameAssembler()
        #expect(a.consume(InputEvent(time: 0, type: 1, code: 0x130, value: 1)) == .ignored)
        #expect(a.consume(Self.abs(0, 0x10, 1)) == .ignored)
        #expect(a.consume(InputEvent(time: 0, type: 4, code: 4, value: 1)) == .ignored)
        #expect(a.consume(InputEvent(time: 0, type: 0, code: 2, value: 0)) == .ignored)
    }
}
