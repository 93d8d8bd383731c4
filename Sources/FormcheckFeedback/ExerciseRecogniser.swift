import MotionCore

/// Which exercise a recording is: every protocol of the library scored against it from the
/// protocol's own numbers, the best returned with a confidence and the margin over the runner-up.
/// A batch scorer over a finished recording (replay), not a state machine: it needs the whole
/// angle series, which `RecordingOverview` gives once for every posture.
///
/// Each protocol is read as a session of it reads the angles (`SessionPipeline`): the mounting
/// solved with its posture as done (lying on the side: the sensor leg on top), its rep axis and the
/// direction its reps move (`ExerciseProtocol.movement`), one solve per distinct reading; the
/// reading is cut into a resting angle and excursions from it on the protocol's axis
/// (`MovementOutline`). Then (`RecognitionRules` for the weights and scales, and their reasons):
/// - **posture evidence**: what the strap calibration could not fit in that posture, axis and
///   direction even with the best strap orientation (`MountingSolution.cost`);
/// - **walking**: a walk wants steps (`walkingSteps`); any other exercise costs when
///   `wrongExerciseSteps` are walked;
/// - **stretches** want holds (`hold.minimumSeconds` still, away from the start) at or just beyond
///   `holdAngle`, lasting `holdSeconds`, crossed by `minimumAdduction` when the protocol asks for it
///   (else in the sagittal plane), after a pause in `startBand` when it has one (else straight up);
/// - **strengthening** wants reps along `topAngle − startAngle` (short by `rangeTolerance`, beyond
///   by `overshootBeyond`) with a top as long as `reps.holdSeconds` (short by `holdGrace`).
/// Nothing here names an exercise: a protocol added later is scored by its own numbers.
///
/// What it cannot tell: one thigh sensor without a stored mounting sees neither the posture, nor
/// which of the thigh's axes it turns about, nor the direction from the start (each protocol's
/// solve fits its own at no cost), so exercises whose numbers overlap — a bridge's thigh falling
/// 33° from 45°, a straight-leg raise's rising 35° from 0°, a side-lying leg lift's 30° of
/// abduction, each with a 2 s pause — are told apart only by their ranges, a few degrees: unsure.
/// A strap calibration (`formcheck calibrate`) shows where the femur rests (the bridge's 45°), but
/// not lying on the back from lying on the side (only the thigh's turn about its own axis differs,
/// which hip flexion and adduction leave out).
public enum ExerciseRecogniser {
    public typealias PostureAngles = RecordingOverview.PostureAngles

    /// The angle a protocol's movement is measured in.
    public static func axis(of p: ExerciseProtocol) -> MovementAxis {
        p.reps?.axis ?? .flexion
    }

