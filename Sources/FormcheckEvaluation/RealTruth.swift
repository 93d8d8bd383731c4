import Foundation
import FormcheckDevices
import FormcheckFormats
import MotionCore

/// What `NAME.truth.json` of a real recording says (the layout of `../shared/data/real/`; see its
/// README): the labelled segments with the gravity-derived reference at rest, the leg wearing the
/// sensor, the participant and the step reference. Only the fields the evaluation reads.
public struct RealTruth: Sendable, Hashable, Decodable {
    /// One labelled segment of the recording.
    public struct Segment: Sendable, Hashable, Decodable {
        /// The dataset's activity label (`sitting`, `standing`, `walking`, `SEATED`, `WALKING`, …).
        public var label: String
        /// Start and end, seconds on the CSV's `t` (end exclusive).
        public var start: Double
        public var end: Double
        /// Rests only: how far the thigh is rotated from upright, from gravity, degrees (0–6 standing,
        /// 70–98 sitting on HuGaDB; 27–86 seated for a pocket phone). nil on movements.
        public var referenceFlexion: Double?
        /// Rests only: the rest was still (gyro deviation p90 ≤ 15 °/s and |a| std ≤ 0.3 m/s²); the
        /// reference holds only then. nil on movements.
        public var still: Bool?

        public init(label: String, start: Double, end: Double, referenceFlexion: Double? = nil, still: Bool? = nil) {
            self.label = label
            self.start = start
            self.end = end
            self.referenceFlexion = referenceFlexion
            self.still = still
        }

        /// Seconds.
        public var duration: Double { end - start }

        /// Walking, stairs, running or turning (case-insensitive labels of HuGaDB and GeoTecINIT).
        public var isGait: Bool { Self.gaitLabels.contains(label.lowercased()) }

        /// Plain walking (the upright reference of the pocket files).
        public var isWalking: Bool { label.lowercased() == "walking" }

        public static let gaitLabels: Set<String> = ["walking", "going_up", "going_down", "running", "turning"]

        enum CodingKeys: String, CodingKey {
            case label
            case start = "start_s"
            case end = "end_s"
            case referenceFlexion = "reference_flexion_deg"
            case still
        }
    }

    /// Where the sensor is worn.
    public struct Sensor: Sendable, Hashable, Decodable {
        /// The leg wearing it (`left`, `right`).
        public var side: Side

        public init(side: Side) { self.side = side }
    }

    /// Who was recorded.
    public struct Participant: Sendable, Hashable, Decodable {
        /// The dataset's id, as text (HuGaDB: a number, `6`; GeoTecINIT: `s03`).
        public var id: String

        public init(id: String) { self.id = id }

        enum CodingKeys: String, CodingKey { case id }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let n = try? c.decode(Int.self, forKey: .id) {
                id = String(n)
            } else {
                id = try c.decode(String.self, forKey: .id)
            }
        }
    }

    /// Steps counted from other sensors on the same person (not human annotation; ±2 per segment).
    public struct StepsReference: Sendable, Hashable, Decodable {
        /// Which total matches the whole file.
        public enum Total: String, Sendable, Hashable, Decodable {
            /// Segments labelled walking.
            case totalSteps = "total_steps"
            /// Walking, stairs and running.
            case allGaitSteps = "all_gait_steps"
        }

        public var scoreAgainst: Total
        public var totalSteps: Int
        public var allGaitSteps: Int

        public init(scoreAgainst: Total, totalSteps: Int, allGaitSteps: Int) {
            self.scoreAgainst = scoreAgainst
            self.totalSteps = totalSteps
            self.allGaitSteps = allGaitSteps
        }

        /// The reference for the whole file: `steps_reference[score_against]`.
        public var steps: Int {
            switch scoreAgainst {
            case .totalSteps: totalSteps
            case .allGaitSteps: allGaitSteps
            }
        }

        enum CodingKeys: String, CodingKey {
            case scoreAgainst = "score_against"
            case totalSteps = "total_steps"
            case allGaitSteps = "all_gait_steps"
        }
    }

    public var segments: [Segment]
    public var sensor: Sensor
    public var participant: Participant
    /// nil (`null` in the file) where the dataset has no step reference: no gait (HuGaDB), or gait
    /// nobody counted (GeoTecINIT, see `hasGait`).
    public var stepsReference: StepsReference?

    public init(segments: [Segment], sensor: Sensor, participant: Participant, stepsReference: StepsReference?) {
        self.segments = segments
        self.sensor = sensor
        self.participant = participant
        self.stepsReference = stepsReference
    }

    /// Some segment is walking, stairs, running or turning.
    public var hasGait: Bool { segments.contains { $0.isGait } }

    enum CodingKeys: String, CodingKey {
        case segments, sensor, participant
        case stepsReference = "steps_reference"
    }

    /// Reads and decodes a truth file.
    /// - Throws: `InputError` (66 unreadable, 65 not a truth file), naming the file and the JSON path.
    public static func load(_ path: String) throws(InputError) -> RealTruth {
        try RealTruth(bytes: SystemFile.read(path), path: path)
    }

    /// Decodes a truth file's text; `path` names it in errors.
    public init(bytes: [UInt8], path: String) throws(InputError) {
        let fix = "a truth file in the layout of ../shared/data/real (see its README): segments, sensor.side, participant.id, steps_reference"
        func location(_ codingPath: [any CodingKey]) -> String {
            var s = ""
            for k in codingPath {
                if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
            }
            return s.isEmpty ? "" : s + ": "
        }
        do {
            self = try JSONDecoder().decode(RealTruth.self, from: Data(bytes))
        } catch DecodingError.keyNotFound(let key, let c) {
            throw InputError(.malformed, path: path, "\(location(c.codingPath))missing \"\(key.stringValue)\"", fix: fix)
        } catch DecodingError.valueNotFound(_, let c) {
            throw InputError(.malformed, path: path, "\(location(c.codingPath))null where a value is needed", fix: fix)
        } catch let DecodingError.typeMismatch(_, c), let DecodingError.dataCorrupted(c) {
            throw InputError(.malformed, path: path, "\(location(c.codingPath))\(c.debugDescription)", fix: fix)
        } catch {
            throw InputError(.malformed, path: path, "not a truth file: \(error)", fix: fix)
        }
    }
}
