import CLibevdev
import FormcheckDevices
import FormcheckFormats
import Testing

/// FormcheckFormats' own event-name table against libevdev's, over the whole range libevdev
/// knows: every type, every code up to each type's maximum (and the first past it), every input
/// property — and evemu text naming all of them, written by EvemuWriter, against libevemu's.
@Suite struct EventNamesTests {
    static func libevdev(_ p: UnsafePointer<CChar>?) -> String? {
        p.map { String(cString: $0) }
    }

    /// The types libevdev gives codes to, with its maximum code of each (EV_PWR and EV_FF_STATUS
    /// have a name but no codes).
    static let typesWithCodes: [(type: UInt16, max: UInt16)] = (0...UInt16(EV_MAX)).compactMap { type in
        let max = libevdev_event_type_get_max(UInt32(type))
        return max < 0 ? nil : (type, UInt16(max))
    }

    @Test func everyTypeHasLibevdevsName() {
        var named = 0
        for type in 0...UInt16(EV_MAX) {
            let theirs = Self.libevdev(libevdev_event_type_get_name(UInt32(type)))
            #expect(EventNames.typeName(type) == theirs, "type \(type)")
            if theirs != nil { named += 1 }
        }
        // EV_SYN, KEY, REL, ABS, MSC, SW, LED, SND, REP, FF, PWR, FF_STATUS and EV_MAX.
        #expect(named == 13)
        #expect(EventNames.typeName(UInt16(EV_MAX) + 1) == nil)
    }

    @Test func everyCodeOfEveryTypeHasLibevdevsName() {
        var named = 0
        for (type, max) in Self.typesWithCodes {
            for code in 0...max + 1 {
                let theirs = Self.libevdev(libevdev_event_code_get_name(UInt32(type), UInt32(code)))
                #expect(EventNames.codeName(type: type, code: code) == theirs, "type \(type) code \(code)")
                if theirs != nil { named += 1 }
            }
        }
        #expect(Self.typesWithCodes.count == 10)
        // libevdev 1.13 names 660 codes or more (KEY/BTN alone 500 and more).
        #expect(named >= 660)
        // Types without codes, and types the kernel does not define, name none.
        for type: UInt16 in [0x06, 0x10, 0x16, 0x17, 0x1f, 0x20] {
            #expect(EventNames.codeName(type: type, code: 0) == nil)
            #expect(libevdev_event_code_get_name(UInt32(type), 0) == nil)
        }
    }

    /// The names formcheck's own recordings carry, spelled out.
    @Test func theMotionSensorsNames() {
        #expect(EventNames.typeName(EventCode.evAbs) == "EV_ABS")
        #expect(EventNames.codeName(type: EventCode.evSyn, code: EventCode.synDropped) == "SYN_DROPPED")
        #expect(EventNames.codeName(type: EventCode.evAbs, code: EventCode.absRZ) == "ABS_RZ")
        #expect(EventNames.codeName(type: EventCode.evMsc, code: EventCode.mscTimestamp) == "MSC_TIMESTAMP")
        #expect(EventNames.codeName(type: EventCode.evKey, code: 0x130) == "BTN_SOUTH")
        #expect(EventNames.propertyName(EventCode.propAccelerometer) == "INPUT_PROP_ACCELEROMETER")
    }

    @Test func everyPropertyHasLibevdevsName() {
        for property in 0...Int(INPUT_PROP_MAX) + 1 {
            #expect(EventNames.propertyName(property) == Self.libevdev(libevdev_property_get_name(UInt32(property))),
                    "property \(property)")
        }
    }

    /// EventCode's maximum codes (the B: lines' lengths) are libevdev's.
    @Test func maximumCodesAreLibevdevs() {
        for type in 0...UInt16(EV_MAX) {
            let theirs = libevdev_event_type_get_max(UInt32(type))
            #expect(EventCode.maxCode(ofType: type).map(Int32.init) == (theirs < 0 ? nil : theirs), "type \(type)")
        }
    }

    /// A device with every code of every type and every property, and one event of each code:
    /// EvemuWriter's text, whose comments name them all, is what libevemu writes for it.
    @Test func aDeviceWithEveryCodeIsWrittenAsLibevemuWritesIt() throws {
        var codes: [UInt16: Set<UInt16>] = [:]
        for (type, max) in Self.typesWithCodes where type != EventCode.evSyn { codes[type] = Set(0...max) }
        let absInfo = Dictionary(uniqueKeysWithValues: (codes[EventCode.evAbs] ?? []).map {
            ($0, AbsInfo(minimum: -100, maximum: 100, fuzz: 1, flat: 2, resolution: 10))
        })
        let device = DeviceDescription(name: "every code", bustype: 3, vendor: 0x54c, product: 0xce6, version: 0x8111,
                                       properties: Set(0...Int(INPUT_PROP_MAX)), codes: codes, absInfo: absInfo)
        var events: [InputEvent] = []
        var time: Int64 = 1
        for (type, max) in Self.typesWithCodes where type != EventCode.evSyn {
            for code in 0...max {
                events.append(InputEvent(time: time, type: type, code: code, value: 1))
                events.append(InputEvent(time: time, type: EventCode.evSyn, code: EventCode.synReport, value: 0))
                time += 1000
            }
        }
        let ours = EvemuWriter.text(for: device, events: events)
        #expect(ours.contains("(BTN_SOUTH)") && ours.contains("(ABS_MT_TOOL_TYPE)") && ours.contains("(INPUT_PROP_ACCELEROMETER)"))
        let theirs = try EvemuCompatibilityTests.libevemuRoundTrip(ours)
        #expect(EvemuCompatibilityTests.withoutSynDeltas(ours) == EvemuCompatibilityTests.withoutSynDeltas(theirs))
    }
}
