@testable import FormcheckFeedback
import MotionCore
import Testing
import ThighSimulator

/// The JSON Lines contract of session events: exact lines for each type, every line of every
/// scenario's session valid, and the validator refusing what breaks the contract.
@Suite struct SessionEventJSONTests {
    static let summary = SessionSummary(
        t: 312.4567, exercise: "piriformis", side: .right,
        holds: [.init(rep: 1, side: .right, start: 12.3456, end: 74.4, duration: 62.0961, meanFlexion: 84.66,
                      peakFlexion: 86.04, complete: true),
                .init(rep: 2, side: .right, start: 100, end: 125.5, duration: 25.5, meanFlexion: 58.25,
                      peakFlexion: 61, complete: false)],
        formErrors: [.init(t: 14.25, kind: .bouncing, rep: 1), .init(t: 125.5, kind: .shortHold, rep: 2)],
        steps: nil, cadence: nil)

    @Test func eachTypeHasItsExactLine() {
        #expect(SessionEvent.calibrated(t: 0, posture: .hookLying).jsonLine
                == #"{"posture":"hookLying","t":0,"type":"calibrated"}"#)
        #expect(SessionEvent.holdStarted(t: 17.5, rep: 1, side: .right, start: 12.3456, flexion: 84.66).jsonLine
                == #"{"flexion":84.7,"rep":1,"side":"right","start":12.346,"t":17.5,"type":"holdStarted"}"#)
        #expect(SessionEvent.formError(t: 14.25, kind: .bouncing, rep: 1).jsonLine
                == #"{"kind":"bouncing","message":"bouncing during the hold: ballistic stretching triggers the stretch reflex","rep":1,"t":14.25,"type":"formError"}"#)
        #expect(SessionEvent.formError(t: 60.0004, kind: .slowCadence, rep: nil).jsonLine
                == #"{"kind":"slowCadence","message":"walking slower than a brisk pace","rep":null,"t":60,"type":"formError"}"#)
        #expect(SessionEvent.holdEnded(t: 77.4, rep: 1, side: .left, start: 12.3039, end: 74.4, complete: false).jsonLine
                == #"{"complete":false,"duration":62.1,"end":74.4,"rep":1,"side":"left","start":12.304,"t":77.4,"type":"holdEnded"}"#)
        #expect(SessionEvent.cue(t: 12.5, cue: .holdCountdown(seconds: 60, first: true)).jsonLine
                == #"{"kind":"holdCountdown","t":12.5,"text":"Hold — sixty seconds","type":"cue"}"#)
        #expect(SessionEvent.cue(t: 3, cue: .correct(.overshoot)).jsonLine
                == #"{"kind":"formError","t":3,"text":"Too far — ease off","type":"cue"}"#)
        #expect(SessionEvent.strapSlipped(t: 50.01, degrees: 15.24).jsonLine
                == #"{"degrees":15.2,"t":50.01,"type":"strapSlipped"}"#)
        #expect(SessionEvent.exerciseRecognised(t: 187.0004, exercise: "bridge", confidence: .likely, reason: "bridge (likely: …)").jsonLine
                == #"{"confidence":"likely","exercise":"bridge","reason":"bridge (likely: …)","t":187,"type":"exerciseRecognised"}"#)
    }

