import Foundation
import Glibc
import Testing

/// Ctrl-C at the pain question `live` asks before its session (README "Exit status": 130): the real
/// binary, its standard input a pseudo-terminal (so the question is asked, in key mode), the signal
/// sent once the question is on stderr — as the terminal sends it. Before the fix the signal's
/// default action ended the process and left the terminal in key mode (no echo, no line editing).
@Suite struct PainQuestionSignalTests {
    /// Opens a pseudo-terminal pair: `main` is the emulator's side, `terminal` the one formcheck
    /// reads. Glibc's Swift module hides posix_openpt and the ioctl macros: /dev/ptmx, then unlock
    /// (TIOCSPTLCK, _IOW('T', 0x31, int)) and its number (TIOCGPTN, _IOR('T', 0x30, unsigned int)),
    /// as asm-generic defines them (x86-64, arm64).
    static func openPseudoTerminal() throws -> (main: Int32, terminal: Int32) {
        let main = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(main >= 0, "open /dev/ptmx: \(String(cString: strerror(errno)))")
        var locked: Int32 = 0
        var n: UInt32 = 0
        try #require(ioctl(main, UInt(0x4004_5431), &locked) == 0 && ioctl(main, UInt(0x8004_5430), &n) == 0)
        let terminal = open("/dev/pts/\(n)", O_RDWR | O_NOCTTY)
        try #require(terminal >= 0, "open /dev/pts/\(n): \(String(cString: strerror(errno)))")
        return (main, terminal)
    }

    /// The terminal's whole settings (tcgetattr): the four flag words and the control characters.
    struct Settings: Equatable, CustomStringConvertible {
        var input, output, control, local: UInt32
        var characters: [UInt8]
        var canonical: Bool { local & UInt32(ICANON) != 0 }
        var echo: Bool { local & UInt32(ECHO) != 0 }
        var description: String {
            "iflag \(String(input, radix: 8)) oflag \(String(output, radix: 8)) cflag \(String(control, radix: 8)) "
                + "lflag \(String(local, radix: 8)) cc \(characters)"
        }
    }

    static func settings(_ fd: Int32) throws -> Settings {
        var t = termios()
        try #require(tcgetattr(fd, &t) == 0, "tcgetattr: \(String(cString: strerror(errno)))")
        return Settings(input: t.c_iflag, output: t.c_oflag, control: t.c_cflag, local: t.c_lflag,
                        characters: withUnsafeBytes(of: t.c_cc) { Array($0) })
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalAtThePainQuestionEndsWith130AndTheTerminalAsItWas(_ signal: Int32) throws {
        let binary = try #require(ExitStatusTests.binary, "run 'swift build --build-tests' first")
        let tree = try FakeDeviceTree()
        defer { tree.remove() }
        try tree.addDualSenseMotionSensors(event: 21, uniq: "a0:ab:51:5e:10:7c")
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = dir.appendingPathComponent("history.sqlite").path
        let record = dir.appendingPathComponent("session.evemu").path
        let pty = try Self.openPseudoTerminal()
        defer { _ = close(pty.main); _ = close(pty.terminal) }
        let before = try Self.settings(pty.terminal)
        #expect(before.canonical && before.echo, "\(before)")

        let err = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["live", "--exercise", "hamstring", "--format", "json", "--db", db, "--record", record] + tree.options
        process.standardInput = FileHandle(fileDescriptor: pty.terminal, closeOnDealloc: false)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errHandle
        try process.run()
        func stderr() -> String { (try? String(contentsOf: err, encoding: .utf8)) ?? "" }
        // Waits for what the test needs — the question on stderr — however slow the machine is
        // (the bound is for a formcheck that never asks: a failure, not a wait).
        let deadline = Date().addingTimeInterval(120)
        while !stderr().contains("Pain now, before the session") && process.isRunning && Date() < deadline { usleep(10_000) }
        try #require(process.isRunning, "formcheck ended before asking: \(stderr())")
        try #require(stderr().contains("Pain now, before the session"), "no question within 120 s: \(stderr())")
        // In key mode while it asks.
        let asking = try Self.settings(pty.terminal)
        #expect(!asking.canonical && !asking.echo, "\(asking)")

        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        try errHandle.close()
        #expect(process.terminationReason == .exit, "ended by signal \(process.terminationStatus): \(stderr())")
        #expect(process.terminationStatus == 130, "stderr: \(stderr())")
        #expect(stderr().hasSuffix("formcheck: stopped before the session began: nothing recorded or saved\n"), "stderr: \(stderr())")
        // The terminal exactly as it was, and nothing opened: the device not read, no recording, no history.
        #expect(try Self.settings(pty.terminal) == before)
        #expect(!stderr().contains("event21"), "stderr: \(stderr())")
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(!FileManager.default.fileExists(atPath: record))
    }
}