    /// How a session of `p` on the `side` leg reads the angles (`SessionPipeline`): its posture as
    /// done (lying on the side with the sensor leg on top), its rep axis, its movement's direction.
    public static func reading(of p: ExerciseProtocol, side: Side) -> RecordingOverview.Reading {
        .init(posture: p.posture.withSensorLegOnTop(side), axis: axis(of: p), movement: p.movement)
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
        var outlines: [RecordingOverview.Reading: (PostureAngles, MovementOutline?)] = [:]
        var candidates: [ExerciseRecognition.Candidate] = []
        for p in protocols {
            // A walk is judged by its steps alone: no angles to read.
            guard p.kind != .walk else {
                candidates.append(fit(p, reading: nil, outline: nil, steps: overview.steps, rules: rules))
                continue
            }
            let key = reading(of: p, side: overview.side)
            let read: (PostureAngles, MovementOutline?)
            if let known = outlines[key] {
                read = known
            } else {
                var angles = overview.angles(key)
                read = (angles, angles.solution == nil ? nil : MovementOutline(angles.angles, axis: key.axis, parameters: parameters))
                // Only the outline and the solution are scored: the angles are not kept.
                angles.angles = []
                outlines[key] = (angles, read.1)
            }
            let (angles, outline) = read
            candidates.append(fit(p, reading: angles, outline: outline, steps: overview.steps, rules: rules))
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
    static func fit(_ p: ExerciseProtocol, reading: PostureAngles?, outline: MovementOutline?, steps: Int,
                    rules r: RecognitionRules) -> ExerciseRecognition.Candidate {
        var terms: [RecognitionTerm: Double] = [:]
        var seen = ExerciseRecognition.Observation()
        seen.steps = steps
        let w = r.weights
        func add(_ term: RecognitionTerm, _ units: Double, weight: Double) {
            guard units > 0 else { return }
            terms[term, default: 0] += min(r.termCap, units) * weight
        }
        func result() -> ExerciseRecognition.Candidate {
            // Summed in the terms' own order, not the dictionary's (which differs between two
            // dictionaries of the same terms): the same evidence gives the same cost to the last bit.
            .init(exercise: p.name, kind: p.kind, posture: p.posture, cost: terms.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }, terms: terms, observed: seen)
        }
        switch p.kind {
        case .walk:
            add(.noWalking, steps >= r.walkingSteps ? 0 : 1, weight: w.walking)
            return result()
        case .stretch, .strength:
            add(.walked, steps >= p.wrongExerciseSteps ? 1 : 0, weight: w.walking)
        }
        guard let reading, let solution = reading.solution, let outline else {
            add(.unreadable, 1, weight: w.unreadable)
            return result()
        }
        // The posture evidence: what the strap calibration itself could not fit in the protocol's
        // posture, axis and direction, even with the best strap orientation.
        add(.posture, solution.cost, weight: w.posture)
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
            var angleCost = 0.0, crossed = 0.0, notCrossed = 0.0, noBand = 0.0, pausedOnTheWay = 0.0, shortHeld = 0.0
            var angles: [Double] = [], lengths: [Double] = [], crossings: [Double] = [], pauses: [Double] = []
            var held = 0
            for e in moves {
                guard let hold = e.longest, hold.duration >= p.hold.minimumSeconds,
                      abs(hold.angle - e.from) >= p.hold.awayFromNeutral else { continue }
                held += 1
                if let target = p.holdSeconds, target > p.hold.minimumSeconds {
                    shortHeld += min(1, max(0, target - hold.duration) / (target - p.hold.minimumSeconds))
                }
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
                add(.shortHolds, shortHeld / k, weight: w.holdLength)
                add(.crossed, crossed / k, weight: w.unexpectedCrossing)
                add(.notCrossed, notCrossed / k, weight: w.missingCrossing)
                add(.noStartBand, noBand / k, weight: w.startBand)
                add(.pauseOnTheWay, pausedOnTheWay / k, weight: w.startBand)
            }
        case .strength:
            let reps = p.reps ?? .init()
            let direction: Double = reps.topAngle >= reps.startAngle ? 1 : -1
            let range = abs(reps.topAngle - reps.startAngle)
            // Short of the top by the protocol's own tolerance costs 1, beyond it by its overshoot
            // threshold (going past the top is allowed up to `overshootBeyond`).
            let beyondScale = reps.overshootBeyond > 0 ? reps.overshootBeyond : reps.rangeTolerance
            // A top shorter than asked costs 1 per the protocol's grace; longer, 1 per the pause asked
            // (at least `topRoom`): a longer pause is no error of the protocol's.
            let shortScale = reps.holdGrace > 0 ? reps.holdGrace : r.topScale
            let longScale = max(reps.holdSeconds, r.topRoom)
            var rangeCost = 0.0, topCost = 0.0
            var ranges: [Double] = [], tops: [Double] = []
            for e in moves {
                let q = direction * e.peak
                ranges.append(q)
                rangeCost += min(r.termCap, max(0, range - q) / reps.rangeTolerance + max(0, q - range) / beyondScale)
                // The top: the longest still station near the peak (none: a turn without a pause).
                let top = e.stations.filter { abs($0.angle - e.from - e.peak) <= 2 * r.topBand }.map(\.duration).max() ?? 0
                tops.append(top)
                topCost += min(r.termCap, max(0, reps.holdSeconds - top) / shortScale + max(0, top - reps.holdSeconds) / longScale)
            }
            seen.range = mean(ranges)
            seen.topSeconds = mean(tops)
            add(.range, rangeCost / n, weight: w.range)
            add(.top, topCost / n, weight: w.top)
        }
        return result()
    }
}
