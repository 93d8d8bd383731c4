import FormcheckFormats
import Glibc

/// Whether this process may read an evdev node, and if not, why and what to do. Decided from
/// access(2) and stat(2) and udev's database, without opening the node.
public struct NodeAccess: Sendable, Hashable {
    public var readable: Bool
    /// Owner and group names (or numbers) and permission bits of the node, when it exists.
    public var owner: String?
    public var group: String?
    /// Permission bits, e.g. 0o660.
    public var mode: UInt32?
    /// Whether udev tagged the node `uaccess` (the tag by which logind grants the user at the
    /// machine an ACL on it); nil when udev's database does not say, and for readable nodes
    /// (not looked up).
    public var uaccessTagged: Bool?
    /// Why the node cannot be read; nil when it can.
    public var reason: String?
    /// What to do about it; nil when it can be read.
    public var fix: String?

    public init(readable: Bool, owner: String? = nil, group: String? = nil, mode: UInt32? = nil,
                uaccessTagged: Bool? = nil, reason: String? = nil, fix: String? = nil) {
        self.readable = readable
        self.owner = owner
        self.group = group
        self.mode = mode
        self.uaccessTagged = uaccessTagged
        self.reason = reason
        self.fix = fix
    }

    /// `mode` as at least four octal digits, e.g. "0660".
    public var octalMode: String? { mode.map(octal4) }

    /// The decision, from the facts gathered about a node (so it can be tested with any of them).
    /// - Parameters:
    ///   - accessErrno: nil when access(path, R_OK) succeeded, else its errno.
    ///   - owner, group: names (or numbers) of the node's owner and group; nil when it has no node.
    ///   - mode: permission bits; nil when it has no node.
    ///   - uaccessTagged: whether udev tagged it `uaccess`; nil when unknown.
    public static func decide(path: String, accessErrno: Int32?, owner: String?, group: String?,
                              mode: UInt32?, uaccessTagged: Bool?) -> NodeAccess {
        var result = NodeAccess(readable: accessErrno == nil, owner: owner, group: group, mode: mode, uaccessTagged: uaccessTagged)
        guard let e = accessErrno else { return result }
        switch e {
        case ENOENT:
            result.reason = "sysfs lists the node but \(path) does not exist"
            result.fix = "udev creates /dev/input nodes: check that it runs (systemd-udevd); in a container, pass /dev/input through"
        case EACCES, EPERM:
            var why = "\(path) is "
            if let owner, let group, let mode {
                why += "\(owner):\(group) mode \(octal4(mode))"
            } else {
                why += "not readable"
            }
            why += " and grants this user no read access"
            switch uaccessTagged {
            case .some(false):
                result.reason = why + "; udev did not tag it 'uaccess', so no user is given access"
                result.fix = InputError.udevRuleFix
            case .some(true):
                result.reason = why + "; udev tagged it 'uaccess', which grants access only to the active local session"
                result.fix = InputError.inactiveSessionFix
            case nil:
                result.reason = why
                result.fix = InputError.udevRuleFix
            }
        default:
            result.reason = "cannot check \(path): " + String(cString: strerror(e))
        }
        return result
    }
}

/// Permission bits as at least four octal digits, e.g. "0660".
func octal4(_ mode: UInt32) -> String {
    let s = String(mode, radix: 8)
    return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
}
