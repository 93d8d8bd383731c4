extension Vector3: LowPassValue {}
