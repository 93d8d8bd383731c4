import FormcheckFeedback
import Testing

/// The pain question, as a transcript: asked, keys pressed, the answer.
@Suite struct PainPromptTests {
    func key(_ c: Character) -> UInt8 { c.asciiValue ?? 0 }

    @Test func aDigitAnswers() {
        var p = PainPrompt(.before)
        #expect(p.key(key("4")) == .none)  // not asked yet
        #expect(p.start() == .ask(.askPain(.before)))
        #expect(p.answer == nil)
        #expect(p.key(key("4")) == .answered(4))
        #expect(p.answer == .some(4))
        #expect(p.key(key("7")) == .none)  // over
        #expect(p.start() == .none)
    }

    @Test func tIsTenAndZeroIsZero() {
        var ten = PainPrompt(.after)
        _ = ten.start()
        #expect(ten.key(key("t")) == .answered(10))
        var upper = PainPrompt(.after)
        _ = upper.start()
        #expect(upper.key(key("T")) == .answered(10))
        var zero = PainPrompt(.after)
        _ = zero.start()
        #expect(zero.key(key("0")) == .answered(0))
        var nine = PainPrompt(.after)
        _ = nine.start()
        #expect(nine.key(key("9")) == .answered(9))
    }

    @Test(arguments: ["\r", "\n", "s", "S"])
    func enterOrSSkips(_ k: Character) {
        var p = PainPrompt(.after)
        _ = p.start()
        #expect(p.key(key(k)) == .answered(nil))
        #expect(p.answer == .some(nil))
    }

    @Test func otherKeysShowTheKeysAgain() {
        var p = PainPrompt(.before)
        _ = p.start()
        for k in ["x", "/", ":", " ", "u", "1"].dropLast() { #expect(p.key(key(Character(k))) == .remind) }
        #expect(p.key(key("1")) == .answered(1))
    }

    @Test func theWordsAreTheCatalogues() {
        #expect(CueCatalogue.english.text(.askPain(.before)) == "Before we start: how is your pain now, from zero to ten?")
        #expect(CueCatalogue.english.text(.askPain(.after)) == "How is your pain now, from zero to ten?")
        #expect(Cue.askPain(.after).kind == .pain)
        #expect(CueCatalogue.english.painQuestion(.before)
                == "Pain now, before the session — 0 (none) to 10 (worst): press 0–9, t for 10; Enter or s to skip")
        #expect(CueCatalogue.english.painAnswer(4) == "pain 4 of 10")
        #expect(CueCatalogue.english.painAnswer(nil) == "pain not given")
    }
}
