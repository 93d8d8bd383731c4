import ArgumentParser
import FormcheckDevices
import FormcheckFeedback
import FormcheckFormats
import FormcheckHistory
import Foundation

/// What every live command (`live`, `routine`; one sensor or one on each thigh) sets up the same
/// way before its session: the speech, the pain before it, the devices opened (each with its
/// recording), then the history. `open` gives the `LiveRun` the command's session runs in.
struct LiveSetup {
    /// `--speak`: the cues said aloud (espeak-ng; when it is missing, said on stderr and the session goes on).
    var speak: Bool
    var history: HistoryOptions
    /// `--no-save`: nothing saved, the pain not asked; the history is still read when it exists.
    var noSave: Bool
    var pain: PainOptions
    var discovery: DeviceDiscovery
    /// The command line that fixes a device choice, `%@` where the device goes (`DeviceChoice`).
    var example: String

    /// Asks the pain before the session (unless `--no-save`), opens the nodes in order, each
    /// recorded into its path (`recordings`: one per node, or none), then the history (once the
    /// devices are open: a missing or unreadable device is said first).
    /// When a device or the history cannot be opened the session does not begin: the devices
    /// opened so far are stopped and the recordings they began (headers alone) removed.
    /// - Parameter nodes: the nodes chosen (`DeviceChoice`, `PairDevices`), the left thigh's first.
    /// - Throws: `ExitCode` after printing what is wrong and the fix.
    func open(nodes: [String], recordings: [String]) throws -> LiveRun {
        var speech: SpeechSink?
        if speak {
            do { speech = try SpeechSink.make() } catch { printError("formcheck: \(error)") }
        }
        let painBefore = noSave ? nil : try Self.askPainBefore(pain.pain, speech: speech)
        var devices: [LiveDevice] = []
        for (i, node) in nodes.enumerated() {
            let path = recordings.indices.contains(i) ? recordings[i] : nil
            do { devices.append(try LiveDevice.open(node, discovery: discovery, record: path, example: example)) } catch {
                Self.abandon(devices, recordings: Array(recordings.prefix(devices.count)))
                throw error
            }
        }
        let store: HistoryStore?
        do { store = noSave ? nil : try history.open() } catch {
            Self.abandon(devices, recordings: recordings)
            throw error
        }
        return LiveRun(devices: devices, recordings: recordings, speech: speech, store: store,
                       reading: try store ?? history.existingStore(), painBefore: painBefore, history: history, pain: pain)
    }

    /// The pain before the session. Ctrl-C or SIGTERM while it is asked ends formcheck there, before
    /// anything is opened, recorded or saved, with the terminal's mode given back (key mode keeps
    /// Ctrl-C a signal, whose default action would end the process with the terminal left in key
    /// mode): exit 130, as a shell reports a command ended by Ctrl-C (README "Exit status").
    /// - Throws: `ExitCode(130)` after saying so on stderr.
    private static func askPainBefore(_ given: Int?, speech: SpeechSink?) throws -> Int? {
        let interrupted = StopFlag()
        let signals = SignalStop.install { interrupted.set() }
        let answer = PainQuestion.ask(.before, given: given, speech: speech, stop: interrupted)
        SignalStop.restore(signals)
        guard !interrupted.isSet else {
            speech?.finish(timeout: 0)
            printError("formcheck: " + CueCatalogue.english.stoppedBeforeSession)
            throw ExitCode(130)
        }
        return answer
    }

    /// The session does not begin: `devices` are stopped and the recordings they began removed.
    private static func abandon(_ devices: [LiveDevice], recordings: [String]) {
        for d in devices {
            d.stopper.stop()
            try? d.recording?.close()
        }
        for p in recordings { try? FileManager.default.removeItem(atPath: p) }
    }
}
