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
        #expect(SessionEvent.holdStarted(t: 12.3456, rep: 1, side: .right, flexion: 84.66).jsonLine
                == #"{"flexion":84.7,"rep":1,"side":"right","t":12.346,"type":"holdStarted"}"#)
        #expect(SessionEvent.formError(t: 14.25, kind: .bouncing, rep: 1, message: FormError.bouncing.message).jsonLine
                == #"{"kind":"bouncing","message":"bouncing during the hold: ballistic stretching triggers the stretch reflex","rep":1,"t":14.25,"type":"formError"}"#)
        #expect(SessionEvent.formError(t: 60.0004, kind: .slowCadence, rep: nil, message: "say \"pace\"\n").jsonLine
                == #"{"kind":"slowCadence","message":"say \"pace\"\n","rep":null,"t":60,"type":"formError"}"#)
        #expect(SessionEvent.holdEnded(t: 74.4, rep: 1, side: .left, duration: 62.0961, complete: false).jsonLine
                == #"{"complete":false,"duration":62.1,"rep":1,"side":"left","t":74.4,"type":"holdEnded"}"#)
        #expect(SessionEvent.cue(t: 12.5, text: "Hold — sixty seconds").jsonLine
                == #"{"t":12.5,"text":"Hold — sixty seconds","type":"cue"}"#)
    }

    @Test func summaryLine() {
        #expect(SessionEvent.summary(Self.summary).jsonLine == """
            {"cadence":null,"distanceMeters":null,"exercise":"piriformis","formErrors":[{"kind":"bouncing","rep":1,"t":14.25},\
            {"kind":"shortHold","rep":2,"t":125.5}],"holds":[{"complete":true,"duration":62.1,"end":74.4,\
            "meanFlexion":84.7,"peakFlexion":86,"rep":1,"side":"right","start":12.346},{"complete":false,\
            "duration":25.5,"end":125.5,"meanFlexion":58.3,"peakFlexion":61,"rep":2,"side":"right","start":100}],\
            "side":"right","steps":null,"t":312.457,"type":"summary","walkingSeconds":null}
            """)
        let walk = SessionSummary(t: 61.2, exercise: "walk", side: .left, holds: [], formErrors: [],
                                  steps: 112, cadence: 111.96, walkingSeconds: 60.0149, distanceMeters: 71.46)
        #expect(SessionEvent.summary(walk).jsonLine
                == #"{"cadence":112,"distanceMeters":71.5,"exercise":"walk","formErrors":[],"holds":[],"side":"left","steps":112,"t":61.2,"type":"summary","walkingSeconds":60.01}"#)
    }

    @Test func roundingIsExactDecimal() {
        // 0.1 + 0.2 is 0.30000000000000004 in binary; the line says 0.3. Negative zero says 0.
        #expect(SessionEvent.cue(t: 0.1 + 0.2, text: "x").jsonLine == #"{"t":0.3,"text":"x","type":"cue"}"#)
        #expect(SessionEvent.holdStarted(t: 1, rep: 1, side: .left, flexion: -0.04).jsonLine
                == #"{"flexion":0,"rep":1,"side":"left","t":1,"type":"holdStarted"}"#)
        #expect(SessionEvent.holdStarted(t: 1, rep: 1, side: .left, flexion: -3.25).jsonLine
                == #"{"flexion":-3.3,"rep":1,"side":"left","t":1,"type":"holdStarted"}"#)
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
        #expect(types.first == "calibrated")
        #expect(types.last == "summary")
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
        (#"{"t":1,"type":"cue"}"#, #"missing key "text""#),
        (#"{"t":1,"text":"x","type":"cue","x":1}"#, #"unexpected key "x""#),
        (#"{"text":"x","t":1,"type":"cue"}"#, #"keys not sorted: "t" after "text""#),
        (#"{"t":1,"t":2,"text":"x","type":"cue"}"#, #"duplicate key "t""#),
        (#"{"t": 1,"text":"x","type":"cue"}"#, "not compact"),
        (#"{"t":1.2345,"text":"x","type":"cue"}"#, #""t" has 4 decimals, more than 3"#),
        (#"{"t":"1","text":"x","type":"cue"}"#, #""t" is not a number"#),
        (#"{"t":1,"text":"x","type":"chat"}"#, #"unknown type "chat""#),
        (#"{"t":1,"text":"x"}"#, #"no "type" string"#),
        (#"{"kind":"bouncing","message":"m","t":1,"type":"formError"}"#, #"missing key "rep""#),
        (#"{"kind":"wobbling","message":"m","rep":null,"t":1,"type":"formError"}"#, #""kind" is "wobbling""#),
        (#"{"flexion":84.75,"rep":1,"side":"right","t":1,"type":"holdStarted"}"#, #""flexion" has 2 decimals"#),
        (#"{"flexion":84.7,"rep":0,"side":"right","t":1,"type":"holdStarted"}"#, #""rep" is 0, below 1"#),
        (#"{"flexion":84.7,"rep":1.0,"side":"right","t":1,"type":"holdStarted"}"#, #""rep" is not an integer"#),
        (#"{"complete":1,"duration":6,"rep":1,"side":"right","t":1,"type":"holdEnded"}"#, #""complete" is not true or false"#),
        (#"{"cadence":null,"distanceMeters":null,"exercise":"walk","formErrors":[],"holds":[{"rep":1}],"side":"left","steps":null,"t":1,"type":"summary","walkingSeconds":null}"#,
         #"missing key "holds[0].complete""#),
        (#"{"cadence":null,"distanceMeters":null,"exercise":"walk","formErrors":[],"holds":[],"side":"left","t":1,"type":"summary","walkingSeconds":null}"#,
         #"missing key "steps""#),
        (#"{"cadence":null,"exercise":"walk","formErrors":[],"holds":[],"side":"left","steps":null,"t":1,"type":"summary","walkingSeconds":null}"#,
         #"missing key "distanceMeters""#),
        (#"{"cadence":112,"distanceMeters":71.46,"exercise":"walk","formErrors":[],"holds":[],"side":"left","steps":112,"t":1,"type":"summary","walkingSeconds":60}"#,
         #""distanceMeters" has 2 decimals, more than 1"#),
        (#"{"cadence":112,"distanceMeters":71.5,"exercise":"walk","formErrors":[],"holds":[],"side":"left","steps":112,"t":1,"type":"summary","walkingSeconds":-1}"#,
         #""walkingSeconds" is negative"#),
        (#"[1]"#, "not a JSON object"),
        (#"{"t":1,"text":"x","type":"cue"} x"#, "not JSON"),
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
