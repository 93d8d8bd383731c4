/// Stride length from the thigh's swing, by the compass-gait (inverted pendulum) model: at double
/// support the two legs, each of length L, form an isosceles triangle whose apex angle is the angle
/// between the thighs; in symmetric walking that equals one thigh's sagittal range over a stride
/// (peak flexion at heel strike to peak extension at toe-off, about 40° at ordinary speed). So
/// step = 2 L sin(range / 2) and stride = 2 steps.
///
/// L is the leg length, hip joint to floor: measured, or 0.53 × body height (Winter,
/// "Biomechanics and Motor Control of Human Movement", anthropometric table: greater trochanter at
/// 0.530 H; the same rule as Zijlstra & Hof's trunk-IMU pendulum model, Gait & Posture 18(2),
/// 2003, doi:10.1016/S0966-6362(02)00190-X).
///
/// Expected error: the model ignores knee flexion at heel strike (shortens the leg), the foot's
/// length and roll-over (lengthen the step), and an asymmetric gait; thigh-range pendulum models
/// of this kind are reported within about 10–15 % of the true stride length on level walking, more
/// for slow or pathological gait. Not meant for running (flight phase) or stairs (the step is
/// the tread, not the legs' reach).
public enum StrideLengthModel {
    /// Leg length (hip to floor) from body height: 0.53 × height, metres.
    public static func legLength(height: Double) -> Double { 0.53 * height }

    /// Stride length in metres from the thigh's sagittal range (degrees, 0–120) and the leg
    /// length (metres).
    public static func strideLength(thighRange: Double, legLength: Double) -> Double {
        let half = min(max(thighRange, 0), 120).radians / 2
        return 4 * legLength * half.sine
    }
}
