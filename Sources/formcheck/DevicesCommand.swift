import ArgumentParser
import FormcheckFormats

struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List motion-sensor input nodes.",
        discussion: """
            Finds motion-sensor nodes (INPUT_PROP_ACCELEROMETER with ABS_X…ABS_RZ) through sysfs, without \
            opening any other input node, and says whether this user can read each. Ranges and resolutions \
            are read from nodes that can be read. Accelerometer-like nodes formcheck cannot use are listed \
            with the reason.
            """)

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var roots: DeviceRoots

    func run() async throws {
        let report = DevicesReport(discovery: roots.discovery)
        print(json ? try jsonText(report) : report.text)
    }
}
