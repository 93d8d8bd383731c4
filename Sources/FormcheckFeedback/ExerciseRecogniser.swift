import MotionCore

/// Which exercise a recording is: every protocol of the library scored against it from the
/// protocol's own numbers, the best returned with a confidence and the margin over the runner-up.
/// A batch scorer over a finished recording (replay), not a state machine: it needs the whole
/// angle series, which `RecordingOverview` gives once for every posture.
///
/// Each protocol is read in its own posture (the mounting solved with the protocol's posture as
/// the hint, as a session would) and on its own axis, and the reading is cut into a resting angle
/// and excursions from it (`MovementOutline`). Then (`RecognitionRules` for the weights and scales):
/// - **walking**: a walk wants steps (`walkingSteps`); any other exercise costs when
///   `wrongExerciseSteps` are walked;
/// - **stretches** want holds (`hold.minimumSeconds` still, away from the start) at or just beyond
///   `holdAngle`, crossed by `minimumAdduction` when the protocol asks for it (else in the sagittal
///   plane), after a pause in `startBand` when it has one (else straight up);
/// - **strengthening** wants reps along `topAngle − startAngle` (direction and range, within
///   `rangeTolerance`) with a top as long as `reps.holdSeconds` (within `holdGrace`).
/// Nothing here names an exercise: a protocol added later is scored by its own numbers.
///
/// What it cannot tell: one thigh sensor without a stored mounting cannot see the posture itself
/// (the mounting is solved to fit the posture asked), so exercises that move the thigh alike in
/// different postures (a bridge's thigh falling 33° from 45°, a straight-leg raise's rising 35°
/// from 0°) are told apart only by their timing, and sitting from lying not at all.
public enum ExerciseRecogniser {
    /// The angle a protocol's movement is measured in.
    public static func axis(of p: ExerciseProtocol) -> MovementAxis {
        p.reps?.axis ?? .flexion
    }

    /// Scores every protocol in `protocols` against a whole recording's readings (one pass of the
    /// orientation filter: `RecordingOverview`).
    /// - Parameter storedMounting: a strap calibration from `formcheck calibrate`, used instead of
    ///   solving the mounting.
    public static func recognise(readings: [SensorReading], side: Side, storedMounting: Quaternion? = nil,
                                 among protocols: [ExerciseProtocol], rules: RecognitionRules = .init()) -> ExerciseRecognition {
        recognise(RecordingOverview(readings: readings, side: side, storedMounting: storedMounting), among: protocols, rules: rules)
    }

