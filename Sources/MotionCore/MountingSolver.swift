/// Works out the strap's mounting from `MountingEvidence`, in whatever order the recording showed it.
///
/// The thigh tilts about one axis (flexion) far more than any other, so the principal axis of the
/// tilting rate is the flexion axis up to its sign — or, for an exercise that moves in abduction
/// (`movement`: clamshell, side-lying leg lift), the thigh's anterior axis, the axis abduction turns
/// about (lying on the side, flexion turns the thigh about the vertical, which gravity cannot see). What is left — the sign, and where the femur lies
/// in the plane across that axis — is chosen among hypotheses built from the evidence (each rest taken
/// as upright, as a horizontal thigh, at 45° below the horizontal or above it; walking taken as
/// upright), each scored by:
/// - **anatomy**: how much of the recording it puts where a hip cannot go (flexion below
///   `minimumFlexion` or above `maximumFlexion` against the pelvis of the posture);
/// - **walking**: walking is upright (mean inclination `gaitInclination` ± `gaitTolerance`) and its
///   swing says which way flexion turns (`MountingEvidence.Gait.flexionVote`);
/// - **the exercise's posture** (a hint): the earliest rest is in it (lying on the side: on which
///   side — the thigh's left axis down for `sideLying`, up for `sideLyingRight` — with the top knee
///   resting on the other, abduction 0);
/// - **side-lying anatomy** (with a side-lying hint, instead of the flexion one): the top leg rests
///   on the other, so its knee does not go below the start position by more than
///   `sideLyingAdductionLimit` (abduction, from gravity alone: asin(femur·up));
/// - **resting postures** (without a hint): a thigh at rest is upright (standing), about horizontal
///   (sitting, lying flat) or hook-lying, not in between;
/// - **the strap's face**: a flat device lies flat on the thigh, its face normal across the femur
///   (a weak prior, used only when the caller knows which axis is the face normal);
/// - **the exercise's movement** (when the caller knows it): from the earliest rest, the thigh
///   moves the exercise's way (a bridge's thigh falls from 45° towards 12°: the knee never comes
///   up towards the chest), so a hypothesis that reads the movement the other way by more than
///   `movementBand` costs, like the anatomy, by the share of the recording it reads so.
/// The confidence is the cost gap to the best hypothesis that differs materially (femur more than
/// 30° away, or the other sign).
public enum MountingSolver {
    public struct Parameters: Sendable, Hashable {
        /// Hip flexion a hip cannot go below / above, degrees (extension beyond ~−30° is not possible;
        /// lying on the back, the floor stops the thigh at `floorFlexion`).
        public var minimumFlexion = -35.0
        public var floorFlexion = -10.0
        public var maximumFlexion = 150.0
        /// Weight of the anatomy term (per unit share of the recording placed impossibly).
        public var anatomyWeight = 8.0
        /// Mean thigh inclination over level walking, degrees (swing ~+25° to ~−10°), and how far a
        /// hypothesis may put it before it costs.
        public var gaitInclination = 5.0
        /// Spread of the walking mean between people and gaits (stairs raise it), degrees; the cost
        /// is ½z², capped at `gaitCap`, weighted by how much walking was seen (full at 10 s).
        public var gaitSpread = 6.0
        public var gaitCap = 4.0
        /// Weight of walking's sign vote (per unit of vote against the hypothesis).
        public var gaitSignWeight = 1.0
        /// Weight of the hinted posture at the earliest rest (full when 45° off).
        public var postureWeight = 2.0
        /// Weight of the strap-face prior (full when the face normal is along the femur).
        public var faceWeight = 0.6
        /// Lying on the side, the top thigh's adduction past the start position (knee towards the
        /// floor) a hip does not reach, and its abduction, degrees.
        public var sideLyingAdductionLimit = 10.0
        public var maximumAbduction = 80.0
        /// Where a resting thigh is, inclination from straight down in degrees. Standing is narrow
        /// (upright ± a few degrees: `standing` ± `standingSpread`); sitting or lying flat and
        /// hook-lying are wide bands (`seatedBand`, `hookBand`), soft by `bandSoftness` at their
        /// edges. A rest costs ½z² (z: its distance in spreads, capped at `restCap`) for the band
        /// nearest it, weighted by its length (full at 5 s).
        public var standing = 1.5
        public var standingSpread = 3.0
        public var seatedBand: ClosedRange<Double> = 60...115
        public var hookBand: ClosedRange<Double> = 115...160
        public var bandSoftness = 10.0
        public var restCap = 3.0
        /// Weight of the exercise's movement (per unit share of the recording after the earliest
        /// rest read as moving the other way), and how far the other way counts, degrees.
        public var movementWeight = 8.0
        public var movementBand = 10.0
        /// Walking needed before it is used, seconds.
        public var minimumGait = 2.0
        /// Tilting needed before the axis is trusted, radians (20°), and its planarity.
        public var minimumTilt = 20.0 * .pi / 180
        public var minimumAxisQuality = 1.3
        /// Below this planarity the axis is taken from two references instead (the pair of rests, or
        /// a rest and walking, whose "up" directions are furthest apart, at least `referenceSpread`),
        /// when there is such a pair.
        public var planarAxisQuality = 3.0
        public var referenceSpread = 40.0
        public init() {}
    }

