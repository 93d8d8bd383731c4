import ArgumentParser
import FormcheckFeedback
import FormcheckHistory
import FormcheckDevices
import FormcheckFormats
import Foundation

/// The device a live command (`live`, `routine`) reads, opened: its first connection, the
/// recording being written (--record), the switch that Ctrl-C uses to stop it, and how to wait for
/// it to come back when it is unplugged (the same uniq).
struct LiveDevice {
    let path: String
    let uniq: String?
    let recording: RecordingFile?
    let stopper: StopSwitch
    let first: LiveConnection
    let reconnect: @Sendable (String) async throws -> LiveConnection?

    /// Chooses the node (`DeviceChoice`), opens it read-only, and starts the recording.
    /// - Throws: `ExitCode` after printing what is wrong and the fix.
    static func open(_ device: String?, discovery: DeviceDiscovery, record: String?, example: String) throws -> LiveDevice {
        let path = try DeviceChoice.node(device, discovery: discovery, example: example)
        let opened: EvdevDevice
        do { opened = try EvdevDevice.open(path: path, sysfsRoot: discovery.sysfsRoot) } catch { throw fail(error) }
        let description = opened.description
        let initial = opened.currentAxisValues
        let uniq = opened.uniq
        let recording: RecordingFile?
        if let record {
            do { recording = try RecordingFile(path: record, description: description) } catch { throw fail(error) }
        } else {
            recording = nil
        }
        let source = LiveSource<[InputEvent]>(device: opened)
        let stopper = StopSwitch(source: source)
        let sysfsRoot = discovery.sysfsRoot
        return LiveDevice(
            path: path, uniq: uniq, recording: recording, stopper: stopper,
            first: LiveConnection(batches: source.stream, description: description, initialValues: initial, path: path, uniq: uniq),
            reconnect: { uniq in
                // Ctrl-C while waiting ends the session.
                let wait = Task { try await discovery.waitForMotionNode(uniq: uniq) }
                guard stopper.waiting(wait), let node = try? await wait.value else { return nil }
                let device = try EvdevDevice.open(path: node.path, sysfsRoot: sysfsRoot)
                let values = device.currentAxisValues
                let d = device.description
                let again = LiveSource<[InputEvent]>(device: device)
                stopper.replace(again)
                return LiveConnection(batches: again.stream, description: d, initialValues: values, path: node.path, uniq: uniq)
            })
    }
}
