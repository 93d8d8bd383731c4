import FormcheckFormats

/// What sysfs says about one evdev node (`/sys/class/input/eventN`), read from text attributes
/// only: nothing under /dev is opened.
struct SysfsInputNode: Sendable, Hashable {
    /// The node's sysfs directory, e.g. `/sys/class/input/event21`.
    var directory: String
    /// `DEVNAME` from its uevent (e.g. `input/event21`), relative to /dev.
    var deviceName: String
    /// `MAJOR:MINOR`, e.g. "13:85", where the `dev` attribute gives it.
    var deviceNumber: String?
    var name: String
    var uniq: String?
    var phys: String?
    var bustype: UInt16
    var vendor: UInt16
    var product: UInt16
    var version: UInt16
    var properties: Set<Int>
    var absCodes: Set<UInt16>
    var mscCodes: Set<UInt16>

    /// Reads the attributes under `directory` (the eventN directory; its `device` link is the
    /// inputN device). Nil when it is not an input event node (no `device/properties`).
    init?(directory: String) {
        let device = directory + "/device"
        guard let propertyText = SystemCall.readAttribute(device + "/properties"),
              let properties = Self.bits(propertyText) else { return nil }
        self.directory = directory
        let base = directory.split(separator: "/").last.map(String.init) ?? directory
        let uevent = SystemCall.readAttribute(directory + "/uevent") ?? ""
        deviceName = Self.ueventValue("DEVNAME", in: uevent) ?? "input/" + base
        deviceNumber = SystemCall.readAttribute(directory + "/dev")
        name = SystemCall.readAttribute(device + "/name") ?? ""
        uniq = SystemCall.readAttribute(device + "/uniq").flatMap { $0.isEmpty ? nil : $0 }
        phys = SystemCall.readAttribute(device + "/phys").flatMap { $0.isEmpty ? nil : $0 }
        func id(_ field: String) -> UInt16 {
            SystemCall.readAttribute(device + "/id/" + field).flatMap { UInt16($0, radix: 16) } ?? 0
        }
        bustype = id("bustype")
        vendor = id("vendor")
        product = id("product")
        version = id("version")
        self.properties = properties
        func codes(_ kind: String) -> Set<UInt16> {
            let bits = SystemCall.readAttribute(device + "/capabilities/" + kind).flatMap { Self.bits($0) } ?? []
            return Set(bits.compactMap { UInt16(exactly: $0) })
        }
        absCodes = codes("abs")
        mscCodes = codes("msc")
    }

    /// Bit numbers set in a kernel bitmap attribute: hex words of `wordBits` bits, most
    /// significant word first, separated by spaces (`7fff000000000000 0 0 0`, `3f`, `0`).
    /// Nil when the text is not in that format.
    /// - Parameter wordBits: the kernel's `long` (64 on 64-bit kernels, which 64-bit user space
    ///   needs); bits 0…31, all formcheck looks at, do not depend on it.
    static func bits(_ text: String, wordBits: Int = UInt.bitWidth) -> Set<Int>? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard !words.isEmpty else { return nil }
        var out = Set<Int>()
        for (index, word) in words.reversed().enumerated() {
            guard word.count <= wordBits / 4, let value = UInt64(word, radix: 16) else { return nil }
            for bit in 0..<64 where value & (1 << UInt64(bit)) != 0 {
                out.insert(index * wordBits + bit)
            }
        }
        return out
    }

    /// `KEY=value` from a uevent file.
    static func ueventValue(_ key: String, in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix(key + "=") {
            return String(line.dropFirst(key.count + 1))
        }
        return nil
    }
}
