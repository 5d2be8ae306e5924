import Foundation
import Testing
@testable import PathwayCore

/// Imported ids are stable, valid and unique, so re-importing a bank keeps learners' progress.
@Suite struct ImportIDTests {
    @Test func importingTwiceGivesTheSameFiles() throws {
        let text = try ImportFixtures.text("every-construct.gift")
        let first = GIFTImporter().import(text: text, fileName: "a.gift", packID: "a")
        let second = GIFTImporter().import(text: text, fileName: "a.gift", packID: "a")
        #expect(first.files == second.files)
    }

    @Test func untitledQuestionsAreNamedByAHashOfTheirText() throws {
        let question = "What does RAG stand for?{=retrieval-augmented generation}"
        let alone = GIFTImporter().import(text: question, fileName: "x.gift", packID: "x")
        let withOthers = GIFTImporter().import(text: "::Other::Something else?{T}\n\n" + question, fileName: "x.gift", packID: "x")
        let id = "x-q" + ImportIDs.hash("What does RAG stand for?")
        #expect(alone.files.contains { $0.text.contains("id: \"\(id)\"") })
        #expect(withOthers.files.contains { $0.text.contains("id: \"\(id)\"") })
        #expect(ImportIDs.hash("What does RAG stand for?") == ImportIDs.hash("What does RAG stand for?"))
        #expect(ImportIDs.hash("a").count == 8)
    }

    @Test func repeatedTitlesGetSuffixes() throws {
        let (_, load, directory) = try ImportFixtures.importAndLoad("::Q::One?{T}\n\n::Q::Two?{F}\n\n::q::Three?{T}")
        defer { directory.remove() }
        #expect(ImportFixtures.steps(load).compactMap(\.id) == ["bank-q", "bank-q-2", "bank-q-3"])
    }

    @Test(arguments: [
        ("Café au lait: été", "cafe-au-lait-ete"),
        ("  Precision / Recall (2024)!  ", "precision-recall-2024"),
        ("Ünïcödé", "unicode"),
    ])
    func slugs(_ title: String, _ slug: String) {
        #expect(ImportIDs.slug(title, maximumLength: 64) == slug)
    }

    @Test func idsStayValidForLongTitlesAndOtherScripts() throws {
        let long = String(repeating: "very long title ", count: 10)
        let gift = "::\(long)::A?{T}\n\n::\(long)::B?{T}\n\n::機械学習::C?{T}"
        let packID = String(repeating: "p", count: 60)
        let (_, load, directory) = try ImportFixtures.importAndLoad(gift, packID: packID)
        defer { directory.remove() }
        #expect(!load.diagnostics.hasErrors, "\(load.diagnostics)")
        let ids = ImportFixtures.steps(load).compactMap(\.id)
        #expect(ids.count == 3)
        #expect(ids.allSatisfy { Identifier.isValid($0) })
        #expect(Set(ids).count == 3)
        #expect(ids[2].hasSuffix("-q" + ImportIDs.hash("C?")))
    }

    @Test(arguments: [("ML Basics (v2).gift", "ml-basics-v2"), ("quiz.txt", "quiz"), ("日本.gift", "imported")])
    func packIDsFromFileNames(_ file: String, _ id: String) {
        #expect(ImporterRegistry.packID(forFile: file) == id)
    }

    @Test func bigCategoriesAreSplitIntoLessonsOfFifty() throws {
        let gift = (1...120).map { "::Question \($0)::Is \($0) even?{\($0 % 2 == 0 ? "T" : "F")}" }.joined(separator: "\n\n")
        let (_, load, directory) = try ImportFixtures.importAndLoad("$CATEGORY: Parity\n\n" + gift)
        defer { directory.remove() }
        let lessons = try #require(load.pack?.modules.first?.lessons)
        #expect(lessons.map(\.title) == ["Parity", "Parity (part 2)", "Parity (part 3)"])
        #expect(lessons.map(\.steps.count) == [50, 50, 20])
        #expect(lessons.map(\.id) == ["bank-parity-questions", "bank-parity-questions-part-2", "bank-parity-questions-part-3"])
    }

    @Test func theRegistryFindsImportersByFormatAndExtension() {
        #expect(ImporterRegistry.standard.importer(format: "GIFT")?.formatID == "gift")
        #expect(ImporterRegistry.standard.importer(forFile: "bank.aiken")?.formatID == "aiken")
        #expect(ImporterRegistry.standard.importer(forFile: "bank.txt") == nil)
    }
}