    /// Why no mounting can be given yet.
    public enum Shortfall: Sendable, Hashable {
        /// The thigh has not moved enough to show the axis it flexes about.
        case noMovement
        /// The movement had no single axis (e.g. only shuffling).
        case noAxis
        /// Neither a still rest nor walking: nothing fixes where the femur points.
        case noReference
        /// Hypotheses that differ materially explain the recording about equally well.
        case ambiguous
    }

    /// A hypothesis: the femur (hip → knee) and the flexion axis (positive rotation flexes), both
    /// unit vectors in the sensor frame, at right angles.
    struct Hypothesis {
        var femur: Vector3
        var flexionAxis: Vector3
        var fromGait = false

        var left: Vector3 { -flexionAxis }
        var anterior: Vector3 { femur.cross(left) }

        /// The thigh's inclination from straight down, degrees, positive knee forward/up.
        func inclination(up u: Vector3) -> Double {
            Double.atan2(anterior.dot(u), -femur.dot(u)).degrees
        }

        /// Thigh ← sensor.
        var mounting: Quaternion {
            Quaternion(fromTriad: (femur, left, anterior), to: (.unitX, .unitY, .unitZ)).normalized
        }
    }

    /// - Parameters:
    ///   - current: a mounting in use; the solution then says what it costs on this evidence
    ///     (`currentCost`), so a caller can tell whether the evidence now prefers another;
    ///   - axis: what the exercise's repetitions move along (the principal axis of the tilting is
    ///     then the flexion axis, or for `.abduction` the thigh's anterior axis);
    ///   - movement: which way the exercise moves the thigh from its start position (nil: unknown).
    public static func solve(_ e: MountingEvidence, hint: Posture?, axis movement: MovementAxis = .flexion, faceNormal: Vector3? = nil,
                             current: Quaternion? = nil, movement direction: Movement? = nil,
                             parameters p: Parameters = .init()) -> Result<MountingSolution, ShortfallError> {
        guard e.tilt >= p.minimumTilt, var a = e.axis else { return .failure(.init(.noMovement)) }
        // An exercise lying down begins with a flexion from its starting pose: its first whole
        // movement's axis (later ones, with the leg crossed or bouncing, turn about others). Upright,
        // walking and sit-to-stand turn about the flexion axis throughout: the consensus.
        if let hint, MountingSolver.pelvisInclination(hint) != 0 {
            guard let first = e.firstMovementAxis else { return .failure(.init(.noMovement)) }
            a = first
        }
        let rests = e.allRests
        let walking = e.gait.seconds >= p.minimumGait
        guard !rests.isEmpty || walking else { return .failure(.init(.noReference)) }
        if hint.map({ MountingSolver.pelvisInclination($0) == 0 }) ?? true, e.axisQuality < p.planarAxisQuality {
            var ups = rests.map(\.up)
            if walking, let g = e.gait.meanUp { ups.append(g) }
            var widest: (Vector3, Double)?
            for i in ups.indices {
                for j in ups.indices where j > i {
                    let c = ups[i].cross(ups[j])
                    let angle = Double.atan2(c.norm, ups[i].dot(ups[j])).degrees
                    if angle >= p.referenceSpread, angle > (widest?.1 ?? 0) { widest = (c.normalized, angle) }
                }
            }
            if let (axis, _) = widest {
                a = axis.dot(a) < 0 ? -axis : axis
            } else if e.axisQuality < p.minimumAxisQuality {
                return .failure(.init(.noAxis))
            }
        }

        var candidates: [Hypothesis] = []
        // The hypothesis for a femur: the axis is its flexion axis, or (abduction) its anterior axis,
        // the flexion axis then femur × anterior.
        func hypothesis(femur: Vector3, axis: Vector3) -> Hypothesis {
            switch movement {
            case .flexion: Hypothesis(femur: femur, flexionAxis: axis)
            case .abduction: Hypothesis(femur: femur, flexionAxis: femur.cross(axis).normalized)
            }
        }
        for s in [1.0, -1.0] {
            let flex = a * s
            func inPlane(_ u: Vector3) -> Vector3? {
                let v = u - a * u.dot(a)
                return v.norm > 0.2 ? v.normalized : nil
            }
            for r in rests {
                guard let u = inPlane(r.up) else { continue }
                let down = -u
                let across = flex.cross(down).normalized  // down turned 90° about the axis
                candidates.append(hypothesis(femur: down, axis: flex))
                candidates.append(hypothesis(femur: across, axis: flex))
                candidates.append(hypothesis(femur: -across, axis: flex))
                let c45 = (0.5).squareRoot()
                candidates.append(hypothesis(femur: (across + down) * c45, axis: flex))
                candidates.append(hypothesis(femur: (-across + down) * c45, axis: flex))
                // 45° above the horizontal: hook-lying, the knee above the hip.
                candidates.append(hypothesis(femur: (across - down) * c45, axis: flex))
                candidates.append(hypothesis(femur: (-across - down) * c45, axis: flex))
            }
            if movement == .flexion, walking, let g = e.gait.meanUp, let u = inPlane(g) {
                // Upright with the mean walking inclination: turn "down" by that angle.
                let down = -u
                let across = flex.cross(down).normalized
                for sign in [1.0, -1.0] {
                    let t = (sign * p.gaitInclination).radians
                    var h = Hypothesis(femur: (down * t.cosine + across * t.sine).normalized, flexionAxis: flex, fromGait: true)
                    if abs(h.inclination(up: g) - p.gaitInclination) < 1 {
                        h.fromGait = true
                        candidates.append(h)
                    }
                }
            }
        }
        guard !candidates.isEmpty else { return .failure(.init(.noReference)) }

        let first = rests.min { $0.start < $1.start }
        func cost(_ h: Hypothesis) -> (total: Double, parts: [MountingSolution.Cue: Double]) {
            var parts: [MountingSolution.Cue: Double] = [:]
            // Anatomy over the thinned history, against the hinted posture's pelvis (upright if none).
            let offset = hint.map(pelvisInclination) ?? 0
            let lowest = hint == .supine || hint == .hookLying ? p.floorFlexion : p.minimumFlexion
            var bad = 0
            var counted = 0
            for entry in e.history {
                if let hint, hint.isSideLying {
                    // Lying on the side: abduction is what gravity sees (the knee up, away from the other).
                    counted += 1
                    let abduction = max(-1, min(1, h.femur.dot(entry.up))).arcSine.degrees
                    if abduction < -p.sideLyingAdductionLimit || abduction > p.maximumAbduction { bad += 1 }
                    continue
                }
                if abs(entry.up.dot(h.left)) > 0.7 { continue }  // lying on the side: flexion is not about gravity
                counted += 1
                var f = h.inclination(up: entry.up) - offset
                if f <= -180 { f += 360 } else if f > 180 { f -= 360 }
                if f < lowest || f > p.maximumFlexion { bad += 1 }
            }
            if counted > 0 { parts[.anatomy] = p.anatomyWeight * Double(bad) / Double(counted) }
            if walking, let g = e.gait.meanUp {
                let i = h.inclination(up: g)
                let z = (i - p.gaitInclination) / p.gaitSpread
                var c = min(p.gaitCap, z * z / 2) * min(1, e.gait.seconds / 10)
                let sign = h.flexionAxis.dot(a) > 0 ? 1.0 : -1.0
                c += max(0, -sign * e.gait.flexionVote) * p.gaitSignWeight
                parts[.walking] = c
            }
            if let hint, let r = first {
                let off: Double
                if hint.isSideLying {
                    // On the side the hint says (the left side down for `sideLying`), the top knee
                    // resting on the other (abduction 0).
                    let onSide = hint == .sideLying ? r.up.dot(h.left) < -0.7 : r.up.dot(h.left) > 0.7
                    off = onSide ? min(45, abs(max(-1, min(1, h.femur.dot(r.up))).arcSine.degrees)) : 45
                } else {
                    off = min(45, abs(h.inclination(up: r.up) - restingInclination(hint)))
                }
                parts[.posture] = p.postureWeight * off / 45
            }
            if let n = faceNormal { parts[.strapFace] = p.faceWeight * abs(h.femur.dot(n.normalized)) }
            if let movement = direction, let r = first {
                let base = h.inclination(up: r.up)
                var wrong = 0
                var seen = 0
                for entry in e.history where entry.time >= r.start && abs(entry.up.dot(h.left)) <= 0.7 {
                    seen += 1
                    var d = h.inclination(up: entry.up) - base
                    if d <= -180 { d += 360 } else if d > 180 { d -= 360 }
                    if movement.sign * d < -p.movementBand { wrong += 1 }
                }
                if seen > 0 { parts[.movement] = p.movementWeight * Double(wrong) / Double(seen) }
            }
            // Resting postures (without an exercise: with one, its holds are rests at any angle).
            var atypical = 0.0
            for r in rests where hint == nil && abs(r.up.dot(h.left)) <= 0.7 {
                let i = h.inclination(up: r.up)
                func band(_ b: ClosedRange<Double>) -> Double {
                    let d = i < b.lowerBound ? b.lowerBound - i : (i > b.upperBound ? i - b.upperBound : 0)
                    return d / p.bandSoftness
                }
                let z = [(i - p.standing) / p.standingSpread, band(p.seatedBand), band(p.hookBand)].map(abs).min() ?? 0
                atypical += min(p.restCap, z * z / 2) * min(1, r.duration / 5)
            }
            parts[.restPosture] = atypical
            let total = parts.values.reduce(0, +) + (h.fromGait ? 0.05 : 0)
            return (total, parts)
        }

        let scored = candidates.map { ($0, cost($0)) }
        let currentCost = current.map { m -> Double in
            // The mounting in use as a hypothesis: its femur and flexion axis in the sensor frame.
            let c = m.conjugate
            return cost(Hypothesis(femur: c.rotate(.unitX), flexionAxis: -c.rotate(.unitY))).total
        }
        let best = scored.min { $0.1.total < $1.1.total }!
        let alternative = scored.filter { other in
            other.0.flexionAxis.dot(best.0.flexionAxis) < 0 || other.0.femur.dot(best.0.femur) < (30.0).radians.cosine
        }.min { $0.1.total < $1.1.total }
        let gap = (alternative?.1.total ?? (best.1.total + 10)) - best.1.total
        var cues: [(MountingSolution.Cue, Double)] = []
        if let alt = alternative {
            for (cue, c) in alt.1.parts {
                let d = c - (best.1.parts[cue] ?? 0)
                if d > 0.05 { cues.append((cue, d)) }
            }
        }
        let h = best.0
        let postures = label(rests, h, hint: hint)
        var solution = MountingSolution(
            mounting: h.mounting, confidence: .init(gap: gap), cost: best.1.total,
            alternativeCost: alternative?.1.total ?? .infinity,
            cues: cues.sorted { $0.1 > $1.1 }.map(\.0), rests: postures)
        solution.walkingSeconds = e.gait.seconds
        solution.currentCost = currentCost
        return .success(solution)
    }

