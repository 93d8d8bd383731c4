import FormcheckFormats
import SystemPackage

/// pipe(2), for `PipeEventNode` (the bench's stand-in for a device), through swift-system.
extension SystemCall {
    /// A new pipe: its read end and its write end.
    /// - Throws: `.system` when the process is out of descriptors.
    static func makePipe(path: String) throws(InputError) -> (read: FileDescriptor, write: FileDescriptor) {
        try system({ () throws -> (read: FileDescriptor, write: FileDescriptor) in
            let ends = try FileDescriptor.pipe()
            return (ends.readEnd, ends.writeEnd)
        }) { e in
            InputError(.system, path: path, "cannot make a pipe: \(message(e))", errno: e)
        }
    }
}
