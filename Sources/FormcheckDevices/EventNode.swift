import FormcheckFormats

/// What `LiveSource`'s reader thread reads: an evdev node (`EvdevDevice`), or a stand-in that
/// hands out events as one does (`PipeEventNode`, for the bench). Used from one thread at a time.
package protocol EventNode: AnyObject {
    /// The node as opened.
    var path: String { get }
    /// The controller's unique id, if the driver sets one.
    var uniq: String? { get }
    /// The node's description when reading starts.
    var description: DeviceDescription { get }
    /// Appends the events the node has to `events`, waiting up to `timeoutMilliseconds` for the
    /// first one (0: at once; -1: until one comes); the contract of `EvdevDevice.readEvents`.
    /// - Throws: `.deviceGone` when the node went away, after appending what was read before.
    func readEvents(into events: inout [InputEvent], timeoutMilliseconds: Int32) throws(InputError)
}
