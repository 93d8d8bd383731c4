@testable import FormcheckDevices
import FormcheckFormats
import Glibc
import SystemPackage
import Testing

/// The terminal's C calls on a real pseudo-terminal (the test opens it and checks the settings
/// with its own tcgetattr), and their failures on descriptors that are not terminals.
@Suite struct TerminalDeviceTests {
    /// A pseudo-terminal pair: `main` is the side a terminal emulator holds, `terminal` the side
    /// formcheck reads keys from.
    struct PseudoTerminal {
        let main: Int32
        let terminal: TerminalDevice

        // Glibc's Swift module hides posix_openpt/grantpt/unlockpt (_XOPEN_SOURCE) and the
        // ioctl macros below, so the pair is opened as they do it: /dev/ptmx, unlock, its number.
        // _IOW('T', 0x31, int) and _IOR('T', 0x30, unsigned int) of asm-generic (x86-64, arm64).
        static let unlock: UInt = 0x4004_5431  // TIOCSPTLCK
        static let number: UInt = 0x8004_5430  // TIOCGPTN

        init() throws {
            main = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            try #require(main >= 0, "open /dev/ptmx: \(String(cString: strerror(errno)))")
            var locked: Int32 = 0
            var n: UInt32 = 0
            try #require(ioctl(main, Self.unlock, &locked) == 0 && ioctl(main, Self.number, &n) == 0)
            let name = "/dev/pts/\(n)"
            let fd = open(name, O_RDWR | O_NOCTTY)
            try #require(fd >= 0, "open \(name): \(String(cString: strerror(errno)))")
            terminal = TerminalDevice(rawDescriptor: fd)
        }

        func settings() -> termios {
            var t = termios()
            #expect(tcgetattr(terminal.descriptor.rawValue, &t) == 0)
            return t
        }

        func close() {
            _ = Glibc.close(terminal.descriptor.rawValue)
            _ = Glibc.close(main)
        }
    }

    @Test func keyModeOnAPseudoTerminalAndBack() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        #expect(pty.terminal.isTerminal)
        let before = pty.settings()
        #expect(before.c_lflag & tcflag_t(ICANON) != 0 && before.c_lflag & tcflag_t(ECHO) != 0)

        let saved = try #require(pty.terminal.enterKeyMode())
        let raw = pty.settings()
        #expect(raw.c_lflag & tcflag_t(ICANON) == 0, "line buffering off")
        #expect(raw.c_lflag & tcflag_t(ECHO) == 0, "echo off")
        #expect(raw.c_lflag & tcflag_t(ISIG) != 0, "Ctrl-C still a signal")
        withUnsafeBytes(of: raw.c_cc) { cc in
            #expect(cc[Int(VMIN)] == 0)
            #expect(cc[Int(VTIME)] == 1, "a read returns after 1 decisecond without a key")
        }

        // A key typed on the other side comes through alone, without a newline; then nothing.
        var key: UInt8 = UInt8(ascii: "s")
        #expect(write(pty.main, &key, 1) == 1)
        #expect(try pty.terminal.readByte() == UInt8(ascii: "s"))
        #expect(try pty.terminal.readByte() == nil)

        #expect(pty.terminal.restore(saved))
        let after = pty.settings()
        #expect(after.c_lflag == before.c_lflag)
        #expect(withUnsafeBytes(of: after.c_cc) { Array($0) } == withUnsafeBytes(of: before.c_cc) { Array($0) })
    }

    @Test func windowSizeAsTheTerminalSetsIt() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        var size = winsize(ws_row: 31, ws_col: 97, ws_xpixel: 0, ws_ypixel: 0)
        #expect(ioctl(pty.main, UInt(TIOCSWINSZ), &size) == 0)
        let got = try #require(pty.terminal.windowSize())
        #expect(got.columns == 97 && got.rows == 31)

        // A terminal that reports 0 × 0 (a serial line, some CI) has no size: the caller falls back.
        var none = winsize()
        #expect(ioctl(pty.main, UInt(TIOCSWINSZ), &none) == 0)
        #expect(pty.terminal.windowSize() == nil)
    }

    @Test func notATerminal() throws {
        let fd = open("/dev/null", O_RDONLY)
        try #require(fd >= 0)
        defer { _ = close(fd) }
        let null = TerminalDevice(rawDescriptor: fd)
        #expect(!null.isTerminal)
        #expect(null.windowSize() == nil)
        #expect(null.enterKeyMode() == nil)
        #expect(try null.readByte() == nil, "end of input is no key, not a failure")
    }

    @Test func readOnADescriptorThatIsNotOpenSaysWhatToDo() throws {
        // Far above any descriptor this process has open (tests run in parallel: a number just
        // closed here could be another test's next open).
        let closed = TerminalDevice(rawDescriptor: 999_999)
        #expect(!closed.isTerminal)
        #expect(closed.enterKeyMode() == nil)
        do {
            let byte = try closed.readByte()
            Issue.record("read \(String(describing: byte)) from a descriptor that is not open")
        } catch {
            #expect(error.kind == .system)
            #expect(error.errno == EBADF)
            #expect(error.path == "descriptor 999999")
            #expect(error.message == "cannot read a key: Bad file descriptor")
            #expect(error.fix?.contains("--pain") == true)
            #expect(error.exitStatus == 74)
        }
        #expect(TerminalDevice(rawDescriptor: 0).name == "standard input")
        #expect(TerminalDevice.standardOutput.descriptor.rawValue == 1)
    }
}
