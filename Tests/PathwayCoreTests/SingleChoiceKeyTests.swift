import Foundation
import Testing
@testable import PathwayCore

/// Which single-choice questions are well formed: distinct choices, and one right choice unless
/// the question says any of several is right.
@Suite struct SingleChoiceKeyTests {
    func errors(_ choices: [Choice], anyCorrect: Bool = false) -> [String] {
        SingleChoiceQuestion(id: "q", prompt: "Pick", choices: choices, anyCorrect: anyCorrect)
            .problems().filter { $0.severity == .error }.map(\.message)
    }

    @Test func choicesOfPunctuationAloneAreDistinct() {
        #expect(errors([Choice(text: "{", isCorrect: true), Choice(text: "}"), Choice(text: "#"), Choice(text: ":")]) == [])
        #expect(errors([Choice(text: "{", isCorrect: true), Choice(text: " { ")]).contains("two choices have the same text"))
        #expect(errors([Choice(text: "Yes", isCorrect: true), Choice(text: "yes.")]).contains("two choices have the same text"))
    }

    @Test func twoRightChoicesNeedAnyCorrect() {
        let two = [Choice(text: "AWS", isCorrect: true), Choice(text: "Azure", isCorrect: true), Choice(text: "Excel")]
        let found = errors(two)
        #expect(found.count == 1)
        #expect(found.first?.contains("exactly one choice with 'correct: true' (it has 2)") == true)
        #expect(found.first?.contains("any_correct: true") == true)
        #expect(errors(two, anyCorrect: true) == [])
    }

    @Test func anyCorrectWithOneRightChoiceIsAnError() {
        let found = errors([Choice(text: "AWS", isCorrect: true), Choice(text: "Excel")], anyCorrect: true)
        #expect(found.count == 1)
        #expect(found.first?.contains("'any_correct: true' needs two or more choices with 'correct: true'") == true)
    }

    @Test func anyCorrectLoadsFromYAMLAndTakesPartInTheAnswerKey() throws {
        let yaml = """
            id: l
            title: L
            steps:
              - type: single_choice
                id: q
                prompt: Which of these is a cloud provider?
                any_correct: true
                choices:
                  - {text: AWS, correct: true}
                  - {text: Azure, correct: true}
                  - {text: Excel}
            """
        guard case let .success(decoded) = DocumentDecoder().decode(Lesson.self, text: yaml, displayPath: "l.yaml") else {
            Issue.record("does not decode")
            return
        }
        let step = try #require(decoded.value.steps.first as? SingleChoiceQuestion)
        #expect(step.anyCorrect)
        #expect(step.problems().filter { $0.severity == .error }.isEmpty)
        let single = SingleChoiceQuestion(id: "q", prompt: step.prompt, choices: [Choice(text: "AWS", isCorrect: true), Choice(text: "Azure"), Choice(text: "Excel")])
        #expect(AnswerKey(step) != AnswerKey(single))
    }

    @Test func reKeyingBetweenPunctuationChoicesIsAChangedKey() {
        let open = SingleChoiceQuestion(id: "q", prompt: "Pick", choices: [Choice(text: "{", isCorrect: true), Choice(text: "}")])
        let close = SingleChoiceQuestion(id: "q", prompt: "Pick", choices: [Choice(text: "{"), Choice(text: "}", isCorrect: true)])
        #expect(AnswerKey(open) != AnswerKey(close))
    }
}
