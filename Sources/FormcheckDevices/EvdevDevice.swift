import CLibevdev
import FormcheckFormats
import Glibc
import SystemPackage

/// An open motion-sensor evdev node: the file descriptor and its libevdev handle, both released
/// in deinit. Opened read-only and never grabbed, so other programs (games, Steam) keep reading
/// the controller.
///
/// Not thread-safe: use it from one thread at a time (`LiveSource` gives it its own thread).
public final class EvdevDevice: EventNode {
    /// The device node as given to `open`.
    public let path: String
    /// The controller's unique id (MAC address) where the driver sets one; says which device to
    /// wait for after it disappears.
    public let uniq: String?
    let fd: FileDescriptor
    let handle: OpaquePointer
    /// Between a SYN_DROPPED and the end of libevdev's resync events.
    var syncing = false

    private init(path: String, fd: FileDescriptor, handle: OpaquePointer) {
        self.path = path
        self.fd = fd
        self.handle = handle
        uniq = libevdev_get_uniq(handle).flatMap { $0.pointee == 0 ? nil : String(cString: $0) }
    }

    deinit {
        libevdev_free(handle)
        SystemCall.closeDescriptor(fd)
    }

    /// Opens a motion-sensor node for reading.
    ///
    /// Sysfs is asked first (the node's `/sys/dev/char/MAJOR:MINOR` directory): a node without
    /// INPUT_PROP_ACCELEROMETER is refused before it is opened, so formcheck never opens a
    /// keyboard. The node is then opened `O_RDONLY | O_NONBLOCK | O_CLOEXEC`, the property is
    /// checked again through libevdev, and event times are switched to CLOCK_MONOTONIC.
    /// - Parameter sysfsRoot: where sysfs is mounted (tests use a fake tree).
    /// - Throws: `.notMotionSensor` (not an accelerometer node; nothing was opened),
    ///   `.permissionDenied` (with the udev-rule fix), `.cannotOpen` (no such node),
    ///   `.deviceGone` (the node is there but its device is not), `.system`.
    public static func open(path: String, sysfsRoot: String = "/sys") throws(InputError) -> EvdevDevice {
        let node = try DeviceDiscovery(sysfsRoot: sysfsRoot).sysfsNode(forDevicePath: path)
        guard node.properties.contains(EventCode.propAccelerometer) else {
            throw InputError.notAccelerometer(path: path, name: node.name)
        }
        let fd: FileDescriptor
        do {
            fd = try SystemCall.openDevice(path)
        } catch where error.kind == .deviceGone {
            throw InputError.deviceGone(path: path, uniq: node.uniq, whileReading: false, errno: error.errno)
        }
        var handle: OpaquePointer?
        let rc = libevdev_new_from_fd(fd.rawValue, &handle)
        guard rc == 0, let handle else {
            SystemCall.closeDescriptor(fd)
            let e = -rc
            if e == ENODEV { throw InputError.deviceGone(path: path, uniq: node.uniq, whileReading: false, errno: e) }
            throw InputError(.system, path: path, "libevdev cannot read the device: \(SystemCall.message(e))",
                             fix: e == ENOTTY || e == EINVAL ? "this is not an evdev node; name /dev/input/eventN" : nil, errno: e)
        }
        // From here on, deinit frees the handle and closes the descriptor.
        let device = EvdevDevice(path: path, fd: fd, handle: handle)
        guard libevdev_has_property(handle, UInt32(EventCode.propAccelerometer)) == 1 else {
            throw InputError.notAccelerometer(path: path, name: device.name)
        }
        let clock = libevdev_set_clock_id(handle, CLOCK_MONOTONIC)
        guard clock == 0 else {
            throw InputError(.system, path: path, "cannot switch event times to CLOCK_MONOTONIC: \(SystemCall.message(-clock))", errno: -clock)
        }
        return device
    }

    /// The device's name, as the driver sets it.
    public var name: String {
        libevdev_get_name(handle).map { String(cString: $0) } ?? ""
    }
}
