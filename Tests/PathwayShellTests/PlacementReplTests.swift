import Foundation
import Testing
@testable import PathwayCore
@testable import PathwayShell

/// What the learner is told in the placement quiz: when two more questions follow, and when a
/// pack has too few questions to decide a module.
@Suite struct PlacementReplTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "PathwayCoreTests/Fixtures")

    /// The judgment pack (three placement items) and a one-module pack with five apply-level
    /// items, on one path.
    static func library() throws -> (PackLibrary, URL) {
        let dir = FileManager.default.temporaryDirectory.appending(path: "pathway-placement-\(UUID().uuidString)")
        let packs = dir.appending(path: "packs")
        try FileManager.default.createDirectory(at: packs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appending(path: "judgment"), to: packs.appending(path: "judgment"))
        func write(_ text: String, _ path: String) throws {
            let file = packs.appending(path: path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let choices = (1...4).map { n in """
              - type: single_choice
                id: c\(n)
                level: apply
                prompt: "A churn case, question \(n): which metric do you watch first?"
                choices:
                  - text: Net revenue retention for cohort \(n)
                    correct: true
                  - text: Page views for cohort \(n)
                  - text: Total sign-ups for cohort \(n)
                  - text: Server uptime for cohort \(n)
            """ }.joined(separator: "\n")
        try write("""
            format: 1
            id: rule
            title: Rule pack
            version: 1.0.0
            authors: [Tester]
            description: One module with five apply-level items.
            license: CC0-1.0
            modules: [modules/m.yaml]
            """, "rule/pack.yaml")
        try write("id: m\ntitle: Metrics\nlessons: [lessons/l.yaml]\n", "rule/modules/m.yaml")
        try write("""
            id: l
            title: Metrics in a case
            steps:
              - type: numeric
                id: n1
                level: apply
                prompt: "Of 400 customers, 30 left this month. What is the monthly churn, in percent?"
                answer: 7.5
                tolerance: 0.05
            \(choices)
            """, "rule/lessons/l.yaml")
        try write("""
            format: 1
            id: rule-path
            title: Rule path
            tracks:
              - id: metrics
                title: Metrics
                pack: rule
              - id: cases
                title: Cases
                pack: judgment
            """, "rule/paths/rule-path.yaml")
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
