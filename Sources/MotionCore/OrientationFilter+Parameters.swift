extension OrientationFilter {
    /// Settings of the filter. Angular rates in °/s, accelerations in m/s², times in seconds.
    /// The defaults are VQF's (Laidig & Seel 2023) except three bias settings: `biasForgettingTime`
    /// and `biasMotionSigma`, tuned on BROAD, and `biasLimit`, raised for consumer gyroscopes
    /// (see README, "Orientation").
    public struct Parameters: Sendable, Hashable {
        /// Time constant of the low-pass applied to the accelerometer in the gyroscope's inertial
        /// frame, s (VQF τ_acc; 1…10). Larger trusts the gyroscope longer: less disturbed by
        /// lever-arm and walking accelerations, slower to correct drift.
        public var accelerometerTimeConstant = 3.0

        /// Estimate the gyroscope bias while resting (needs rest detection).
        public var restBiasEstimation = true
        /// Estimate the gyroscope bias during motion, from the inclination corrections.
        public var motionBiasEstimation = true
        /// Standard deviation of the bias at start and the ceiling of its uncertainty, °/s (0.1…5).
        public var biasInitialSigma = 0.5
        /// Time in which the bias variance grows by (0.1 °/s)² without measurements, s (10…1000;
        /// VQF 100).
        public var biasForgettingTime = 50.0
        /// Largest bias believed, per axis, °/s; also the largest low-passed rate still counted as
        /// rest (VQF 2; the controllers' gyroscopes can be 2 °/s off).
        public var biasLimit = 3.0
        /// Standard deviation of the motion bias measurement, °/s (0.01…1; VQF 0.1).
        public var biasMotionSigma = 0.05
        /// How much weaker the pull of the unobservable vertical bias towards zero is than the
        /// horizontal measurement (0 < f ≤ 1; smaller is weaker).
        public var biasVerticalForgettingFactor = 0.0001
        /// Standard deviation of the rest bias measurement, °/s (0.01…1).
        public var biasRestSigma = 0.03

        /// Time the rest conditions must hold before rest is declared, s.
        public var restMinimumDuration = 1.5
        /// Time constant of the low-passes the rest detection compares against, s.
        public var restFilterTimeConstant = 0.5
        /// Largest deviation of the angular rate from its low-pass at rest, °/s.
        public var restRateThreshold = 2.0
        /// Largest deviation of the specific force from its low-pass at rest, m/s².
        public var restAccelerationThreshold = 0.5

        /// How late the gyroscope's readings are, s, against the instantaneous rate at their
        /// timestamps (the IMU's internal filters delay them); nil: half the sample period.
        ///
        /// Each reading is integrated over the interval before it (VQF's convention), which is
        /// exact for a reading that is the mean rate over that interval — a delay of half a
        /// period. For any other delay d the output is extrapolated with the current rate by
        /// d − period/2 (backwards when negative), so that it is the orientation at the sample's
        /// timestamp; the filter's state is not changed. Instantaneous rates (the simulator) have
        /// d = 0; BROAD's IMU reads about one sample (3.5 ms) late against its optical reference.
        public var gyroscopeDelay: Double? = nil

        /// Nominal sample period, s; nil: the median of the first 15 intervals (0.1 ms…0.1 s).
        /// Filter coefficients are derived from it; the gyroscope is integrated over the real intervals.
        public var samplePeriod: Double? = nil
        /// Longest gap (from `gapOccurred()` or a long interval) bridged by integrating the mean
        /// angular rate across it, s. A longer gap, or time going backwards, restarts the inclination
        /// estimate from the samples after it (the bias estimate is kept).
        public var maximumBridgedGap = 0.25

        public init() {}

        /// Turns both kinds of bias estimation on or off.
        public var biasEstimation: Bool {
            get { restBiasEstimation || motionBiasEstimation }
            set {
                restBiasEstimation = newValue
                motionBiasEstimation = newValue
            }
        }
    }
}