    @Test func summaryLine() {
        var s = Self.summary
        s.strapSlips = [.init(t: 50.0123, degrees: 15.24)]
        #expect(SessionEvent.summary(s).jsonLine == """
            {"cadence":null,"distanceMeters":null,"exercise":"piriformis","formErrors":[{"kind":"bouncing","rep":1,"t":14.25},\
            {"kind":"shortHold","rep":2,"t":125.5}],"holds":[{"complete":true,"duration":62.1,"end":74.4,\
            "meanFlexion":84.7,"peakFlexion":86,"rep":1,"side":"right","start":12.346},{"complete":false,\
            "duration":25.5,"end":125.5,"meanFlexion":58.3,"peakFlexion":61,"rep":2,"side":"right","start":100}],\
            "side":"right","steps":null,"strapSlips":[{"degrees":15.2,"t":50.012}],"t":312.457,"type":"summary","walkingSeconds":null}
            """)
        let walk = SessionSummary(t: 61.2, exercise: "walk", side: .left, holds: [], formErrors: [],
                                  steps: 112, cadence: 111.96, walkingSeconds: 60.0149, distanceMeters: 71.46)
        #expect(SessionEvent.summary(walk).jsonLine
                == #"{"cadence":112,"distanceMeters":71.5,"exercise":"walk","formErrors":[],"holds":[],"side":"left","steps":112,"strapSlips":[],"t":61.2,"type":"summary","walkingSeconds":60.01}"#)
    }

    @Test func roundingIsExactDecimal() {
        // 0.1 + 0.2 is 0.30000000000000004 in binary; the line says 0.3. Negative zero says 0.
        #expect(SessionEvent.cue(t: 0.1 + 0.2, cue: .holdDone).jsonLine == #"{"kind":"holdDone","t":0.3,"text":"Done — release slowly","type":"cue"}"#)
        #expect(SessionEvent.holdStarted(t: 1, rep: 1, side: .left, start: 1, flexion: -0.04).jsonLine
                == #"{"flexion":0,"rep":1,"side":"left","start":1,"t":1,"type":"holdStarted"}"#)
        #expect(SessionEvent.holdStarted(t: 1, rep: 1, side: .left, start: 1, flexion: -3.25).jsonLine
                == #"{"flexion":-3.3,"rep":1,"side":"left","start":1,"t":1,"type":"holdStarted"}"#)
    }

    static let scenarios = ScenarioLibrary.all.map(\.name)

    @Test(arguments: scenarios)
    func everyLineOfEveryScenarioIsValid(_ name: String) throws {
        let (events, summary, _) = try TruthAngleSessionTests.session(name)
        var types: [String] = []
        for event in events {
            let line = event.jsonLine
            #expect(!line.contains("\n"))
            do {
                types.append(try SessionEventJSON.validate(line: line))
            } catch {
                Issue.record("\(name): \(error)")
            }
        }
        #expect(types.first == "cue")
        #expect(types.last == "summary")
        do { try SessionEventJSON.validate(session: events.map(\.jsonLine)) } catch { Issue.record("\(name): \(error)") }
        #expect(types.filter { $0 == "summary" }.count == 1)
        #expect(types.filter { $0 == "holdStarted" }.count == summary.holds.count)
        #expect(types.filter { $0 == "holdEnded" }.count == summary.holds.count)
        #expect(types.filter { $0 == "formError" }.count == summary.formErrors.count)

        // The summary line reads back to the summary, rounded.
        let last = try JSONValue(parsing: try #require(events.last).jsonLine)
        guard case .array(let holds)? = last["holds"] else { Issue.record("no holds array"); return }
        for (h, j) in zip(summary.holds, holds) {
            #expect(j["rep"]?.intValue == h.rep)
            #expect(j["start"]?.doubleValue == (h.start * 1000).rounded() / 1000)
            #expect(j["duration"]?.doubleValue == (h.duration * 100).rounded() / 100)
            #expect(j["meanFlexion"]?.doubleValue == (h.meanFlexion * 10).rounded() / 10)
        }
        if name.hasPrefix("walk") {
            #expect(last["steps"]?.intValue == summary.steps)
            #expect(last["cadence"]?.doubleValue == (try #require(summary.cadence) * 10).rounded() / 10)
            #expect(last["walkingSeconds"]?.doubleValue == (try #require(summary.walkingSeconds) * 100).rounded() / 100)
            #expect(last["distanceMeters"] == .null)  // no height given
        } else {
            #expect(last["steps"] == .null)
            #expect(last["cadence"] == .null)
            #expect(last["walkingSeconds"] == .null)
            #expect(last["distanceMeters"] == .null)
        }
    }

    @Test(arguments: [
        (#"{"kind":"setup","t":1,"type":"cue"}"#, #"missing key "text""#),
        (#"{"kind":"setup","t":1,"text":"x","type":"cue","x":1}"#, #"unexpected key "x""#),
        (#"{"kind":"setup","text":"x","t":1,"type":"cue"}"#, #"keys not sorted: "t" after "text""#),
        (#"{"kind":"setup","t":1,"t":2,"text":"x","type":"cue"}"#, #"duplicate key "t""#),
        (#"{"kind":"setup","t": 1,"text":"x","type":"cue"}"#, "not compact"),
        (#"{"kind":"setup","t":1.2345,"text":"x","type":"cue"}"#, #""t" has 4 decimals, more than 3"#),
        (#"{"kind":"setup","t":"1","text":"x","type":"cue"}"#, #""t" is not a number"#),
        (#"{"kind":"chatter","t":1,"text":"x","type":"cue"}"#, #""kind" is "chatter""#),
        (#"{"t":1,"text":"x","type":"cue"}"#, #"missing key "kind""#),
        (#"{"degrees":"15","t":1,"type":"strapSlipped"}"#, #""degrees" is not a number"#),
        (#"{"t":1,"text":"x","type":"chat"}"#, #"unknown type "chat""#),
        (#"{"t":1,"text":"x"}"#, #"no "type" string"#),
        (#"{"kind":"bouncing","message":"m","t":1,"type":"formError"}"#, #"missing key "rep""#),
        (#"{"kind":"wobbling","message":"m","rep":null,"t":1,"type":"formError"}"#, #""kind" is "wobbling""#),
        (#"{"flexion":84.75,"rep":1,"side":"right","start":1,"t":1,"type":"holdStarted"}"#, #""flexion" has 2 decimals"#),
        (#"{"flexion":84.7,"rep":0,"side":"right","start":1,"t":1,"type":"holdStarted"}"#, #""rep" is 0, below 1"#),
        (#"{"flexion":84.7,"rep":1.0,"side":"right","start":1,"t":1,"type":"holdStarted"}"#, #""rep" is not an integer"#),
        (#"{"complete":1,"duration":6,"end":7,"rep":1,"side":"right","start":1,"t":8,"type":"holdEnded"}"#, #""complete" is not true or false"#),
        (#"{"cadence":null,"distanceMeters":null,"exercise":"walk","formErrors":[],"holds":[{"rep":1}],"side":"left","steps":null,"strapSlips":[],"t":1,"type":"summary","walkingSeconds":null}"#,
         #"missing key "holds[0].complete""#),
        (#"{"cadence":null,"distanceMeters":null,"exercise":"walk","formErrors":[],"holds":[],"side":"left","strapSlips":[],"t":1,"type":"summary","walkingSeconds":null}"#,
         #"missing key "steps""#),
        (#"{"cadence":null,"exercise":"walk","formErrors":[],"holds":[],"side":"left","steps":null,"strapSlips":[],"t":1,"type":"summary","walkingSeconds":null}"#,
         #"missing key "distanceMeters""#),
        (#"{"cadence":112,"distanceMeters":71.46,"exercise":"walk","formErrors":[],"holds":[],"side":"left","steps":112,"strapSlips":[],"t":1,"type":"summary","walkingSeconds":60}"#,
         #""distanceMeters" has 2 decimals, more than 1"#),
        (#"{"cadence":112,"distanceMeters":71.5,"exercise":"walk","formErrors":[],"holds":[],"side":"left","steps":112,"strapSlips":[],"t":1,"type":"summary","walkingSeconds":-1}"#,
         #""walkingSeconds" is negative"#),
        (#"{"confidence":"maybe","exercise":"bridge","reason":"r","t":1,"type":"exerciseRecognised"}"#, #""confidence" is "maybe""#),
        (#"{"confidence":"sure","reason":"r","t":1,"type":"exerciseRecognised"}"#, #"missing key "exercise""#),
        (#"[1]"#, "not a JSON object"),
        (#"{"kind":"setup","t":1,"text":"x","type":"cue"} x"#, "not JSON"),
    ])
    func validatorRefuses(_ line: String, _ reason: String) {
        do {
            try SessionEventJSON.validate(line: line)
            Issue.record("accepted: \(line)")
        } catch {
            #expect(error.reason.contains(reason), "\(error.reason)")
            #expect(error.line == line)
        }
    }
}

/// The whole-session contract: lines that are each valid but break it together.
@Suite struct SessionContractTests {
    static let cue0 = #"{"kind":"setup","t":0,"text":"Lie down","type":"cue"}"#
    static let summary = #"{"cadence":null,"distanceMeters":null,"exercise":"knee-to-chest","formErrors":[],"holds":[{"complete":false,"duration":30,"end":40,"meanFlexion":100,"peakFlexion":101,"rep":1,"side":"right","start":10}],"side":"right","steps":null,"strapSlips":[],"t":50,"type":"summary","walkingSeconds":null}"#
    static let started = #"{"flexion":100,"rep":1,"side":"right","start":10,"t":16,"type":"holdStarted"}"#
    static let overshoot = #"{"kind":"overshoot","message":"m","rep":1,"t":20,"type":"formError"}"#

    static func ended(complete: Bool) -> String {
        #"{"complete":\#(complete),"duration":30,"end":40,"rep":1,"side":"right","start":10,"t":43,"type":"holdEnded"}"#
    }

    @Test func aGoodSessionPasses() throws {
        try SessionEventJSON.validate(session: [Self.cue0, Self.started, Self.overshoot, Self.ended(complete: false), Self.summary])
    }

    @Test(arguments: [
        ([cue0, started, #"{"posture":"supine","t":15,"type":"calibrated"}"#, ended(complete: false), summary], "is before the line above"),
        ([cue0, started, overshoot, ended(complete: true), summary], "but is complete"),
        ([cue0, started, ended(complete: false), summary.replacingOccurrences(of: #""complete":false"#, with: #""complete":true"#)], "its holdEnded line says false"),
        ([#"{"kind":"holdDone","t":0,"text":"Done","type":"cue"}"#, summary], "not setup or startPosition"),
        ([cue0, summary, cue0], "not the last line"),
        ([cue0, ended(complete: false), summary], "ends without starting"),
    ])
    func brokenSessionsAreRefused(_ lines: [String], _ reason: String) {
        do {
            try SessionEventJSON.validate(session: lines)
            Issue.record("accepted")
        } catch {
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }
}
