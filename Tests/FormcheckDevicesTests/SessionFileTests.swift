import FormcheckDevices
import FormcheckFormats
import Foundation
import MotionCore
import Testing

/// The session file of two sensors (`SessionFile`): what it says, read back as written, and every
/// kind of mistake refused with its line, what is wrong and the fix (exit status 65).
@Suite struct SessionFileTests {
    static let good = """
        {
          "formcheckSession" : 1,
          "recordings" : [
            {
              "device" : "Nintendo Switch Left Joy-Con IMU",
              "file" : "s.left.evemu",
              "side" : "left",
              "start" : 5000013786,
              "uniq" : "98:B6:E9:00:00:11"
            },
            {
              "device" : "Nintendo Switch Right Joy-Con IMU",
              "file" : "/data/s.right.evemu",
              "side" : "right",
              "start" : 5000017074,
              "uniq" : null
            }
          ]
        }

        """

    static func refusal(_ text: String) -> String? {
        do {
            _ = try SessionFile.decode(Array(text.utf8), path: "s.json")
            return nil
        } catch {
            #expect(error.kind == .malformed && error.exitStatus == 65 && error.fix != nil)
            return "\(error.path):\(error.line ?? 0): \(error.message)"
        }
    }

    @Test func aGoodFileReadsBackAsWritten() throws {
        let s = try SessionFile.decode(Array(Self.good.utf8), path: "/home/me/s.json")
        #expect(s.entry(.left) == .init(side: .left, file: "s.left.evemu", device: "Nintendo Switch Left Joy-Con IMU",
                                         uniq: "98:B6:E9:00:00:11", start: 5_000_013_786))
        #expect(s.entry(.right)?.uniq == nil && s.entry(.right)?.start == 5_000_017_074)
        // Relative to the session file's folder, or absolute.
        #expect(SessionFile.path(of: try #require(s.entry(.left)), besides: "/home/me/s.json") == "/home/me/s.left.evemu")
        #expect(SessionFile.path(of: try #require(s.entry(.right)), besides: "/home/me/s.json") == "/data/s.right.evemu")
        #expect(SessionFile.path(of: try #require(s.entry(.left)), besides: "s.json") == "s.left.evemu")
        #expect(s.text == Self.good)
        #expect(try SessionFile.decode(Array(s.text.utf8), path: "x.json") == s)
        #expect(SessionFile.recordingPath(.left, sessionPath: "/tmp/a.json") == "/tmp/a.left.evemu")
        #expect(SessionFile.isSessionPath("A.JSON") && !SessionFile.isSessionPath("a.evemu"))
        // Written in one go, read back from disk.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("formcheck-session-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try s.write(to: path)
        #expect(try SessionFile.load(path) == s)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    @Test func mistakesAreRefusedWithTheirLine() {
        func replacing(_ a: String, _ b: String) -> String {
            let t = Self.good.replacingOccurrences(of: a, with: b)
            #expect(t != Self.good, "\(a) not in the file")
            return t
        }
        #expect(Self.refusal("[1, 2]") == "s.json:1: a session file is a JSON object")
        #expect(Self.refusal("{\"formcheckSession\": 1,") != nil)
        #expect(Self.refusal(replacing("\"formcheckSession\" : 1", "\"formcheckSession\" : 2"))
                == "s.json:2: formcheckSession: version 2 is not one this formcheck reads (1)")
        #expect(Self.refusal(replacing("\"formcheckSession\" : 1", "\"formcheckSession\" : true")) != nil)
        #expect(Self.refusal(replacing("\"formcheckSession\" : 1,", "\"version\" : 1,"))
                == "s.json:2: version: unknown key; the keys here are formcheckSession, recordings, sides")
        #expect(Self.refusal(replacing("\"uniq\" : null", "\"uniq\" : null, \"fuzz\" : 0"))
                == "s.json:16: fuzz: unknown key in a recording; its keys are side, file, device, uniq, start")
        #expect(Self.refusal(replacing("\"uniq\" : null\n", "\"x\" : 0\n")) != nil)
        #expect(Self.refusal(replacing("      \"start\" : 5000017074,\n", ""))
                == "s.json:3: missing key \"start\" in a recording (null when there is none)")
        #expect(Self.refusal(replacing("\"side\" : \"right\"", "\"side\" : \"left\""))
                == "s.json:3: recordings: a session has one recording per thigh, a left and a right (2 given: left, left)")
        #expect(Self.refusal(replacing("\"side\" : \"right\"", "\"side\" : \"middle\""))?.hasPrefix("s.json:") == true)
        #expect(Self.refusal(replacing("\"start\" : 5000017074", "\"start\" : -5")) == "s.json:15: start: -5 µs is before the kernel clock's 0")
        let fractional = Self.refusal(replacing("\"start\" : 5000017074", "\"start\" : 1.5"))
        #expect(fractional?.hasPrefix("s.json:15: start:") == true, "\(fractional ?? "accepted")")
        #expect(Self.refusal(replacing("\"file\" : \"s.left.evemu\"", "\"file\" : \"\"")) == "s.json:6: file: empty; name the recording's evemu file")
    }

    /// How the sides were chosen: said by `record`, `live` and `routine` (`named`: kept; `given`:
    /// told from the movement), read back as written; left out, nil; anything else refused.
    @Test func theSidesKey() throws {
        let given = Self.good.replacingOccurrences(of: "\n  ]\n}", with: "\n  ],\n  \"sides\" : \"given\"\n}")
        #expect(given != Self.good)
        let s = try SessionFile.decode(Array(given.utf8), path: "s.json")
        #expect(s.sides == .given && s.text == given)
        #expect(try SessionFile.decode(Array(Self.good.utf8), path: "s.json").sides == nil)
        var named = s
        named.sides = .named
        #expect(try SessionFile.decode(Array(named.text.utf8), path: "s.json").sides == .named)
        #expect(Self.refusal(given.replacingOccurrences(of: "\"given\"", with: "\"left\""))
                == "s.json:19: sides: left is not \"named\" or \"given\" (how the recordings' sides were chosen)")
    }

    @Test func aMissingFileIsCannotOpen() {
        #expect(throws: InputError.self) { try SessionFile.load("/nonexistent/s.json") }
        do { _ = try SessionFile.load("/nonexistent/s.json") } catch { #expect(error.exitStatus == 66) }
    }
}

/// One sensor's samples on the kernel clock: the smallest (kernel − sample time) so far is added,
/// and it only ever decreases.
@Suite struct KernelClockOffsetTests {
    @Test func theLowerEnvelope() {
        var o = KernelClockOffset()
        #expect(o.seconds == nil && o.aligned(1) == 1)
        // A Joy-Con report: three samples 5 ms apart reach the kernel together, 3 ms after the last.
        o.observe(sampleTime: 10.000, kernelTime: 10_013_000)
        #expect(abs((o.seconds ?? 0) - 0.013) < 1e-9)
        o.observe(sampleTime: 10.005, kernelTime: 10_013_001)
        o.observe(sampleTime: 10.010, kernelTime: 10_013_002)
        #expect(abs((o.seconds ?? 0) - 0.003002) < 1e-9)
        // A later, slower delivery does not raise it; a quicker one lowers it.
        o.observe(sampleTime: 10.025, kernelTime: 10_034_000)
        #expect(abs((o.seconds ?? 0) - 0.003002) < 1e-9)
        o.observe(sampleTime: 10.040, kernelTime: 10_042_500)
        #expect(abs((o.seconds ?? 0) - 0.0025) < 1e-9)
        #expect(abs(o.aligned(10.040) - 10.0425) < 1e-9)
    }
}
