import ArgumentParser
import FormcheckDevices
import FormcheckFormats

/// Where sysfs, /dev and udev's database are: hidden options, so tests can point the device
/// commands at a fake tree.
struct DeviceRoots: ParsableArguments {
    @Option(help: .hidden)
    var sysfsRoot = "/sys"

    @Option(help: .hidden)
    var devRoot = "/dev"

    @Option(help: .hidden)
    var udevRoot = "/run/udev"

    var discovery: DeviceDiscovery {
        DeviceDiscovery(sysfsRoot: sysfsRoot, devRoot: devRoot, udevRoot: udevRoot)
    }
}
