/// What stat(2) says about a path, taken without opening it.
struct FileStatus: Sendable, Hashable {
    /// Permission bits (`st_mode & 0o7777`), e.g. 0o660.
    var permissions: UInt32
    var isCharacterDevice: Bool
    var ownerID: UInt32
    var groupID: UInt32
    /// Major and minor number of a device node (`st_rdev`); zero for other files.
    var deviceMajor: UInt32
    var deviceMinor: UInt32
}
