import ArgumentParser
import FormcheckHistory
import FormcheckDevices
import FormcheckFormats
import Foundation
import MotionCore

extension CalibrateCommand {
    /// `calibrate --walk DISTANCE [SOURCE]`: the user's stride from a walk over a known distance
    /// (`WalkCalibration`), saved in the profile of the history (`--db`).
    func calibrateStride(_ distance: WalkDistance, isFile: Bool) async throws {
        var walk = WalkCalibration(distance: distance.metres)
        func feed(_ r: SensorReading) {
            switch r {
            case .sample(let s): _ = walk.update(s)
            case .gap: _ = walk.gapOccurred()
            }
        }
        if isFile {
            // Streamed: memory does not grow with the recording.
            do { _ = try csvUnits.open(source).forEachReadingDecodedAhead { feed($0) } } catch { throw fail(error) }
        } else {
            let discovery = roots.discovery
            let path = try DeviceChoice.node(source, discovery: discovery, example: "formcheck calibrate --walk \(distance) %@")
            let live: LiveSource<SensorReading>
            do { live = try LiveSource<SensorReading>(device: try EvdevDevice.open(path: path, sysfsRoot: discovery.sysfsRoot)) } catch { throw fail(error) }
            let signals = SignalStop.install { live.stop() }
            defer { SignalStop.restore(signals) }
            let timer = Task {
                try await Task.sleep(for: .seconds(timeout ?? 900))
                live.stop()
            }
            defer { timer.cancel() }
            printError("formcheck: stand still, walk \(distance) on the level at your usual pace, then stand still until this says it is done (Ctrl-C ends it)")
            do {
                for try await r in live.stream {
                    feed(r)
                    if walk.isFinished { break }
                }
            } catch let error as InputError { throw fail(error) }
            live.stop()
        }
        switch walk.result {
        case .failed(let shortfall):
            printError("""
                formcheck: \(source): no stride: \(shortfall.explanation(distance: distance.metres))
                  fix: \(shortfall.fix(distance: distance.metres))
                """)
            throw ExitCode(65)
        case .stride(let stride, let strides, let seconds):
            let store = try history.open()
            do {
                var profile = try store.profile()
                profile.strideMetres = stride
                try store.saveProfile(profile)
            } catch let error as HistoryError { throw fail(error) }
            printError(String(format: "formcheck: your stride is %.2f m (%@ over %d strides, %d steps, %.0f s walking), saved in %@; walking distance is counted with it from now on",
                              stride, distance.text, strides, 2 * strides, seconds, store.path))
        }
    }
}
