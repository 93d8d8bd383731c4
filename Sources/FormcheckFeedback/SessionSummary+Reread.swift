extension SessionSummary {
    /// The angles of `other` — the same session re-read with another accelerometer correction
    /// (`RoutineStepRun.reread`) — in place of these: each hold's peak and mean flexion, each rep's
    /// peak and range (degrees), matched in order. Times, counts and form errors stay as coached;
    /// when the re-read found another number of holds or reps, nothing changes (which hold is which
    /// would be a guess).
    mutating func takeAngles(of other: SessionSummary) {
        if holds.count == other.holds.count {
            for i in holds.indices {
                holds[i].peakFlexion = other.holds[i].peakFlexion
                holds[i].meanFlexion = other.holds[i].meanFlexion
            }
        }
        if var mine = reps, let theirs = other.reps, mine.count == theirs.count {
            for i in mine.indices {
                mine[i].peak = theirs[i].peak
                mine[i].range = theirs[i].range
            }
            reps = mine
        }
    }
}
