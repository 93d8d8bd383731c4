import FormcheckFormats
import Glibc

/// This machine's `# Kernel:` and `# DMI:` header lines, as evemu-record writes them.
extension EvemuWriter {
    /// The description block with this machine's kernel release and DMI line.
    public static func header(for d: DeviceDescription) -> String {
        header(for: d, kernelRelease: kernelRelease(), dmi: dmiModalias())
    }

    /// A whole recording as evemu text, with this machine's kernel release and DMI line.
    public static func text(for d: DeviceDescription, events: [InputEvent]) -> String {
        text(for: d, events: events, kernelRelease: kernelRelease(), dmi: dmiModalias())
    }

    /// `uname -r`, as evemu writes it into its header.
    public static func kernelRelease() -> String? {
        var u = utsname()
        guard uname(&u) == 0 else { return nil }
        return withUnsafeBytes(of: &u.release) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// The first line of /sys/class/dmi/id/modalias with its newline, as evemu writes it.
    /// (What evemu's fgets into 2048 bytes keeps: at most 2047 bytes, up to and with the newline.)
    public static func dmiModalias() -> String? {
        guard let bytes = try? SystemCall.readFile("/sys/class/dmi/id/modalias"), !bytes.isEmpty else { return nil }
        var line = bytes.prefix(2047)
        if let newline = line.firstIndex(of: 0x0A) { line = line[...newline] }
        return String(decoding: line.prefix { $0 != 0 }, as: UTF8.self)
    }
}
