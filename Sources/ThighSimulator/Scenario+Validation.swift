import MotionCore

extension Scenario {
    /// Problems that would make the scenario meaningless, each as (JSON path, what is wrong).
    public var problems: [(path: String, message: String)] {
        var out: [(String, String)] = []
        if steps.isEmpty { out.append(("steps", "no steps: add at least {\"rest\": 3}")) }
        if leverArm.count != 3 { out.append(("leverArm", "needs three numbers (metres along the femur, lateral, anterior)")) }
        func angles(_ path: String, _ f: Double?, _ a: Double?, _ r: Double?) {
            if let f, !(-30...160).contains(f) { out.append((path, "flexion \(f)° is outside −30…160")) }
            if let a, !(-60...60).contains(a) { out.append((path, "adduction \(a)° is outside −60…60")) }
            if let r, !(-80...80).contains(r) { out.append((path, "rotation \(r)° is outside −80…80")) }
        }
        // The posture changes with {"pelvis": …} steps.
        var current = posture
        for (i, step) in steps.enumerated() {
            let path = "steps[\(i)]"
            switch step {
            case .rest(let d), .hold(let d, _):
                if !(d > 0 && d <= 3600) { out.append((path, "duration \(d) s is outside 0…3600")) }
            case .move(let f, let a, let r, let d):
                if !(d > 0 && d <= 600) { out.append((path, "move duration \(d) s is outside 0…600")) }
                angles(path, f, a, r)
            case .bounce(let d, let amplitude, let frequency):
                if !(d > 0 && d <= 600) { out.append((path, "bounce duration \(d) s is outside 0…600")) }
                if !(amplitude > 0 && amplitude <= 40) { out.append((path, "bounce amplitude \(amplitude)° is outside 0…40")) }
                if !(frequency > 0 && frequency <= 5) { out.append((path, "bounce frequency \(frequency) Hz is outside 0…5")) }
            case .walk(let d, let cadence, let underway, let phase):
                if !(d > 2 && d <= 7200) { out.append((path, "walk duration \(d) s is outside 2…7200")) }
                if !(30...200).contains(cadence) { out.append((path, "cadence \(cadence) steps/min is outside 30…200")) }
                if !(phase >= 0 && phase < 1) { out.append((path, "phase \(phase) is outside 0…1 (a fraction of a stride)")) }
                if underway && i != 0 { out.append((path, "only the first step can be \"underway\" (a recording that starts mid-walk)")) }
                if current != .standing {
                    out.append((path, "walking needs the standing posture: \"posture\": \"standing\", or a {\"pelvis\": {\"posture\": \"standing\", …}} step before it"))
                }
            case .shift(let d, let amplitude):
                if !(d > 0 && d <= 3600) { out.append((path, "shift duration \(d) s is outside 0…3600")) }
                if !(amplitude > 0 && amplitude <= 20) { out.append((path, "shift amplitude \(amplitude)° is outside 0…20")) }
            case .pelvis(let p, let f, let a, let r, let d):
                if !(d > 0 && d <= 600) { out.append((path, "pelvis duration \(d) s is outside 0…600")) }
                angles(path, f, a, r)
                current = p
            case .slip(let angle, let d):
                if !(d > 0 && d <= 60) { out.append((path, "slip duration \(d) s is outside 0…60")) }
                if !(-180...180).contains(angle) { out.append((path, "slip angle \(angle)° is outside −180…180")) }
            case .drop(let frames):
                if !(1...100_000).contains(frames) { out.append((path, "drop of \(frames) frames is outside 1…100000")) }
            case .strap(_, let d):
                if !(d >= 4 && d <= 600) { out.append((path, "strap duration \(d) s is outside 4…600 (unbuckle, carry, strap on)")) }
            case .exercise(let name):
                if name.isEmpty { out.append((path, "an exercise marker needs the exercise's name")) }
            }
        }
        // Each step's own range is checked above; the sum may still be any size (a step out of
        // range is summed too), so it is printed without converting to Int.
        if !(duration <= 4 * 3600) {
            let seconds = duration < 1e15 ? String(Int(duration)) : String(describing: duration)
            out.append(("steps", "the scenario lasts \(seconds) s; at most 4 hours"))
        }
        return out
    }
}
