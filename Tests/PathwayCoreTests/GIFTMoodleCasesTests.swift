import Foundation
import Testing
@testable import PathwayCore

/// GIFT that Moodle accepts and documents, imported as Moodle reads it.
@Suite struct GIFTMoodleCasesTests {
    /// Moodle's GIFT documentation shows `~ \{ ~ \}` as choices: an escaped brace on its own is
    /// an answer, and so is every other escaped character.
    @Test func escapedCharactersOnTheirOwnAreChoices() throws {
        let (step, _) = try ImportFixtures.single("::Brace::Which character opens a GIFT answer block?{=\\{ ~\\} ~\\~ ~\\= ~\\# ~\\: ~\\\\}")
        let q = try #require(step as? SingleChoiceQuestion)
        #expect(q.choices.map(\.text) == ["{", "}", "~", "=", "#", ":", "\\"])
        #expect(q.choices.map(\.isCorrect) == [true, false, false, false, false, false, false])
    }

    @Test func theDocumentedBraceExampleImports() throws {
        let (step, _) = try ImportFixtures.single("Which is a closing brace?{~ \\{ = \\}}")
        let q = try #require(step as? SingleChoiceQuestion)
        #expect(q.choices.map(\.text) == ["{", "}"])
        #expect(q.choices.map(\.isCorrect) == [false, true])
    }

    /// Moodle reads `=` among `~` as a one-answer question; every `=` answer earns full marks,
    /// so picking any of them is right.
    @Test func severalEqualsAmongChoicesAcceptEachOfThem() throws {
        let (step, result) = try ImportFixtures.single("::Clouds::Which of these is a cloud provider?{=AWS =Azure#Microsoft's. ~Excel#A spreadsheet.}")
        let q = try #require(step as? SingleChoiceQuestion)
        #expect(q.anyCorrect)
        #expect(q.choices.map(\.isCorrect) == [true, true, false])
        var random = SeededRandom(seed: 1)
        let shown = q.present(shuffling: false, using: &random)
        for (input, right) in [("a", true), ("b", true), ("c", false)] {
            guard case let .graded(grade) = q.evaluate(input, in: shown) else { Issue.record("\(input) not graded"); continue }
            #expect(grade.isCorrect == right, "\(input)")
        }
        #expect(q.correctAnswer(in: shown) == "a) AWS or b) Azure")
        #expect(q.explanation == "Azure: Microsoft's.")
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
    }

    @Test func oneEqualsAmongChoicesStaysAnOrdinarySingleChoice() throws {
        let (step, _) = try ImportFixtures.single("::One::Which is a metric?{=recall ~lunch}")
        #expect((step as? SingleChoiceQuestion)?.anyCorrect == false)
    }

    /// A bank exported from Moodle with an empty category holds only `$CATEGORY`: the message
    /// names the category rather than doubting the format.
    @Test func aFileWithOnlyACategorySaysNoQuestionsFollowIt() {
        let result = GIFTImporter().import(text: "// question: 0  name: Switch category\n$CATEGORY: $course$/top/Metrics\n",
                                           fileName: "c.gift", packID: "c")
        #expect(result.files.isEmpty)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.message.contains("no questions found after the category '$course$/top/Metrics'") == true, "\(errors)")
        #expect(errors.first?.line == 2)
        #expect(!result.diagnostics.contains { $0.message.contains("is it Moodle GIFT") })
    }

    @Test func severalEmptyCategoriesAreCounted() {
        let result = GIFTImporter().import(text: "$CATEGORY: A\n\n$CATEGORY: B\n", fileName: "c.gift", packID: "c")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.message.contains("no questions found after the category 'A' (line 1) or the 1 other") == true, "\(errors)")
    }

    @Test func aFileWithNeitherCategoryNorQuestionStillAsksAboutTheFormat() {
        let result = GIFTImporter().import(text: "// nothing here\n", fileName: "x.gift", packID: "x")
        #expect(result.diagnostics.contains { $0.message.contains("is it Moodle GIFT?") })
    }

    /// The round trip keeps lone escaped characters and several right answers.
    @Test func exportAndImportAgainKeepThem() throws {
        let bank = """
            ::Brace::Which character opens a GIFT answer block?{=\\{ ~\\} ~\\# ~\\\\}

            ::Clouds::Which of these is a cloud provider?{=AWS =Azure ~Excel}
            """
        let first = GIFTImporter().import(text: bank, fileName: "bank.gift", packID: "bank")
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try first.write(to: dir.url.appending(path: "bank"))
        let pack = try #require(PackLoader().load(dir.url.appending(path: "bank"), displayPath: "bank").pack)
        let export = GIFTExporter().export(pack)
        #expect(export.questions == 2)
        #expect(export.text.contains("=AWS =Azure ~Excel"), "\(export.text)")
        let second = GIFTImporter().import(text: export.text, fileName: "bank.gift", packID: "bank")
        let lessons = { (result: ImportResult) in result.files.filter { $0.path.hasPrefix("lessons/") }.map(\.text) }
        #expect(lessons(second) == lessons(first))
    }
}
