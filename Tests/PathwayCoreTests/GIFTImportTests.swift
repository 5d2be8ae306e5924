import Foundation
import Testing
@testable import PathwayCore

/// The GIFT importer on a realistic bank that uses every construct Pathway imports.
@Suite struct GIFTImportTests {
    /// The fixture imports without errors and the written pack loads without errors, with
    /// categories as modules and lessons, in file order.
    @Test func everyConstructImportsAndLoads() throws {
        let (result, load, directory) = try ImportFixtures.importAndLoad(try ImportFixtures.text("every-construct.gift"),
                                                                          fileName: "every-construct.gift", packID: "aipm")
        defer { directory.remove() }
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(!load.diagnostics.hasErrors, "\(load.diagnostics)")
        let pack = try #require(load.pack)
        #expect(pack.modules.map(\.title) == ["ML basics", "Product sense"])
        #expect(pack.modules[0].lessons.map(\.title) == ["Metrics", "Lifecycle"])
        #expect(pack.modules.map(\.id) == ["aipm-ml-basics", "aipm-product-sense"])
        #expect(pack.modules[0].lessons.map(\.id) == ["aipm-ml-basics-metrics", "aipm-ml-basics-lifecycle"])
        let types = ImportFixtures.steps(load).map(\.typeName)
        #expect(types == ["single_choice", "multiple_select", "true_false", "true_false", "short_text", "numeric", "numeric", "numeric",
                          "matching", "reflection", "text", "text", "single_choice", "single_choice", "single_choice", "text",
                          "single_choice", "short_text"])
        #expect(result.skippedQuestions == 0)
        // Only the partial-credit numerical answer and the missing explanations are reported.
        let warnings = result.diagnostics.map { "\($0.line ?? 0): \($0.message)" }
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.contains { $0.hasPrefix("32: partial credit (50%) for 1956") })
    }

    private func step<T: Step>(_ id: String, as type: T.Type) throws -> T {
        let (_, load, directory) = try ImportFixtures.importAndLoad(try ImportFixtures.text("every-construct.gift"), packID: "aipm")
        defer { directory.remove() }
        let found = ImportFixtures.steps(load).first { $0.id == "aipm-\(id)" }
        return try #require(found as? T, "no \(T.self) 'aipm-\(id)'")
    }

    @Test func multipleChoiceKeepsFeedbackAndGeneralFeedback() throws {
        let q = try step("precision-definition", as: SingleChoiceQuestion.self)
        #expect(q.prompt == "What does precision measure?")
        #expect(q.choices.map(\.isCorrect) == [true, false, false])
        #expect(q.choices[1].feedback == "That is recall.")
        // The right answer's feedback and the general feedback (####) form the explanation.
        #expect(q.explanation == "Yes: TP / (TP + FP).\n\nPrecision answers \"when the model says yes, how often is it right?\"")
    }

    @Test func weightedMultipleAnswerMarksPositiveWeightsRight() throws {
        let q = try step("metrics-to-watch", as: MultipleSelectQuestion.self)
        #expect(q.choices.map(\.text) == ["Precision", "Recall", "Mean squared error"])
        #expect(q.choices.map(\.isCorrect) == [true, true, false])
        #expect(q.choices[2].feedback == "MSE is a regression metric.")
        #expect(q.explanation == "Precision: It is one.\n\nRecall: It is one too.")
    }

    @Test func trueFalseFeedbackFollowsMoodle() throws {
        // {FALSE#shown for a wrong answer#shown for a right answer}
        let q = try step("accuracy-on-imbalanced-data", as: TrueFalseQuestion.self)
        #expect(q.answer == false)
        #expect(q.wrongFeedback == "With 99.9% negatives, always saying \"no fraud\" scores 99.9%.")
        #expect(q.explanation == "Right: accuracy hides the rare class.")
        #expect(try step("recall-is-sensitivity", as: TrueFalseQuestion.self).answer == true)
    }

    @Test func shortAnswerTakesEveryAnswerAndTheIDComment() throws {
        // `// [id:f1-name]` names the step instead of the title.
        let q = try step("f1-name", as: ShortTextQuestion.self)
        #expect(q.answers == ["F1", "F1 score", "F-score"])
        #expect(q.explanation == "Also called F-measure.\n\nThe harmonic mean punishes a low precision or recall.")
    }

    @Test func numericalToleranceRangeAndSeveralAnswers() throws {
        let pi = try step("pi-to-two-places", as: NumericQuestion.self)
        #expect(pi.answer == 3.14 && pi.tolerance == 0.005 && pi.range == nil)
        let churn = try step("plausible-churn", as: NumericQuestion.self)
        #expect(churn.range == 1...5)
        let year = try step("year-of-the-dartmouth-workshop", as: NumericQuestion.self)
        #expect(year.answer == 1956 && year.tolerance == 0)
        #expect(year.wrong == [NumericQuestion.WrongValue(value: 1965, feedback: "That is a decade later.")])
        #expect(year.explanation == "Exactly.")
    }

    @Test func matchingWithADistractor() throws {
        let q = try step("match-the-stage", as: MatchingQuestion.self)
        #expect(q.pairs.map(\.left) == ["Problem framing", "Data collection", "Monitoring"])
        #expect(q.pairs[2].right == "Is the model still right in production?")
        #expect(q.distractors == ["Which GPU should we buy?"])
    }

    @Test func essayBecomesAReflectionFollowedByItsFeedback() throws {
        let (_, load, directory) = try ImportFixtures.importAndLoad(try ImportFixtures.text("every-construct.gift"), packID: "aipm")
        defer { directory.remove() }
        let steps = ImportFixtures.steps(load)
        let index = try #require(steps.firstIndex { $0.id == "aipm-model-card-essay" })
        let reflection = try #require(steps[index] as? ReflectionStep)
        #expect(reflection.artifact == "Model card essay")
        #expect(reflection.prompt.hasPrefix("Write a short model card"))
        #expect((steps[index + 1] as? TextStep)?.text == "A good model card also says what the model must not be used for.")
    }

    @Test func descriptionsFormatsAndMissingWords() throws {
        let markdown = try step("about-this-module", as: TextStep.self)
        #expect(markdown.text == "This module covers the **ML lifecycle**: from framing a problem to *monitoring* a model.")
        let (_, load, directory) = try ImportFixtures.importAndLoad(try ImportFixtures.text("every-construct.gift"), packID: "aipm")
        defer { directory.remove() }
        let steps = ImportFixtures.steps(load)
        // [html] with the answer block in the middle: the HTML becomes Markdown, the blank "_____".
        let missing = try #require(steps.compactMap { $0 as? SingleChoiceQuestion }.first { $0.prompt.contains("_____") })
        #expect(missing.prompt == "Training data that differs from production data causes **distribution shift**, also called _____ over time.")
        #expect(missing.choices.first(where: \.isCorrect)?.text == "drift")
        #expect(missing.questionID.hasPrefix("aipm-q"))
        let plain = try #require(steps.compactMap { $0 as? TextStep }.first { $0.text.hasPrefix("A plain-text") })
        #expect(plain.text == "A plain-text note: *asterisks* stay as typed.")
        let launch = try #require(steps.first { $0.id == "aipm-launch-order" } as? SingleChoiceQuestion)
        #expect(launch.prompt == "Which is the *first* step of an AI feature launch?")
        #expect(launch.choices[0].text == "Define the user problem")
    }

    @Test func escapesAndLineBreaks() throws {
        let q = try step("escapes", as: SingleChoiceQuestion.self)
        #expect(q.prompt == "Which characters must be escaped in GIFT: ~, =, #, { and }?")
        #expect(q.choices.map(\.text) == ["all of them: ~ = # { }", "none of them"])
        #expect(q.explanation == "Yes: escape each with a backslash (\\).")
        let lines = try step("line-breaks", as: SingleChoiceQuestion.self)
        #expect(lines.prompt == "Read both lines:\nfirst line\nsecond line. Which line comes first?")
    }

    @Test func wildcardShortAnswerBecomesAPattern() throws {
        let q = try step("wildcard-answer", as: ShortTextQuestion.self)
        #expect(q.answers == ["context window"])
        #expect(q.patterns.map(\.description) == [".* window"])
        var random = SeededRandom(seed: 1)
        let presentation = q.present(shuffling: false, using: &random)
        guard case let .graded(grade) = q.evaluate("token window", in: presentation) else { Issue.record("not graded"); return }
        #expect(grade.isCorrect)
    }
}
