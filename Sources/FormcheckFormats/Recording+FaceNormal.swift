import MotionCore

extension Recording {
    /// The sensor-frame normal of the device's face, where the file's kind tells it: a CSV from a
    /// phone or an IMU board has z out of the screen/board (Android's and the boards' convention), so
    /// a device lying flat on the thigh has its z across the femur. For evdev recordings the axes
    /// depend on the driver and nothing is assumed (nil).
    public static func faceNormal(of path: String) -> Vector3? {
        path.lowercased().hasSuffix(".csv") ? .unitZ : nil
    }
}
