import Foundation
import Testing
@testable import PathwayCore

/// Re-importing an edited bank keeps the ids learners' progress is keyed on.
@Suite struct ImportUpdateTests {
    static let v1 = """
        Which metric counts false positives among predicted positives? {=precision ~recall ~accuracy}

        Models drift after launch. {T}

        Name the two parts of F1. {=precision and recall}
        """

    /// One added space and a reworded prompt (hashed ids change), one question dropped, one added.
    static let v2 = """
        Which metric counts  false positives among the predicted positives? {=precision ~recall ~accuracy}

        Name both parts of F1. {=precision and recall}

        What does a holdout group measure? {=the effect of the feature}
        """

    @Test func editedQuestionsKeepTheirIdsAndRemovedOnesAreNamed() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let first = AikenOrGift.gift(Self.v1)
        try first.write(to: dir.url.appending(path: "quiz"))
        let previous = try #require(PackLoader().load(dir.url.appending(path: "quiz")).pack)
        let oldIDs = previous.lessons.flatMap(\.lesson.questions).map(\.basics.id)
        let second = AikenOrGift.gift(Self.v2, fileName: "renamed.gift")
        let plainIDs = second.files.flatMap { $0.text.split(separator: "\n").filter { $0.contains("id: \"quiz-q") } }
        #expect(!plainIDs.contains { line in oldIDs.contains { line.contains($0) } }, "the edits change the hashed ids")
        let (updated, summary) = try ImportUpdate.keepIDs(second, previous: previous, scratch: dir.url.appending(path: "scratch"))
        #expect(summary.unchanged == 0)
        #expect(summary.matched.map(\.kept) == [oldIDs[0], oldIDs[2]])
        #expect(summary.added.count == 1)
        #expect(summary.retired == [oldIDs[1]])
        try FileManager.default.removeItem(at: dir.url.appending(path: "quiz"))
        try updated.write(to: dir.url.appending(path: "quiz"))
        let reloaded = try #require(PackLoader().load(dir.url.appending(path: "quiz")).pack)
        let newIDs = reloaded.lessons.flatMap(\.lesson.questions).map(\.basics.id)
        #expect(newIDs[0] == oldIDs[0] && newIDs[1] == oldIDs[2])
        #expect(reloaded.modules.map(\.id) == previous.modules.map(\.id), "module ids do not follow the file name")
        #expect(reloaded.lessons.map(\.lesson.id) == previous.lessons.map(\.lesson.id))
    }

    /// A module or lesson the author names on re-import keeps that name; the others keep the
    /// earlier import's ids by position.
    @Test func aNamedModuleIsNotRenamedBackByPosition() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try AikenOrGift.gift(Self.v1).write(to: dir.url.appending(path: "quiz"))
        let previous = try #require(PackLoader().load(dir.url.appending(path: "quiz")).pack)
        #expect(previous.modules.map(\.id) == ["quiz"])
        let named = GIFTImporter().import(text: Self.v1, fileName: "quiz.gift",
                                          target: ImportTarget(packID: "quiz", module: ImportGroup(id: "quiz-basics")))
        let (updated, _) = try ImportUpdate.keepIDs(named, previous: previous, scratch: dir.url.appending(path: "scratch"), named: ["quiz-basics"])
        try updated.write(to: dir.url.appending(path: "again"))
        let reloaded = try #require(PackLoader().load(dir.url.appending(path: "again")).pack)
        #expect(reloaded.modules.map(\.id) == ["quiz-basics"])
        #expect(reloaded.lessons.map(\.lesson.id) == previous.lessons.map(\.lesson.id))
    }
}

enum AikenOrGift {
    static func gift(_ text: String, fileName: String = "quiz.gift") -> ImportResult {
        GIFTImporter().import(text: text, fileName: fileName, packID: "quiz")
    }
}
