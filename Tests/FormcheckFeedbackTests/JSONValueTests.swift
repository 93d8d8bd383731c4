import FormcheckFeedback
import Testing

/// The JSON reader/writer behind the event lines: literals and member order kept, strict syntax.
@Suite struct JSONValueTests {
    @Test func readsAndWritesBack() throws {
        let value = try JSONValue(parsing: #" {"b" : [1, -2.5e3, true, false, null], "a": "\u00e9\ud83d\ude00\n\"\\\/"} "#)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a"])
        #expect(value["a"]?.stringValue == "é😀\n\"\\/")
        #expect(value["b"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(value["b"].flatMap { if case .array(let a) = $0 { a[1].doubleValue } else { nil } } == -2500)
        #expect(value.compactText == #"{"b":[1,-2.5e3,true,false,null],"a":"é😀\n\"\\/"}"#)
        #expect(JSONValue.string("bell\u{07}").compactText == #""bell\u0007""#)
    }

    @Test func numbersAsTheContractRoundsThem() {
        #expect(JSONValue.number(62.0961, decimals: 2).compactText == "62.1")
        #expect(JSONValue.number(60, decimals: 2).compactText == "60")
        #expect(JSONValue.number(-0.0001, decimals: 3).compactText == "0")
        #expect(JSONValue.number(.nan, decimals: 1) == .null)
        #expect(JSONValue.number("2").intValue == 2)
        #expect(JSONValue.number("2.0").intValue == nil)
    }

    /// The JSON Lines writer's determinism (README "JSON output"): sorted members, numbers to the
    /// stated decimals with no binary noise and no trailing zeros, half away from zero, `-0` as
    /// `0`, only quotes, backslashes and control characters escaped.
    @Test func jsonLinesAreWrittenOneWay() {
        let line = JSONValue.sortedObject([
            "t": .number(0.1 + 0.2, decimals: 3),
            "Z": .number(-2.5, decimals: 0),
            // U+001F is the last control character JSON makes escaped; U+007F (DEL) is past them.
            "a": .string("a/b\r\t\u{1f}\u{7f}é"),
            "angle": .number(-0.04, decimals: 1),
            "n": .integer(-12),
        ]).compactText
        #expect(line == #"{"Z":-3,"a":"a/b\r\t\u001f\#u{7f}é","angle":0,"n":-12,"t":0.3}"#)
    }

    @Test(arguments: [
        (#"{"a":1,}"#, "expected a member name in quotes"),
        ("01", "unexpected text after the value"),
        (#""abc"#, "the string is not closed"),
        (#""\x""#, #"unknown escape '\x'"#),
        (#""\ud83d""#, "a high surrogate without its low surrogate"),
        ("[1 2]", "expected ',' or ']' in an array"),
        ("-", "a number needs digits"),
        ("1.", "a number needs digits after the point"),
        ("tru", "expected true"),
        ("\"a\tb\"", "a control character in a string (escape it)"),
        ("", "the text ends where a value should be"),
        (String(repeating: "[", count: 100), "nested too deeply"),
    ])
    func refuses(_ text: String, _ message: String) {
        do {
            _ = try JSONValue(parsing: text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.message == message, "\(text)")
        }
    }
}
