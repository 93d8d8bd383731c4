import FormcheckFormats

/// The project's Fixtures/ folder, found from this file's path.
enum Fixtures {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/FormcheckFormatsTests/Fixtures.swift
        return parts.joined(separator: "/") + "/Fixtures"
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    static func device(_ name: String) -> String { path("devices/\(name).evemu") }

    /// Every evemu file under Fixtures/devices.
    static let deviceFiles = [
        "dualsense-bt-motion-sensors", "dualsense-usb-motion-sensors", "dualshock4-v2-bt-motion-sensors",
        "joycon-left-imu", "joycon-right-imu", "steam-deck-motion-sensors",
        "synthetic-dualsense-usb-pitch90", "synthetic-joycon-left-pitch90", "wii-remote-accelerometer",
    ]
}
