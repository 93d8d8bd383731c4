import ArgumentParser
import FormcheckFeedback
import FormcheckDevices
import FormcheckFormats
import Foundation

/// The two nodes of a pair, on their thighs (`routine NAME A B`, `live A B`, `record A B`): each
/// chosen as one sensor's is (`DeviceChoice`), then — given in order, not by `--left`/`--right` —
/// put on the thighs their identities say (`PairAssignment`: a Joy-Con L and R on their own
/// sides), else as given — coached, until the movement tells (`PairSideCheck.Mode.fromMovement`) —
/// and which went where and why said on stderr.
enum PairDevices {
    /// - Parameters:
    ///   - explicit: named by `--left` and `--right`: used as given, nothing assigned;
    ///   - coached: the pair is coached (`routine`, `live`), so sides as given are checked from the
    ///     movement (`record` only records).
    /// - Returns: the left thigh's node and the right's (paths), and how the coaching takes their
    ///   sides: kept (named, a Joy-Con pair) or told from the movement (as given).
    /// - Throws: `ExitCode` (a node not found, not usable), `ValidationError` (the same node twice).
    static func choose(_ first: String, _ second: String, explicit: Bool, coached: Bool = true, discovery: DeviceDiscovery,
                       example: String) throws -> (left: String, right: String, sides: PairSideCheck.Mode) {
        let a = try DeviceChoice.node(first, discovery: discovery, example: example)
        let b = try DeviceChoice.node(second, discovery: discovery, example: example)
        if a == b {
            throw ValidationError("both thighs name the same node (\(a)): give the left thigh's device, then the right's")
        }
        if explicit {
            printError("formcheck: \(a) on the left thigh, \(b) on the right (--left, --right)")
            return (a, b, .fixed)
        }
        let nodes = discovery.scan()
        func identity(_ path: String) -> PairAssignment.Identity? {
            nodes.first { $0.path == path }.map { PairAssignment.Identity(name: $0.name, vendor: $0.vendor, product: $0.product) }
        }
        guard let ia = identity(a), let ib = identity(b) else {
            printError("formcheck: \(a) on the left thigh, \(b) on the right, as given")
            return (a, b, .fromMovement)
        }
        let assignment = PairAssignment.of(ia, ib)
        switch assignment.reason {
        case .joyConHands:
            let (left, right) = assignment.swapped ? (b, a) : (a, b)
            printError("formcheck: the Joy-Con L (\(left)) on the left thigh, the Joy-Con R (\(right)) on the right, as their names say"
                       + (assignment.swapped ? " (given the other way round; --left and --right name them outright)" : ""))
            return (left, right, .fixed)
        case .asGiven:
            printError("formcheck: \(a) (\(ia.name)) on the left thigh, \(b) (\(ib.name)) on the right, as given: "
                       + "nothing tells them apart (the left thigh's first, or --left and --right"
                       + (coached ? "; the first exercise done on one leg tells which moves, and they are swapped if need be)" : ")"))
            return (a, b, .fromMovement)
        }
    }
}
