/// What a sample source yields, live or replayed: a sample, or the news that samples were lost.
public enum SensorReading: Sendable, Hashable {
    case sample(IMUSample)
    case gap(SampleGap)
}