    /// Scores every protocol in `protocols` against the recording.
    public static func recognise(_ overview: RecordingOverview, among protocols: [ExerciseProtocol],
                                 rules: RecognitionRules = .init()) -> ExerciseRecognition {
        let parameters = MovementOutline.Parameters(stillRate: rules.stillRate, minimumStation: rules.minimumStation,
                                                    leaveBand: rules.leaveBand, topBand: rules.topBand,
                                                    rateHalfWindow: rules.rateHalfWindow)
        var readings: [Posture: RecordingOverview.PostureAngles] = [:]
        var outlines: [String: MovementOutline?] = [:]
        var candidates: [ExerciseRecognition.Candidate] = []
        for p in protocols {
            // A walk is judged by its steps alone: no angles to read.
            guard p.kind != .walk else {
                candidates.append(fit(p, outline: nil, steps: overview.steps, rules: rules))
                continue
            }
            let axis = axis(of: p)
            let key = p.posture.rawValue + "/" + axis.rawValue
            if outlines[key] == nil {
                let reading = readings[p.posture] ?? overview.angles(in: p.posture)
                readings[p.posture] = reading
                outlines[key] = reading.solution == nil ? .some(nil) : MovementOutline(reading.angles, axis: axis, parameters: parameters)
            }
            candidates.append(fit(p, outline: outlines[key] ?? nil, steps: overview.steps, rules: rules))
        }
        // Lowest cost first; ties keep the library's order.
        let ranked = candidates.enumerated().sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }.map(\.element)
        let margin = ranked.count > 1 ? ranked[1].cost - ranked[0].cost : .infinity
        var confidence = ExerciseRecognition.Confidence.unsure
        if let best = ranked.first, best.cost <= rules.fitLimit {
            confidence = margin >= rules.sureMargin ? .sure : (margin >= rules.likelyMargin ? .likely : .unsure)
        }
        return ExerciseRecognition(candidates: ranked, confidence: confidence, margin: margin, t: overview.duration,
                                   samples: overview.samples)
    }

    /// How well one protocol explains the recording read in its posture (`outline`; nil: unreadable).
    static func fit(_ p: ExerciseProtocol, outline: MovementOutline?, steps: Int, rules r: RecognitionRules) -> ExerciseRecognition.Candidate {
        var terms: [RecognitionTerm: Double] = [:]
        var seen = ExerciseRecognition.Observation()
        seen.steps = steps
        let w = r.weights
        func add(_ term: RecognitionTerm, _ units: Double, weight: Double) {
            guard units > 0 else { return }
            terms[term, default: 0] += min(r.termCap, units) * weight
        }
        func result() -> ExerciseRecognition.Candidate {
            .init(exercise: p.name, kind: p.kind, posture: p.posture, cost: terms.values.reduce(0, +), terms: terms, observed: seen)
        }
        switch p.kind {
        case .walk:
            add(.noWalking, steps >= r.walkingSteps ? 0 : 1, weight: w.walking)
            return result()
        case .stretch, .strength:
            add(.walked, steps >= p.wrongExerciseSteps ? 1 : 0, weight: w.walking)
        }
        guard let outline else {
            add(.unreadable, 1, weight: w.unreadable)
            return result()
        }
        let moves = outline.excursions.filter { $0.end - $0.start >= r.minimumExcursion }
        seen.movements = moves.count
        guard !moves.isEmpty else {
            add(.stillness, 1, weight: w.stillness)
            return result()
        }
        let n = Double(moves.count)
        func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
        switch p.kind {
        case .walk:
            break
        case .stretch:
            let holdAngle = p.holdAngle ?? p.holdThreshold
            var angleCost = 0.0, crossed = 0.0, notCrossed = 0.0, noBand = 0.0, pausedOnTheWay = 0.0
            var angles: [Double] = [], lengths: [Double] = [], crossings: [Double] = [], pauses: [Double] = []
            var held = 0
            for e in moves {
                guard let hold = e.longest, hold.duration >= p.hold.minimumSeconds,
                      abs(hold.angle - e.from) >= p.hold.awayFromNeutral else { continue }
                held += 1
                // As the protocol measures it: its neutral plus the movement from the start.
                let h = p.neutralFlexion + hold.angle - e.from
                angles.append(h)
                lengths.append(hold.duration)
                angleCost += min(r.termCap, max(0, holdAngle - h) / r.shallowScale + max(0, h - holdAngle) / r.beyondScale)
                let crossing = hold.adduction - e.fromAdduction
                crossings.append(crossing)
                if let m = p.minimumAdduction {
                    notCrossed += min(1, max(0, m - crossing) / m)
                } else {
                    crossed += min(1, max(0, abs(crossing) - r.sagittalBand) / r.sagittalBand)
                }
                let before = e.stations.filter { $0.end <= hold.start }
                if let band = p.startBand {
                    let pause = before.first { s in
                        s.duration >= r.minimumStation * 2 && abs(p.neutralFlexion + s.angle - e.from - band.flexion) <= band.tolerance
                    }
                    if let pause { pauses.append(p.neutralFlexion + pause.angle - e.from) } else { noBand += 1 }
                } else if let pause = before.first(where: { s in
                    s.duration >= r.pauseSeconds && abs(s.angle - e.from) > r.leaveBand && abs(s.angle - hold.angle) > r.leaveBand
                }) {
                    pauses.append(p.neutralFlexion + pause.angle - e.from)
                    pausedOnTheWay += 1
                }
            }
            seen.holds = held
            seen.holdAngle = mean(angles)
            seen.holdSeconds = mean(lengths)
            seen.crossing = mean(crossings)
            seen.pauseAngle = mean(pauses)
            add(.noHolds, Double(moves.count - held) / n, weight: w.kind)
            if held > 0 {
                let k = Double(held)
                add(.holdAngle, angleCost / k, weight: w.holdAngle)
                add(.crossed, crossed / k, weight: w.unexpectedCrossing)
                add(.notCrossed, notCrossed / k, weight: w.missingCrossing)
                add(.noStartBand, noBand / k, weight: w.startBand)
                add(.pauseOnTheWay, pausedOnTheWay / k, weight: w.startBand)
            }
        case .strength:
            let reps = p.reps ?? .init()
            let direction: Double = reps.topAngle >= reps.startAngle ? 1 : -1
            let range = abs(reps.topAngle - reps.startAngle)
            let topScale = reps.holdGrace > 0 ? reps.holdGrace : r.topScale
            var rangeCost = 0.0, topCost = 0.0
            var ranges: [Double] = [], tops: [Double] = []
            for e in moves {
                let q = direction * e.peak
                ranges.append(q)
                rangeCost += min(r.termCap, abs(q - range) / reps.rangeTolerance)
                // The top: the longest still station near the peak (none: a turn without a pause).
                let top = e.stations.filter { abs($0.angle - e.from - e.peak) <= 2 * r.topBand }.map(\.duration).max() ?? 0
                tops.append(top)
                topCost += min(r.termCap, abs(top - reps.holdSeconds) / topScale)
            }
            seen.range = mean(ranges)
            seen.topSeconds = mean(tops)
            add(.range, rangeCost / n, weight: w.range)
            add(.top, topCost / n, weight: w.top)
        }
        return result()
    }
}
