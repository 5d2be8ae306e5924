import Testing
@testable import PathwayCore

@Suite struct GradingTests {
    let single = SingleChoiceQuestion(id: "q", prompt: "Pick", choices: [
        Choice(text: "Apple", isCorrect: true),
        Choice(text: "Carrot", feedback: "A root."),
        Choice(text: "Potato"),
    ])
    let multiple = MultipleSelectQuestion(id: "m", prompt: "Pick all", choices: [
        Choice(text: "Red", isCorrect: true),
        Choice(text: "Yellow", feedback: "Red plus green."),
        Choice(text: "Blue", isCorrect: true, feedback: "Blue is one."),
    ])

    func grade(_ question: any Question, _ input: String) -> Evaluation {
        var random = SeededRandom(seed: 1)
        return question.evaluate(input, in: question.present(shuffling: false, using: &random))
    }

    func isCorrect(_ question: any Question, _ input: String) -> Bool? {
        if case let .graded(grade) = grade(question, input) { return grade.isCorrect }
        return nil
    }

    @Test(arguments: ["a", "A", " a ", "1", "a)", "Apple", " apple. "])
    func singleChoiceAcceptsEveryWayOfNamingTheRightChoice(input: String) {
        #expect(isCorrect(single, input) == true)
    }

    @Test func singleChoiceWrongChoiceGivesItsFeedback() {
        guard case let .graded(grade) = grade(single, "b") else { Issue.record("not graded"); return }
        #expect(!grade.isCorrect)
        #expect(grade.feedback == ["A root."])
        #expect(grade.recordedAnswer == "Carrot")
    }

    @Test(arguments: ["d", "4", "", "a,b", "zz"])
    func singleChoiceRejectsInputThatIsNotOneChoice(input: String) {
        guard case let .malformed(message) = grade(single, input) else { Issue.record("\(input) was graded"); return }
        #expect(!message.isEmpty)
    }

    @Test(arguments: ["a,c", "a, c", "c,a", "a c", "1,3", "A;C", "a,c,c"])
    func multipleSelectAcceptsTheExactSetInAnyFormat(input: String) {
        #expect(isCorrect(multiple, input) == true)
    }

    @Test(arguments: ["a", "a,b,c", "b", "c"])
    func multipleSelectRejectsPartialOrExtraSets(input: String) {
        #expect(isCorrect(multiple, input) == false)
    }

    @Test func multipleSelectExplainsMissedAndWrongPicks() {
        guard case let .graded(grade) = grade(multiple, "a,b") else { Issue.record("not graded"); return }
        #expect(grade.feedback.contains("b) Red plus green."))
        #expect(grade.feedback.contains("Some of your picks are wrong, and you missed 1 right choice."))
        // The feedback of the right choice left out would give the rest of the key away.
        #expect(!grade.feedback.contains("c) Blue is one."))
    }

    @Test(arguments: [("true", true), ("T", true), ("yes", true), (" y ", true), ("false", false), ("F", false), ("no", false)])
    func trueFalseReadsCommonSpellings(input: String, value: Bool) {
        let question = TrueFalseQuestion(id: "t", prompt: "?", answer: true, wrongFeedback: "No.")
        #expect(isCorrect(question, input) == value)
    }

    @Test func trueFalseRejectsOtherWords() {
        let question = TrueFalseQuestion(id: "t", prompt: "?", answer: true)
        guard case .malformed = grade(question, "maybe") else { Issue.record("graded"); return }
    }

    @Test(arguments: ["precision", "Precision", "  PRECISION.  ", "positive predictive value", "Positive-predictive value!"])
    func shortTextNormalisesCaseSpacesAndPunctuation(input: String) {
        let question = ShortTextQuestion(id: "s", prompt: "?", answers: ["precision", "positive predictive value"])
        #expect(isCorrect(question, input) == true)
    }

    @Test func shortTextGivesFeedbackForAKnownWrongAnswer() {
        let question = ShortTextQuestion(id: "s", prompt: "?", answers: ["precision"],
                                         wrong: [.init(answer: "recall", feedback: "Recall divides by TP + FN.")])
        guard case let .graded(grade) = grade(question, " Recall ") else { Issue.record("not graded"); return }
        #expect(!grade.isCorrect)
        #expect(grade.feedback == ["Recall divides by TP + FN."])
    }

    @Test(arguments: ["0.5", ".5", "0.50", "+0.5", "5e-1", "0.504"])
    func numericAcceptsEquivalentSpellingsWithinTolerance(input: String) {
        let question = NumericQuestion(id: "n", prompt: "?", answer: 0.5, tolerance: 0.005)
        #expect(isCorrect(question, input) == true)
    }

    @Test(arguments: ["0.51", "-0.5", "5"])
    func numericRejectsValuesOutsideTolerance(input: String) {
        let question = NumericQuestion(id: "n", prompt: "?", answer: 0.5, tolerance: 0.005)
        #expect(isCorrect(question, input) == false)
    }

    @Test(arguments: ["abc", "", "1/2", "0x10", "inf", "1,2,3", "12,34"])
    func numericRejectsTextThatIsNotANumber(input: String) {
        let question = NumericQuestion(id: "n", prompt: "?", answer: 0.5)
        guard case .malformed = grade(question, input) else { Issue.record("\(input) was graded"); return }
    }

    @Test func numericReadsCurrencySigns() {
        let cost = NumericQuestion(id: "c", prompt: "?", answer: 0.475, tolerance: 0.001, unit: "USD")
        #expect(isCorrect(cost, "$0.475") == true)
        #expect(isCorrect(cost, "0.475 USD") == true)
        #expect(isCorrect(cost, "€ 0.475") == true)
    }

