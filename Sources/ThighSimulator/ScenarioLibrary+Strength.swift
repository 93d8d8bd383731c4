import MotionCore

extension ScenarioLibrary {
    /// Clamshells, side-lying abductions, bird-dogs and sit-to-stands.
    public static let moreStrengthSuite: [Scenario] = []
}