    /// The thigh's inclination from straight down in a posture's neutral pose, degrees.
    public static func restingInclination(_ posture: Posture) -> Double {
        switch posture {
        case .standing: 0
        case .sitting, .supine: 90
        case .hookLying: 135
        case .sideLying, .sideLyingRight: 90
        case .quadruped: 0
        }
    }

    /// How far the posture's pelvis is turned from upright about the body's left axis, degrees (what
    /// turns a thigh inclination into hip flexion).
    static func pelvisInclination(_ posture: Posture) -> Double {
        switch posture {
        case .standing, .sitting: 0
        case .supine, .hookLying, .sideLying, .sideLyingRight: 90
        case .quadruped: -90
        }
    }

    /// Each rest's posture from its inclination: standing (< 35°), hook-lying (110–160°, knee above
    /// the hip), side-lying (gravity across the thigh's flexion axis), and between them sitting or
    /// lying flat — which one thigh cannot tell apart: a lying hint says lying, a rest next to a
    /// standing one (a sit-to-stand between them) says sitting; otherwise sitting, marked uncertain.
    static func label(_ rests: [MountingEvidence.Rest], _ h: Hypothesis, hint: Posture?) -> [MountingSolution.RestPosture] {
        let sorted = rests.sorted { $0.start < $1.start }
        var out: [MountingSolution.RestPosture] = sorted.map { r in
            let i = h.inclination(up: r.up)
            if abs(r.up.dot(h.left)) > 0.7 {
                return .init(rest: r, inclination: i, posture: r.up.dot(h.left) < 0 ? .sideLying : .sideLyingRight, certain: true)
            }
            // On hands and knees the thigh hangs as standing: the hint says which.
            if i < 35 { return .init(rest: r, inclination: i, posture: hint == .quadruped ? .quadruped : .standing, certain: true) }
            if i > 110, i < 160 { return .init(rest: r, inclination: i, posture: .hookLying, certain: hint != nil && hint != .standing && hint != .sitting) }
            return .init(rest: r, inclination: i, posture: .sitting, certain: false)
        }
        let lying = hint == .supine || hint == .hookLying || (hint?.isSideLying ?? false)
        for k in out.indices where out[k].posture == .sitting {
            if lying {
                out[k].posture = .supine
                out[k].certain = true
                continue
            }
            let near = [k - 1, k + 1].filter { out.indices.contains($0) }.contains { j in
                out[j].posture == .standing && abs(out[j].rest.start - out[k].rest.start) < 60
            }
            if near || hint == .sitting { out[k].certain = true }
        }
        return out
    }

    /// A `Shortfall` as an error.
    public struct ShortfallError: Error, Sendable, Hashable {
        public var shortfall: Shortfall
        public init(_ s: Shortfall) { shortfall = s }
    }
}
