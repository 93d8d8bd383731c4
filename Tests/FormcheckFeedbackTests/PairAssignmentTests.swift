import FormcheckFeedback
import FormcheckDevices
import FormcheckFormats
import MotionCore
import Testing

/// Which thigh each sensor of a pair goes on, from the device fixtures' identities: a Joy-Con L
/// and R each on its own side in either order given, anything else as given.
@Suite struct PairAssignmentTests {
    static let devices: String = Fixtures.path("devices")

    static func identity(_ fixture: String) throws -> PairAssignment.Identity {
        let d = try #require(try Recording(path: Self.devices + "/" + fixture).description)
        return PairAssignment.Identity(name: d.name, vendor: d.vendor, product: d.product)
    }

    @Test func joyConsGoOnTheirOwnSidesInEitherOrder() throws {
        let l = try Self.identity("joycon-left-imu.evemu"), r = try Self.identity("joycon-right-imu.evemu")
        #expect(l.joyConHand == .left && r.joyConHand == .right)
        #expect(PairAssignment.of(l, r) == PairAssignment(swapped: false, reason: .joyConHands))
        #expect(PairAssignment.of(r, l) == PairAssignment(swapped: true, reason: .joyConHands))
        // The name alone, when the ids are not Nintendo's (a re-badged node, an evemu description edited).
        let named = PairAssignment.Identity(name: "Nintendo Switch Right Joy-Con IMU", vendor: 0, product: 0)
        #expect(PairAssignment.of(named, l) == PairAssignment(swapped: true, reason: .joyConHands))
    }

    @Test func anythingElseIsAsGiven() throws {
        let usb = try Self.identity("dualsense-usb-motion-sensors.evemu"), bt = try Self.identity("dualsense-bt-motion-sensors.evemu")
        let l = try Self.identity("joycon-left-imu.evemu")
        #expect(usb.joyConHand == nil)
        for (a, b) in [(usb, bt), (bt, usb), (l, l), (usb, l), (l, usb)] {
            #expect(PairAssignment.of(a, b) == PairAssignment(swapped: false, reason: .asGiven), "\(a.name), \(b.name)")
        }
        // Nintendo's other IMU ids (a Pro Controller, 0x2009) are not a hand.
        #expect(PairAssignment.Identity(name: "Nintendo Switch Pro Controller IMU", vendor: 0x057e, product: 0x2009).joyConHand == nil)
    }
}
