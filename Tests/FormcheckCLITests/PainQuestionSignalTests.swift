import Foundation
import Glibc
import Testing

/// Ctrl-C at the pain question `live` asks before its session (README "Exit status": 130): the real
/// binary, its standard input a pseudo-terminal (so the question is asked, in key mode), SIGINT
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

    static func lineMode(_ fd: Int32) -> (canonical: Bool, echo: Bool) {
        var t = termios()
        #expect(tcgetattr(fd, &t) == 0)
        return (t.c_lflag & tcflag_t(ICANON) != 0, t.c_lflag & tcflag_t(ECHO) != 0)
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
        let pty = try Self.openPseudoTerminal()
        defer { _ = close(pty.main); _ = close(pty.terminal) }
        #expect(Self.lineMode(pty.terminal) == (true, true))

        let err = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["live", "--exercise", "hamstring", "--format", "json", "--db", db] + tree.options
        process.standardInput = FileHandle(fileDescriptor: pty.terminal, closeOnDealloc: false)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errHandle
        try process.run()
        func stderr() -> String { (try? String(contentsOf: err, encoding: .utf8)) ?? "" }
        // Waits for what the test needs — the question on stderr — however slow the machine is.
        let deadline = Date().addingTimeInterval(120)
        while !stderr().contains("Pain now, before the session") && process.isRunning && Date() < deadline { usleep(10_000) }
        try #require(process.isRunning, "formcheck ended before asking: \(stderr())")
        try #require(stderr().contains("Pain now, before the session"), "no question within 120 s: \(stderr())")
        // In key mode while it asks.
        #expect(Self.lineMode(pty.terminal) == (false, false))

        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        try errHandle.close()
        #expect(process.terminationReason == .exit, "ended by signal \(process.terminationStatus): \(stderr())")
        #expect(process.terminationStatus == 130, "stderr: \(stderr())")
        #expect(stderr().contains("formcheck: stopped before the session began: nothing recorded or saved"), "stderr: \(stderr())")
        // The terminal as it was, and nothing opened: the device not read, no history made.
        #expect(Self.lineMode(pty.terminal) == (true, true))
        #expect(!stderr().contains("event21:"), "stderr: \(stderr())")
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
