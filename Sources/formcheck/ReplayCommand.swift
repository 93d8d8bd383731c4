import ArgumentParser
import FormcheckDevices
import FormcheckFeedback
import FormcheckHistory
import FormcheckFormats
import Foundation
import MotionCore

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Analyse recorded sessions: holds, reps, form errors, cues and a summary for each file.",
        discussion: """
            Runs the same pipeline as 'formcheck live' on evemu recordings (formcheck record, evemu-record, \
            live --record) and CSV IMU files, so a replay reports what live coaching reported. Without \
            --exercise the exercise is recognised from the recording (and said on stderr, or as an \
            exerciseRecognised line in JSON); when it cannot be told, name it. With --exercise, a \
            recording that is clearly another exercise is a wrongExercise error. With a left and a \
            right recording of one exercise (--side once per file, in their order: replay L.evemu \
            R.evemu --exercise hamstring --side left --side right), a symmetry comparison follows the \
            summaries (a "symmetry" line in JSON): peaks further apart than the protocol's \
            symmetry.degrees (10), or a time under stretch (complete reps) below symmetry.holdRatio \
            (0.8) of the other side's, are flagged. With --save each recording is saved in the history \
            as a session (one exercise, or --routine's exercises as they end), dated --date or the \
            file's modification time, with --pain and --pain-after; a session file of two sensors \
            is one session, each leg's attempt an exercise.
            """)

    @Argument(help: "Recordings (.evemu or .csv), or session files of two sensors (.json: formcheck record LEFT RIGHT).", completion: .file())
    var files: [String]

    @OptionGroup var options: ExerciseOptions

    @Option(help: "Output format: text for people, json for JSON Lines.")
    var format: OutputFormat = .text

    @Flag(help: "Replay at the recorded pace (as 'live' would have seen it, with its full-screen view on a terminal) instead of as fast as possible; Ctrl-C ends it with the summary.")
    var realtime = false

    @Flag(help: "Speak the cues (needs espeak-ng); replays at the recorded pace, as --realtime.")
    var speak = false

    @Option(name: .customLong("speak-to"),
            help: "Write the session's cues, spoken (espeak-ng) at their times, into one WAVE file (one recording only).",
            completion: .file(extensions: ["wav"]))
    var speakTo: String?

    @OptionGroup var csvUnits: CSVUnitOptions

    @Option(help: "Replay a recorded routine session: a routine ('formcheck routines') or a routine file, instead of --exercise.",
            completion: .file(extensions: ["json"]))
    var routine: String?

    @Flag(help: "Save each recording in the history as a session (--db, --date, --pain, --pain-after).")
    var save = false

    @Option(help: ArgumentHelp("With --save: when the session began, in local time (YYYY-MM-DD, YYYY-MM-DDTHH:MM, today, Nd); default: the recording's modification time.",
                               valueName: "date"),
            transform: DateOption.parse)
    var date: Date?

    @OptionGroup var pain: PainOptions

    @OptionGroup var history: HistoryOptions

    @Option(name: .customLong("plan-date"),
            help: ArgumentHelp("With --routine: replay with the doses your plan gave on this day (from the history, --db; --plan), as 'formcheck routine' would have: \(DateArgument.formats).",
                               valueName: "date"),
            transform: DateOption.parse)
    var planDate: Date?

    @OptionGroup var planOptions: PlanOptions

    func validate() throws {
        if !save {
            // --db alone reads the history (the profile's stride for walking distance, --plan-date's plan).
            for (given, name) in [(date != nil, "--date"), (pain.pain != nil, "--pain"), (pain.painAfter != nil, "--pain-after")] where given {
                throw ValidationError("\(name) is for --save: add --save to keep the replay in the history")
            }
        }
        if planDate != nil && routine == nil {
            throw ValidationError("--plan-date plans a routine's doses: give --routine NAME too")
        }
        if date != nil && files.count > 1 {
            throw ValidationError("--date dates one session: give one recording (each file's own modification time is used otherwise)")
        }
        if speakTo != nil && files.count > 1 {
            throw ValidationError("--speak-to writes one file: give one recording")
        }
        if options.sides.count > 1 && options.sides.count != files.count {
            throw ValidationError("\(options.sides.count) --side for \(files.count) files: give --side once for all of them, or once per file in their order")
        }
    }

    func run() async throws {
        let store = save ? try history.open() : nil
        if files.contains(where: SessionFile.isSessionPath) { return try replaySessions(store: store) }
        if let routine { return try replayRoutine(routine, store: store) }
        let named = try options.loadNamedProtocol()
        let candidates = try options.loadCandidates(with: named)
        let stored = try options.loadCalibration()
        let distance = try walkingDistance(store)
        // Speaking follows the recording's pace: cues are heard when they would have been live.
        let paced = realtime || speak
        let speechFile = try speakTo.map { try SpeechOutput.file($0) }
        var unusable: [String] = []
        var summaries: [Replayed] = []
        for (index, file) in files.enumerated() {
            let side = options.side(file: index)
            let recording: Recording
            do { recording = try csvUnits.open(file) } catch { throw fail(error) }
            if let stored, let d = recording.description,
               let why = stored.deviceMismatch(.init(name: d.name, id: d.idString, uniq: d.uniq)) {
                printError("formcheck: \(file): warning: the calibration may not fit this recording: \(why)")
            }
            // Which exercise it is, from every protocol's numbers — when none is named: a first pass
            // over the recording (streamed, its first `RecordingOverview.defaultLimit` seconds). With
            // one named, recognition waits for the session's end and runs only if the session found
            // nothing of it (below): coaching then costs what live does, and a paced replay plays
            // as live would see it, nothing read ahead.
            var recognition = try named != nil ? nil
                : Self.recognise(recording, side: side, storedMounting: stored?.mounting, among: candidates)
            let exercise: ExerciseProtocol
            if let named {
                exercise = named
            } else if let recognition {
                guard let chosen = Self.chosen(recognition, among: candidates) else {
                    printError("formcheck: \(file): " + Self.unsure(recognition))
                    unusable.append(file)
                    continue
                }
                if format == .text || paced { printError("formcheck: \(file): recognised: " + CueCatalogue.english.recognition(recognition)) }
                exercise = chosen
            } else {
                continue  // not reached: without a named exercise the recording is always read ahead
            }
            var pipeline = SessionPipeline(estimator: OrientationFilter(), exercise: exercise, side: side,
                                           holdSeconds: options.hold, storedMounting: stored?.mounting,
                                           height: distance.height, stride: distance.stride)
            let saving = store.map {
                SessionHistory(store: $0, record: sessionRecord(file, recording, kind: .replay, routine: nil),
                               recorder: .single(exercise: exercise.name, side: side), beginNow: false)
            }
            var stoppedEarly = false
            // Written as the events are (unbuffered): print's buffer would put it after the file's report.
            if files.count > 1 && format == .text { writeStandardOutput(Array("== \(file)\n".utf8)) }
            let summary: SessionSummary
            if paced && recording.format != .evemu {
                printError("formcheck: \(file): warning: only evemu recordings replay at the recorded pace; this one is analysed at once")
            }
            if paced, recording.format == .evemu, let description = recording.description {
                let events: [InputEvent]
                do { events = try recording.events() } catch { throw fail(error) }
                let output = EventOutput(format: format, live: true, exercise: exercise, side: side)
                var speech: SpeechSink?
                if speak {
                    do { speech = try SpeechSink.make() } catch { printError("formcheck: \(error)") }
                }
                let stop = StopFlag()
                let signals = SignalStop.install { stop.set() }
                defer { SignalStop.restore(signals) }
                let start = ContinuousClock.now
                let source = PacedEventSource.stream(events) { seconds in
                    // Ctrl-C ends the stream: the session ends with its summary.
                    if stop.isSet { throw CancellationError() }
                    try await Task.sleep(until: start.advanced(by: .seconds(seconds)), clock: .continuous)
                    if stop.isSet { throw CancellationError() }
                }
                var runner = LiveSessionRunner(pipeline: pipeline, recording: nil)
                let connection = LiveSessionRunner<OrientationFilter>.Connection(
                    events: source, description: description, initialValues: description.absInfo.mapValues(\.value),
                    path: file, uniq: nil)
                do {
                    summary = try await runner.run(connection, reconnect: nil, emit: { e, status in
                        output.emit(e, status: status)
                        speech?.handle(e)
                        speechFile?.handle(e)
                    }, progress: { status in
                        output.tick(status)
                        saving?.sample(t: status.t, flexion: status.flexion)
                    }, notice: { printError("formcheck: " + $0) })
                } catch let error as InputError { throw fail(error) }
                speech?.finish(timeout: 3)
                pipeline = runner.pipeline
                stoppedEarly = stop.isSet
            } else {
                let output = EventOutput(format: format)
                var events: [SessionEvent] = []
                // Streamed: each reading is coached as it is read, its events written at once; the
                // file is read and decoded on a thread of its own, and its angles found on another,
                // a few batches ahead.
                do {
                    _ = try pipeline.consume(recording, events: { made in
                        for e in made {
                            output.emit(e)
                            speechFile?.handle(e)
                        }
                    }, sample: saving.map { saving in { status in saving.sample(t: status.t, flexion: status.flexion) } })
                } catch { throw fail(error) }
                // A named exercise of which the session found nothing (no hold, no rep, no step): is it
                // clearly another exercise? (`wrongExercise`, said just before the session's end.)
                if named != nil {
                    var probe = pipeline
                    var ignored: [SessionEvent] = []
                    let so = probe.finish(into: &ignored)
                    if so.holds.isEmpty && (so.reps ?? []).isEmpty && (so.steps ?? 0) == 0 {
                        recognition = try Self.recognise(recording, side: side, storedMounting: stored?.mounting, among: candidates)
                    }
                }
                // Known once the whole recording was read: just before the session's end.
                if let recognition { pipeline.recognised(recognition, announce: named == nil && format == .json, into: &events) }
                summary = pipeline.finish(into: &events)
                for e in events {
                    output.emit(e)
                    speechFile?.handle(e)
                }
            }
            if let speechFile { try SpeechOutput.write(speechFile, duration: summary.t) }
            // Ctrl-C during a paced replay: what was done is saved, and the replay ends.
            if stoppedEarly {
                saving?.single(summary, ending: .of(summary, exercise: exercise))
                try saving?.close(painAfter: nil, recordings: [file], duration: summary.t, later: nil)
                break
            }
            if let problem = Self.unrecognised(summary, samples: pipeline.samples, calibrated: pipeline.angles.tracker.calibration != nil,
                                               exercise: exercise, recognition: recognition) {
                printError("formcheck: \(file): \(problem)")
                unusable.append(file)
            } else {
                summaries.append(Replayed(file: file, summary: summary, rules: exercise.symmetry, pipeline: pipeline, recording: recording))
                saving?.single(summary, ending: .of(summary, exercise: exercise))
                try saving?.close(painAfter: nil, recordings: [file], duration: summary.t, later: nil)
            }
        }
        try printSymmetry(summaries)
        // Nothing to coach in a file is bad data, not success (README "Exit status").
        if !unusable.isEmpty { throw ExitCode(65) }
    }

    /// The session a replayed file is saved as: dated `--date` or the file's modification time, its
    /// device the recording's, the pain given.
    func sessionRecord(_ file: String, _ recording: Recording, kind: SessionRecord.Kind, routine: String?) -> SessionRecord {
        let modified = (try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate]) as? Date
        let path = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        return SessionRecord(
            startedAt: date ?? modified ?? Date(), kind: kind, routine: routine,
            devices: recording.description.map { [SessionHistory.device(name: $0.name, uniq: $0.uniq)] } ?? [],
            painBefore: pain.pain, painAfter: pain.painAfter, recordings: [RecordingReference(path: path)])
    }

    /// Which of `candidates` the recording is: one streamed pass over its first
    /// `RecordingOverview.defaultLimit` seconds (the rest is not read).
    static func recognise(_ recording: Recording, side: Side, storedMounting: Quaternion?,
                          among candidates: [ExerciseProtocol]) throws -> ExerciseRecognition {
        var overview = RecordingOverview(side: side, storedMounting: storedMounting)
        do {
            _ = try recording.readReadingsDecodedAhead(while: { r in
                overview.consume(r)
                return !overview.isFull
            })
        } catch { throw fail(error) }
        overview.finish()
        return ExerciseRecogniser.recognise(overview, among: candidates)
    }

    /// The protocol recognised, when the recogniser is at least `likely` (nil: unsure, or no samples).
    static func chosen(_ r: ExerciseRecognition, among candidates: [ExerciseProtocol]) -> ExerciseProtocol? {
        guard r.samples > 0, r.confidence >= .likely, let name = r.exercise else { return nil }
        return candidates.first { $0.name == name }
    }

    /// Why the exercise could not be recognised, with the fix.
    static func unsure(_ r: ExerciseRecognition) -> String {
        if r.samples == 0 {
            return "no usable samples: the recording has no complete accelerometer and gyroscope frame\n"
                + "  fix: record again with 'formcheck record', or check the file with 'formcheck inspect'"
        }
        return "cannot tell which exercise this is: " + CueCatalogue.english.recognition(r) + "\n"
            + "  fix: name it with --exercise NAME ('formcheck exercises' lists them)"
    }

    /// Why a session's file gave nothing to coach (nil when it did), with the fix: no usable
    /// samples, or a stretch with no hold where the strap was never calibrated or the movement is
    /// another exercise's, or a walk with no walking. A session cut short before its first hold was
    /// done (unplugged, stopped) is not that: it was recognised, and its summary says what was done.
    static func unrecognised(_ s: SessionSummary, samples: Int, calibrated: Bool, exercise: ExerciseProtocol,
                             recognition: ExerciseRecognition? = nil) -> String? {
        if samples == 0 {
            return "no usable samples: the recording has no complete accelerometer and gyroscope frame\n"
                + "  fix: record again with 'formcheck record', or check the file with 'formcheck inspect'"
        }
        let wrong = s.formErrors.contains { $0.kind == .wrongExercise }
        let other = recognition.flatMap { r in r.isClearlyNot(exercise.name) ? r.exercise : nil }
        let why = other.map { " (it looks like \($0))" } ?? (wrong ? " (the recording shows walking)" : "")
        switch exercise.kind {
        case .stretch where s.holds.isEmpty && (!calibrated || wrong):
            return "nothing recognisable as \(exercise.name): no hold found" + why + "\n"
                + "  fix: check --exercise (and --side); 'formcheck exercises' says what each one expects"
        case .walk where (s.steps ?? 0) == 0:
            return "nothing recognisable as \(exercise.name): no walking found\n"
                + "  fix: check --exercise; 'formcheck activity FILE' shows what the recording holds"
        case .strength where (s.reps ?? []).isEmpty && (!calibrated || wrong):
            return "nothing recognisable as \(exercise.name): no rep found" + why + "\n"
                + "  fix: check --exercise (and --side); 'formcheck exercises' says what each one expects"
        case .stretch, .walk, .strength:
            return nil
        }
    }
}

/// Set once, from a signal handler; read by the replay's pacing.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
    /// Unset again: the session ended by Ctrl-C, a question after it can still be skipped by one.
    func reset() { lock.withLock { value = false } }
}
