/// What stat(2) says about a path, taken without opening it.
package struct FileStatus: Sendable, Hashable {
    /// Permission bits (`st_mode & 0o7777`), e.g. 0o660.
    package var permissions: UInt32
    package var isCharacterDevice: Bool
    package var ownerID: UInt32
    package var groupID: UInt32
    /// Major and minor number of a device node (`st_rdev`); zero for other files.
    package var deviceMajor: UInt32
    package var deviceMinor: UInt32
}
