import FormcheckDevices
import FormcheckFormats
import Foundation
import MotionCore

/// Scores formcheck on real recordings with labelled activities (the layout of
/// `../shared/data/real/`, see its README): the flexion over every labelled still rest against the
/// gravity-derived reference, sign errors, files refused, and steps against the step reference.
/// Issue 9's targets: no file refused, ≥ 95 % of still rests within 7°, no sign errors, steps
/// within max(3, 5 %) on every walking file and 0–2 on files with no gait.
public enum RealEvaluation {
    /// A rest is scored when it is `still` and at least this long, seconds.
    public static let minimumRest = 1.5
    /// Left out at each end of a rest before taking the median (labels may be off there), seconds.
    public static let trim = 0.3
    /// A rest's |median − reference| passes at or below this, degrees.
    public static let tolerance = 7.0
    /// The target: at least this fraction of the still rests within `tolerance`.
    public static let withinTarget = 0.95
    /// A rest whose reference is at least this is flexed (sitting); below, upright. Degrees.
    public static let flexedReference = 45.0
    /// A flexed rest reading below this has lost its flexion (reads upright or extended), degrees.
    public static let flexedMinimum = 20.0
    /// An upright rest reading further than this from its reference reads flexed or extended, degrees.
    public static let uprightDeviation = 45.0
    /// Resting hip flexion a body can hold, degrees: beyond it an angle is inverted or wrapped.
    public static let anatomicalRange = -30.0...140.0
    /// A flexed rest is clearly above upright when it reads at least this fraction of its reference
    /// above the file's upright flexion.
    public static let clearlyAboveFraction = 0.5
    /// A file with no gait passes with at most this many steps.
    public static let noGaitMaximum = 2

    // MARK: Scoring

    /// The median (mean of the two middle values for an even count); nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }

    /// Whether a rest's median flexion has the wrong sense (degrees), that is any of:
    /// - it is outside the hip's `anatomicalRange` (−30…140°): an inverted or wrapped angle
    ///   (a seated start read as the neutral pose gives standing at about −90° or 160–180°);
    /// - the rest is flexed (reference ≥ `flexedReference`, 45°) and it reads below
    ///   `flexedMinimum` (20°): sitting read as upright, or negative;
    /// - the rest is upright (reference < 45°) and it reads more than `uprightDeviation` (45°) from
    ///   the reference: standing read as flexed or as extended (about beyond ±45° for a 0–6° stand).
    public static func isSignError(median: Double, reference: Double) -> Bool {
        if !anatomicalRange.contains(median) { return true }
        if reference >= flexedReference { return median < flexedMinimum }
        return abs(median - reference) > uprightDeviation
    }

    /// How far a file's step count may be from its reference and pass: max(3, 5 % of it).
    public static func stepAllowance(reference: Int) -> Double {
        max(3, 0.05 * Double(reference))
    }

    /// The rests the evaluation scores: still, with a reference, at least `minimumRest` long.
    public static func scoredRests(_ truth: RealTruth) -> [RealTruth.Segment] {
        truth.segments.filter { s in
            s.still == true && s.referenceFlexion != nil && s.duration >= minimumRest
        }
    }

    /// The flexion (degrees) of the angles whose time, plus `timeOffset`, lies in `start..<end`.
    /// - Parameter timeOffset: the CSV time of the first sample (angles' times count from it).
    public static func flexion(_ angles: [HipAngleSample], from start: Double, to end: Double, timeOffset: Double = 0) -> [Double] {
        angles.compactMap { a in
            let t = a.time + timeOffset
            return t >= start && t < end ? a.angles.flexion : nil
        }
    }

    /// The median flexion of a labelled rest, `trim` left out at each end; nil without angles there.
    public static func restMedian(_ angles: [HipAngleSample], _ rest: RealTruth.Segment, timeOffset: Double = 0) -> Double? {
        median(flexion(angles, from: rest.start + trim, to: rest.end - trim, timeOffset: timeOffset))
    }

    /// The file's upright flexion: the median over its walking segments, or without walking over
    /// its scored upright rests (trimmed); nil without either or without angles there.
    public static func uprightFlexion(_ angles: [HipAngleSample], truth: RealTruth, timeOffset: Double = 0) -> Double? {
        let walking = truth.segments.filter(\.isWalking)
        if !walking.isEmpty {
            return median(walking.flatMap { flexion(angles, from: $0.start, to: $0.end, timeOffset: timeOffset) })
        }
        let upright = scoredRests(truth).filter { $0.referenceFlexion! < flexedReference }
        return median(upright.flatMap { flexion(angles, from: $0.start + trim, to: $0.end - trim, timeOffset: timeOffset) })
    }

