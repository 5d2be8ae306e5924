import Foundation
import Testing
@testable import PathwayCore

/// The Aiken importer: single-answer multiple choice with `A)` / `A.` options and `ANSWER:`.
@Suite struct AikenImportTests {
    @Test func theFixtureImportsAndLoads() throws {
        let (result, load, directory) = try ImportFixtures.importAndLoad(try ImportFixtures.text("mlops.aiken"), with: AikenImporter(),
                                                                          fileName: "mlops.aiken", packID: "mlops")
        defer { directory.remove() }
        #expect(!load.diagnostics.hasErrors, "\(load.diagnostics)")
        let questions = ImportFixtures.steps(load).compactMap { $0 as? SingleChoiceQuestion }
        #expect(questions.count == 4)
        #expect(questions[0].prompt == "What does MLOps add to ML development?")
        #expect(questions[0].choices.map(\.text) == ["Data labeling only", "Deployment, monitoring and retraining practices", "Faster GPUs"])
        #expect(questions[0].choices.map(\.isCorrect) == [false, true, false])
        // "None of the above" keeps the order.
        #expect(questions[1].shuffle == false)
        // Question text may run over several lines.
        #expect(questions[2].prompt == "A model's accuracy drops after launch because users behave differently.\nWhat is this called?")
        let reports = result.diagnostics.map { "\($0.line ?? 0) \($0.severity) \($0.message)" }
        #expect(reports.contains { $0.hasPrefix("23 warning Moodle reads only 'ANSWER:'") })
        #expect(reports.contains { $0.hasPrefix("25 error the question has no 'ANSWER:' line") })
        #expect(reports.contains { $0.hasPrefix("32 error ANSWER: E is not one of the choices A, B") })
        #expect(result.skippedQuestions == 2)
    }

    @Test(arguments: [
        ("A) one\nB) two\nANSWER: A", "a question needs"),
        ("Question?\nA) only one\nANSWER: A", "at least two choices"),
        ("ANSWER: A", "without a question"),
        ("Question?\nA) one\nB) two", "ends without an 'ANSWER:' line"),
    ])
    func malformedQuestionsAreReported(_ text: String, _ fragment: String) {
        let result = AikenImporter().import(text: text, fileName: "q.aiken", packID: "q")
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains(fragment) }, "\(result.diagnostics)")
    }
}
