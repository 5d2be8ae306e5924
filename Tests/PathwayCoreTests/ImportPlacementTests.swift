import Foundation
import Testing
@testable import PathwayCore

/// Module and lesson ids of an import come from the bank's categories or from what the author
/// names, never from the file name, so renaming the file keeps learners' progress.
@Suite struct ImportPlacementTests {
    static let bank = """
        Which metric counts false positives among predicted positives? {=precision ~recall ~accuracy}

        Models drift after launch. {T}
        """

    /// Module, lesson and step ids of a loaded import, in order.
    func ids(_ result: ImportResult) throws -> [String] {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try result.write(to: dir.url.appending(path: "p"))
        let pack = try #require(PackLoader().load(dir.url.appending(path: "p"), displayPath: "p").pack)
        return pack.modules.map(\.id) + pack.lessons.map(\.lesson.id) + pack.lessons.flatMap(\.lesson.questions).map(\.basics.id)
    }

    @Test func renamingAnUncategorisedBankKeepsEveryID() throws {
        let first = GIFTImporter().import(text: Self.bank, fileName: "quiz.gift", packID: "quiz")
        let renamed = GIFTImporter().import(text: Self.bank, fileName: "Quiz (final) v2.gift", packID: "quiz")
        #expect(try ids(renamed) == ids(first))
        let aiken = "Which is a metric?\nA) Recall\nB) Lunch\nANSWER: A\n"
        let a = AikenImporter().import(text: aiken, fileName: "a.aiken", packID: "q")
        let b = AikenImporter().import(text: aiken, fileName: "b.aiken", packID: "q")
        #expect(try ids(a) == ids(b))
    }

    @Test func withoutACategoryTheModuleAndLessonAreNamedAfterThePack() throws {
        let result = GIFTImporter().import(text: Self.bank, fileName: "quiz.gift", packID: "quiz")
        #expect(try ids(result).prefix(2) == ["quiz", "quiz-questions"])
        #expect(result.notes.contains { $0.contains("module 'quiz' and lesson 'quiz-questions' are named after the pack id") }, "\(result.notes)")
        let top = GIFTImporter().import(text: "$CATEGORY: $course$/top\n\n" + Self.bank, fileName: "other.gift", packID: "quiz")
        #expect(try ids(top).prefix(2) == ["quiz", "quiz-questions"])
    }

    @Test func categoriesStillNameModulesAndLessons() throws {
        let result = GIFTImporter().import(text: "$CATEGORY: $course$/top/Metrics/Basics\n\n" + Self.bank, fileName: "quiz.gift", packID: "quiz")
        #expect(try ids(result).prefix(2) == ["quiz-metrics", "quiz-metrics-basics"])
        #expect(result.notes.isEmpty, "\(result.notes)")
    }

    @Test func explicitModuleAndLessonWinOverCategoryAndPack() throws {
        let target = ImportTarget(packID: "quiz", module: ImportGroup(id: "basics", title: "Basics"),
                                  lesson: ImportGroup(id: "basics-first", title: "First questions"))
        for text in [Self.bank, "$CATEGORY: Metrics/Intro\n\n" + Self.bank] {
            let result = GIFTImporter().import(text: text, fileName: "quiz.gift", target: target)
            #expect(try ids(result).prefix(2) == ["basics", "basics-first"])
            #expect(result.files.contains { $0.path == "modules/basics.yaml" && $0.text.contains("title: \"Basics\"") })
            #expect(result.files.contains { $0.path == "lessons/basics-first.yaml" && $0.text.contains("title: \"First questions\"") })
            #expect(result.notes.isEmpty)
        }
        let moduleOnly = GIFTImporter().import(text: "$CATEGORY: Metrics/Intro\n\n" + Self.bank, fileName: "quiz.gift",
                                               target: ImportTarget(packID: "quiz", module: ImportGroup(id: "m1")))
        #expect(try ids(moduleOnly).prefix(2) == ["m1", "m1-intro"])
        #expect(moduleOnly.files.contains { $0.path == "modules/m1.yaml" && $0.text.contains("title: \"Metrics\"") })
        let aiken = AikenImporter().import(text: "Which is a metric?\nA) Recall\nB) Lunch\nANSWER: A\n", fileName: "a.aiken",
                                           target: ImportTarget(packID: "q", module: ImportGroup(id: "m"), lesson: ImportGroup(id: "l")))
        #expect(try ids(aiken).prefix(2) == ["m", "l"])
    }

    @Test func aNamedLessonSplitIntoPartsKeepsItsName() throws {
        let gift = (1...60).map { "::Question \($0)::Is \($0) even?{\($0 % 2 == 0 ? "T" : "F")}" }.joined(separator: "\n\n")
        let result = GIFTImporter().import(text: gift, fileName: "p.gift", target: ImportTarget(packID: "p", lesson: ImportGroup(id: "parity")))
        #expect(try ids(result).prefix(3) == ["p", "parity", "parity-part-2"])
    }

    @Test func oneModuleIDForCategoriesOfSeveralModulesIsRefused() {
        let text = "$CATEGORY: Metrics/Intro\n\n" + Self.bank + "\n\n$CATEGORY: Ethics/Intro\n\nBias is measurable. {T}\n"
        let result = GIFTImporter().import(text: text, fileName: "quiz.gift", target: ImportTarget(packID: "quiz", module: ImportGroup(id: "one")))
        #expect(result.files.isEmpty)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.message.contains("one module was named (--module one), but the categories give 2: 'Metrics', 'Ethics'") == true, "\(errors)")
        let lessons = GIFTImporter().import(text: "$CATEGORY: Metrics/Intro\n\n" + Self.bank + "\n\n$CATEGORY: Metrics/More\n\nBias is measurable. {T}\n",
                                            fileName: "quiz.gift", target: ImportTarget(packID: "quiz", lesson: ImportGroup(id: "l")))
        #expect(lessons.files.isEmpty)
        #expect(lessons.diagnostics.contains { $0.message.contains("one lesson was named (--lesson l), but the categories give 2: 'Intro', 'More'") }, "\(lessons.diagnostics)")
    }
}
