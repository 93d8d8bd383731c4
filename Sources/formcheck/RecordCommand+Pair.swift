import ArgumentParser
import FormcheckDevices
import FormcheckFormats
import Foundation
import MotionCore

extension RecordCommand {
    /// `formcheck record LEFT RIGHT -o NAME.json`: both nodes at once, each into its own evemu file
    /// (`NAME.left.evemu`, `NAME.right.evemu`, written frame by frame as one device's are), and the
    /// session file that ties them (`SessionFile`: devices, sides, each recording's first event on
    /// the kernel clock), written as soon as both recordings have begun and again at the end. Ctrl-C
    /// or `--duration` ends both; a node removed ends its own recording (the other goes on) and the
    /// status is 74.
    func recordPair(left: String, right: String) async throws {
        guard SessionFile.isSessionPath(output) else {
            throw ValidationError("with two devices -o names the session file, NAME.json (the recordings NAME.left.evemu and NAME.right.evemu go beside it)")
        }
        let discovery = roots.discovery
        let example = "formcheck record %@ RIGHT-DEVICE -o \(output)"
        let nodes = try PairDevices.choose(left, right, explicit: false, coached: false, discovery: discovery, example: example)
        let paths = [Side.left: nodes.left, .right: nodes.right]
        var files: [Side: RecordingFile] = [:]
        var sources: [Side: LiveSource<InputEvent>] = [:]
        var names: [Side: String] = [:]
        var uniqs: [Side: String] = [:]
        do {
            for side in [Side.left, .right] {
                let device = try EvdevDevice.open(path: paths[side] ?? "", sysfsRoot: discovery.sysfsRoot)
                names[side] = device.name
                uniqs[side] = device.uniq
                files[side] = try RecordingFile(path: SessionFile.recordingPath(side, sessionPath: output), description: device.description)
                sources[side] = LiveSource<InputEvent>(device: device)
            }
        } catch {
            for s in sources.values { s.stop() }
            throw fail(error)
        }
        let all = Array(sources.values)
        let signals = SignalStop.install { for s in all { s.stop() } }
        defer { SignalStop.restore(signals) }
        let timer = duration.map { seconds in
            Task {
                try await Task.sleep(for: .seconds(seconds + 1))
                for s in all { s.stop() }
            }
        }
        defer { timer?.cancel() }
        let output = self.output
        func writeSession() throws(InputError) {
            let entries = [Side.left, .right].map { side in
                SessionFile.Entry(side: side, file: (SessionFile.recordingPath(side, sessionPath: output) as NSString).lastPathComponent,
                                  device: names[side] ?? "", uniq: uniqs[side], start: files[side]?.firstEventTime)
            }
            try SessionFile(recordings: entries, sides: nodes.sides == .fixed ? .named : .given).write(to: output)
        }
        printError("formcheck: recording '\(names[.left] ?? "")' (left thigh, \(paths[.left] ?? "")) and '\(names[.right] ?? "")' "
                   + "(right thigh, \(paths[.right] ?? "")) to \(output); Ctrl-C stops")

        enum Message: Sendable {
            case event(Side, InputEvent)
            case ended(Side, InputError?)
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Message.self)
        let readers = [Side.left, .right].compactMap { side in
            sources[side].map { source in
                Task {
                    do {
                        for try await e in source.stream { continuation.yield(.event(side, e)) }
                        continuation.yield(.ended(side, nil))
                    } catch {
                        continuation.yield(.ended(side, error as? InputError))
                    }
                }
            }
        }
        defer { for r in readers { r.cancel() } }
        let limit = duration.map { Int64(($0 * 1_000_000).rounded()) }
        var failures: [InputError] = []
        var ended: Set<Side> = []
        var sessionWritten = false
        for await message in stream {
            switch message {
            case .event(let side, let e):
                guard let file = files[side], !ended.contains(side) else { continue }
                do { try file.append(e) } catch {
                    failures.append(error)
                    sources[side]?.stop()
                    ended.insert(side)
                }
                if !sessionWritten, files.values.allSatisfy({ $0.firstEventTime != nil }) {
                    sessionWritten = true
                    do { try writeSession() } catch { failures.append(error) }
                }
                if let limit, let first = file.firstEventTime, file.pendingEventCount == 0, e.time - first >= limit {
                    sources[side]?.stop()
                    ended.insert(side)
                }
            case .ended(let side, let error):
                ended.insert(side)
                if let error { failures.append(error) }
            }
            if ended.count == 2 { break }
        }
        for s in all { s.stop() }
        for side in [Side.left, .right] {
            do { try files[side]?.close() } catch { failures.append(error) }
        }
        do { try writeSession() } catch { failures.append(error) }
        for side in [Side.left, .right] {
            guard let file = files[side] else { continue }
            let seconds = Double((file.lastWrittenTime ?? 1) - 1) / 1_000_000
            printError("formcheck: \(side.rawValue) thigh: \(file.framesWritten) frame\(file.framesWritten == 1 ? "" : "s"), \(fixed(seconds, 3)) s, to \(file.path)")
        }
        printError("formcheck: the session file is \(output)")
        if let first = failures.first { throw fail(first) }
    }
}
