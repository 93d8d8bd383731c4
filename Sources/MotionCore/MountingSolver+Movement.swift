extension MountingSolver {
    /// Which way an exercise moves the thigh from its start position: a hint for the solver (a
    /// straight-leg raise flexes the hip from lying flat; a bridge extends it from hook-lying — the
    /// thigh falls from 45° towards 12°, the knee never comes up towards the chest).
    public enum Movement: Sendable, Hashable {
        /// Flexion increases from the start position.
        case flexing
        /// Flexion decreases from the start position.
        case extending

        /// +1 flexing, −1 extending.
        public var sign: Double {
            switch self {
            case .flexing: 1
            case .extending: -1
            }
        }
    }
}
