import FormcheckFormats

/// Waiting for a controller to come back.
extension DeviceDiscovery {
    /// Polls sysfs until a usable, readable motion node that `matches` is present, and returns it.
    /// Readability is waited for too: a reconnected node is root-only for a moment, until udev
    /// has applied its rules.
    /// - Parameter interval: time between looks at sysfs.
    /// - Throws: `CancellationError` when the calling task is cancelled (the only way out when the
    ///   controller never returns).
    public func waitForMotionNode(interval: Duration = .milliseconds(500),
                                  where matches: @Sendable (MotionNode) -> Bool) async throws -> MotionNode {
        while true {
            if let node = motionNodes().first(where: { $0.access.readable && matches($0) }) { return node }
            try await Task.sleep(for: interval)
        }
    }

    /// Waits for the motion node of the controller with unique id `uniq` (compared without
    /// regard to case), e.g. after it disappeared; see `waitForMotionNode(interval:where:)`.
    public func waitForMotionNode(uniq: String, interval: Duration = .milliseconds(500)) async throws -> MotionNode {
        let wanted = uniq.lowercased()
        return try await waitForMotionNode(interval: interval) { $0.uniq?.lowercased() == wanted }
    }
}
