import Foundation
import Testing
@testable import PathwayCore
@testable import PathwayShell
import PathwayTestSupport

/// What the learner is told in the placement quiz: when two more questions follow, and when a
/// pack has too few questions to decide a module.
@Suite struct PlacementReplTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "PathwayCoreTests/Fixtures")

    /// The judgment pack (three placement items) and the rule pack (six apply-level items, see
    /// ``PlacementRulePack``), on one path.
    static func library() throws -> (PackLibrary, URL) {
        let dir = FileManager.default.temporaryDirectory.appending(path: "pathway-placement-\(UUID().uuidString)")
        let packs = dir.appending(path: "packs")
        try FileManager.default.createDirectory(at: packs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appending(path: "judgment"), to: packs.appending(path: "judgment"))
        try PlacementRulePack.write(into: packs, extraTracks: [(id: "cases", title: "Cases", pack: "judgment")])
        return (PackLibrary.load([PackSource(folder: packs, origin: .option)]), dir)
    }

    func run(_ lines: [String]) throws -> String {
        let (library, dir) = try Self.library()
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = Tutor.Options()
        options.shuffleChoices = false
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "t", now: Date()), store: MemoryProgressStore(),
                          random: SeededRandom(seed: 5), options: options)
        #expect(tutor.choosePath("rule-path"))
        let output = BufferOutput()
        Repl(tutor: tutor, reader: ScriptedLineReader(lines: lines, interactive: false), output: output, width: 100).run()
        return output.plainText
    }

    @Test func twoOfThreeRightSaysTwoMoreQuestionsDecide() throws {
        let text = try run(["placement metrics", "7.5", "b", "a", "a", "a", "quit"])
        #expect(text.contains("Two of three right on Metrics: 2 more questions decide it (both right tests it out)."))
        #expect(text.contains("Placement 4 of 5"))
        #expect(text.contains("tested out  Metrics"))
    }

    @Test func tooFewQuestionsToDecideIsSaid() throws {
        let text = try run(["placement cases", "7.5", "skip", "a", "quit"])
        #expect(text.contains("to study (undecided)  Cases"))
        #expect(text.contains("Two of three were right on Cases, but the pack has too few further questions to decide"))
        #expect(!text.contains("tested out  Cases"))
    }
}