    /// Scores one file from the angles formcheck measured.
    /// - Parameters:
    ///   - angles: times in seconds since the first sample, empty when refused.
    ///   - timeOffset: the CSV time of the first sample.
    ///   - refused: why there are no angles, if there are none.
    ///   - steps: the steps counted, nil when none could be.
    public static func score(name: String, truth: RealTruth, angles: [HipAngleSample], timeOffset: Double = 0,
                             refused: String? = nil, steps: Int?) -> FileScore {
        let upright = uprightFlexion(angles, truth: truth, timeOffset: timeOffset)
        let rests = scoredRests(truth).map { r in
            RestScore(label: r.label, start: r.start, end: r.end, reference: r.referenceFlexion!,
                      median: restMedian(angles, r, timeOffset: timeOffset), upright: upright)
        }
        let stepScore = StepScore(reference: truth.stepsReference?.steps,
                                  noGait: truth.stepsReference == nil && !truth.hasGait, counted: steps)
        return FileScore(name: name, participant: truth.participant.id, side: truth.sensor.side, rests: rests,
                         steps: stepScore, refused: refused, upright: upright)
    }

    // MARK: Files and folders

    /// Measures and scores one recording: its angles (`AngleSeries`, standing posture, the truth's
    /// side) and its steps. A file formcheck cannot read, never calibrates, or gives no angles for
    /// is refused (with the reason), not an error.
    public static func evaluate(recording path: String, name: String, truth: RealTruth, mode: AngleSeries.Mode = .live,
                                stepCounter: StepCounter) -> FileScore {
        let readings: [SensorReading]
        do { readings = try Recording(path: path).readAll().readings } catch {
            return score(name: name, truth: truth, angles: [], refused: "cannot read it: " + reason(error), steps: nil)
        }
        var timeOffset = 0.0
        for r in readings {
            if case .sample(let s) = r, s.time.isFinite {
                timeOffset = s.time
                break
            }
        }
        let series = AngleSeries.compute(readings: readings, mode: mode, side: truth.sensor.side,
                                         faceNormal: Recording.faceNormal(of: path))
        let angles = series.angles
        var refused: String?
        if series.calibration == nil {
            refused = "the strap was never calibrated: " + (series.shortfall ?? .noMovement).explanation
        } else if angles.isEmpty {
            refused = "calibrated, but no angles"
        }
        return score(name: name, truth: truth, angles: angles, timeOffset: timeOffset, refused: refused,
                     steps: stepCounter(readings, angles))
    }

    /// Every `NAME.csv` of the folder that has a `NAME.truth.json`, by name: (name, csv path, truth path).
    /// - Throws: `InputError` `.cannotOpen` (66) when the folder cannot be listed, `.malformed` (65)
    ///   when it holds no such pair.
    public static func scoreableFiles(in folder: String) throws(InputError) -> [(name: String, recording: String, truth: String)] {
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw InputError(.cannotOpen, path: folder, "cannot list the folder: \((error as NSError).localizedDescription)",
                             fix: "name the folder holding NAME.csv and NAME.truth.json files, e.g. ../shared/data/real")
        }
        let names = Set(entries)
        let pairs = entries.filter { $0.hasSuffix(".csv") }.sorted().compactMap { file -> (String, String, String)? in
            let name = String(file.dropLast(4))
            guard names.contains(name + ".truth.json") else { return nil }
            return (name, folder + "/" + file, folder + "/" + name + ".truth.json")
        }
        guard !pairs.isEmpty else {
            throw InputError(.malformed, path: folder, "no NAME.csv with a NAME.truth.json beside it: nothing to score",
                             fix: "name a folder in the layout of ../shared/data/real (see its README)")
        }
        return pairs.map { (name: $0.0, recording: $0.1, truth: $0.2) }
    }

    /// Scores every recording of the folder that has a truth file.
    /// - Throws: `InputError` for a folder that cannot be listed (66), has nothing to score (65) or
    ///   holds a truth file that cannot be read (66) or decoded (65). Recordings formcheck refuses
    ///   are counted, not thrown.
    public static func evaluate(folder: String, mode: AngleSeries.Mode = .live, stepCounter: StepCounter) throws(InputError) -> RealReport {
        var scores: [FileScore] = []
        for f in try scoreableFiles(in: folder) {
            let truth = try RealTruth.load(f.truth)
            scores.append(evaluate(recording: f.recording, name: f.name, truth: truth, mode: mode, stepCounter: stepCounter))
        }
        return RealReport(mode: mode, files: scores)
    }

    /// A refusal's reason without the path (the table names the file).
    static func reason(_ error: InputError) -> String {
        (error.line.map { "line \($0): " } ?? "") + error.message
    }

    /// A `StepCounter` that feeds every sample of the file to a fresh `C` and takes its `steps`
    /// (gaps passed on); nil for a file with no readings.
    public static func stepCounter<C: SampleStepCounter & SendableMetatype>(_ type: C.Type) -> StepCounter {
        { readings, _ in
            guard !readings.isEmpty else { return nil }
            var counter = C()
            for r in readings {
                switch r {
                case .sample(let s): _ = counter.update(s)
                case .gap: counter.gapOccurred()
                }
            }
            return counter.steps
        }
    }
}
