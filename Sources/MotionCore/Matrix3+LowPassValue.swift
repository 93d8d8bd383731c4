extension Matrix3: LowPassValue {}