    @Test func numericReadsThousandsSeparatorsAndPercentUnits() {
        #expect(isCorrect(NumericQuestion(id: "n", prompt: "?", answer: 1250), "1,250") == true)
        let percent = NumericQuestion(id: "p", prompt: "?", answer: 62.5, tolerance: 0.05, unit: "%")
        #expect(isCorrect(percent, "62.5%") == true)
        #expect(isCorrect(percent, "62.5 %") == true)
        #expect(isCorrect(percent, "62.5 percent") == true)
        #expect(isCorrect(percent, "62.5 per cent") == true)
        #expect(isCorrect(percent, "0.625%") == false)
    }

    @Test func aFractionForAPercentIsQuestionedNotGraded() {
        let percent = NumericQuestion(id: "p", prompt: "?", answer: 4.6, tolerance: 0.05, unit: "%")
        guard case let .malformed(message) = grade(percent, "0.046") else { Issue.record("0.046 was graded"); return }
        #expect(message.hasPrefix("Did you mean 4.6%?"))
        // Any fraction is questioned, right or wrong, so the question gives nothing away.
        guard case .malformed = grade(percent, "0.5") else { Issue.record("0.5 was graded"); return }
        #expect(isCorrect(NumericQuestion(id: "q", prompt: "?", answer: 0.5, unit: "%"), "0.5") == true)
    }

    @Test func aUnitWordAfterTheNumberIsRead() {
        let cases = NumericQuestion(id: "c", prompt: "?", answer: 6)
        #expect(isCorrect(cases, "6 cases") == true)
        #expect(isCorrect(cases, "6 million") == nil)
    }

    @Test func aLeadingArticleDoesNotMakeARightAnswerWrong() {
        let gdpr = ShortTextQuestion(id: "g", prompt: "?", answers: ["General Data Protection Regulation", "GDPR"])
        #expect(isCorrect(gdpr, "the GDPR") == true)
        #expect(isCorrect(gdpr, "The General Data Protection Regulation") == true)
        #expect(isCorrect(gdpr, "the") == false)
        var strict = gdpr
        strict.keepArticles = true
        #expect(isCorrect(strict, "the GDPR") == false)
    }

    @Test func examplesInInstructionsNeverGiveTheAnswerAway() {
        var random = SeededRandom(seed: 1)
        for seed in 0..<40 {
            random = SeededRandom(seed: UInt64(seed))
            let ordering = OrderingQuestion(id: "o", prompt: "?", items: ["w", "x", "y", "z"])
            let shown = ordering.present(shuffling: true, using: &random)
            let key = ordering.items.indices.map { shown.order.firstIndex(of: $0)! }.map(ChoiceInput.letter).joined(separator: ",")
            #expect(!ordering.answerInstructions(for: shown).contains("e.g. \(key)."), "seed \(seed)")
            let select = MultipleSelectQuestion(id: "m", prompt: "?", choices: [
                Choice(text: "p", isCorrect: true), Choice(text: "q", isCorrect: false), Choice(text: "r", isCorrect: true)])
            let choices = select.present(shuffling: true, using: &random)
            let right = choices.order.indices.filter { select.choices[choices.order[$0]].isCorrect }.map(ChoiceInput.letter).joined(separator: ",")
            #expect(!select.answerInstructions(for: choices).contains("e.g. \(right)."), "seed \(seed)")
        }
        // The reversed order, once the example, was the key here.
        let phases = OrderingQuestion(id: "p", prompt: "?", items: ["a1", "b1", "c1", "d1"])
        let reversed = Presentation(options: ["d1", "c1", "b1", "a1"], order: [3, 2, 1, 0])
        #expect(!phases.answerInstructions(for: reversed).contains("d,c,b,a"))
    }

    @Test func numericWrongValueFeedback() {
        let question = NumericQuestion(id: "n", prompt: "?", answer: 0.25, tolerance: 0.005,
                                       wrong: [.init(value: 4, feedback: "Inverted.")])
        guard case let .graded(grade) = grade(question, "4") else { Issue.record("not graded"); return }
        #expect(grade.feedback == ["Inverted."])
    }

    @Test func shufflingIsRepeatableForASeed() {
        let choices = (0..<6).map { Choice(text: "Option \($0)", isCorrect: $0 == 0) }
        let question = SingleChoiceQuestion(id: "q", prompt: "?", choices: choices)
        var first = SeededRandom(seed: 42), second = SeededRandom(seed: 42), other = SeededRandom(seed: 7)
        let a = question.present(shuffling: true, using: &first)
        let b = question.present(shuffling: true, using: &second)
        let c = question.present(shuffling: true, using: &other)
        #expect(a == b)
        #expect(a.order != c.order)
        #expect(Set(a.order) == Set(0..<6))
        // Grading follows the shuffled letters: the right choice's displayed letter passes.
        let position = a.order.firstIndex(of: 0)!
        guard case let .graded(grade) = question.evaluate(ChoiceInput.letter(position), in: a) else { Issue.record("not graded"); return }
        #expect(grade.isCorrect)
    }

    @Test func aQuestionCanOptOutOfShuffling() {
        let choices = (0..<5).map { Choice(text: "Option \($0)", isCorrect: $0 == 4) }
        let question = SingleChoiceQuestion(id: "q", prompt: "?", choices: choices, shuffle: false)
        var random = SeededRandom(seed: 3)
        #expect(question.present(shuffling: true, using: &random).order == [0, 1, 2, 3, 4])
    }
}
