/// Everything that can go wrong reading input, with where, why and how to fix it.
/// `description` is the message formcheck prints: `PATH:LINE: what is wrong` and a hint.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The file is not a valid recording (bad syntax, values, structure).
        case malformed
        /// The file or device does not exist or cannot be opened.
        case cannotOpen
        /// Opening was refused by permissions.
        case permissionDenied
        /// The node or recording is not a usable motion sensor (no property, no resolution…).
        case notMotionSensor
        /// No motion-sensor device is present, or more than one and none was chosen.
        case noDevice
        /// The device went away (unplugged) while it was being read.
        case deviceGone
        /// A system call failed in a way not covered above.
        case system
    }

    public var kind: Kind
    /// The file or device path.
    public var path: String
    /// 1-based line in the file, where the problem is on a line.
    public var line: Int?
    /// What is wrong.
    public var message: String
    /// How to fix it, where there is something the user can do.
    public var fix: String?
    /// The errno of a failed system call.
    public var errno: Int32?

    public init(_ kind: Kind, path: String, line: Int? = nil, _ message: String, fix: String? = nil, errno: Int32? = nil) {
        self.kind = kind
        self.path = path
        self.line = line
        self.message = message
        self.fix = fix
        self.errno = errno
    }

    public var description: String {
        var s = path
        if let line { s += ":\(line)" }
        s += ": " + message
        if let fix { s += "\n  fix: " + fix }
        return s
    }

    /// The process exit status for this error (sysexits.h values; see README "Exit status").
    public var exitStatus: Int32 {
        switch kind {
        case .malformed, .notMotionSensor: 65  // EX_DATAERR
        case .cannotOpen: 66  // EX_NOINPUT
        case .noDevice: 69  // EX_UNAVAILABLE
        case .deviceGone, .system: 74  // EX_IOERR
        case .permissionDenied: 77  // EX_NOPERM
        }
    }
}
