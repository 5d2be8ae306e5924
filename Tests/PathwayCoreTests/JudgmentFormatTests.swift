import Foundation
import Testing
@testable import PathwayCore

/// The pack-format additions for teaching judgment: references and citations, cognitive
/// levels, scenarios, rubrics and placement lists.
@Suite struct JudgmentFormatTests {
    static let folder = Fixtures.root.appending(path: "judgment")

    func load() throws -> Pack {
        let result = PackLoader().load(Self.folder, displayPath: "judgment")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        return try #require(result.pack)
    }

    @Test func referencesAreReadAndCitedShortly() throws {
        let pack = try load()
        let refs = pack.manifest.referencesByKey
        #expect(refs["zinkevich-2016"]?.shortCitation == "Zinkevich 2016")
        #expect(refs["nist-ai-rmf-2023"]?.shortCitation == "NIST 2023")
        // A work with neither authors nor year is cited by its title, and its note says why.
        #expect(refs["seed-ai-pm"]?.shortCitation == "\u{201C}AI Product Management\u{201D}")
        #expect(refs["seed-ai-pm"]?.fullCitation == "AI Product Management (n.d.). Industry article; author, date and address are not given.")
        #expect(refs["zinkevich-2016"]?.fullCitation == "Martin Zinkevich (2016). Rules of Machine Learning: Best Practices for ML Engineering. Google.")
        let text = try #require(pack.lesson(id: "refunds")?.lesson.steps.first as? TextStep)
        let plain = Citations.plain(text.text, references: refs)
        #expect(plain.contains("first (Zinkevich 2016), and"))
        #expect(plain.contains("cycle (NIST 2023; \u{201C}AI Product Management\u{201D})."))
        #expect(!plain.contains("[@"))
    }

    @Test func citationsNeedTheKeyShapeAndAnAtSign() {
        #expect(Citations.keys(in: "see [@a-1] and [@b; @c-2]") == ["a-1", "b", "c-2"])
        #expect(Citations.keys(in: "a link [text](url), [@Upper], [@x; y] and [@]").isEmpty)
        #expect(Citations.plain("x [@nope] y", references: [:]) == "x (nope) y")
    }

    @Test func aBracketBeforeTheCloseEndsATryAndTheNextCitationIsFound() {
        #expect(Citations.keys(in: "[@[@a] and [@b [@c]") == ["a", "c"])
        #expect(PackMarkdown.inlines("[@[@a]") == [.text("[@"), .citation(["a"])])
    }

    /// Many openings and one close at the end took 18.7 s for 16,000 characters when each
    /// opening searched to the end; the lines below are 200,000 characters each.
    @Test func manyOpeningsCostOnePass() {
        let hostile: [(text: String, keys: [String])] = [
            (String(repeating: "[@", count: 100_000) + "]", []),
            (String(repeating: "[@x", count: 66_000) + "]", ["x"]),
            (String(repeating: "[@", count: 100_000), []),
        ]
        let clock = ContinuousClock()
        for (text, expected) in hostile {
            var keys: [String] = ["unset"]
            var inline: [PackMarkdown.Inline] = []
            let elapsed = clock.measure {
                keys = Citations.keys(in: text)
                inline = PackMarkdown.inlines(text)
            }
            #expect(keys == expected)
            #expect(inline.compactMap { if case let .citation(keys) = $0 { keys } else { nil } }.flatMap { $0 } == expected)
            #expect(elapsed < .seconds(5), "\(elapsed)")
        }
    }

    @Test func levelsAreReadOnQuestionsAndScenarios() throws {
        let pack = try load()
        let counts = pack.levelCounts
        #expect(counts[.evaluate] == 2)
        #expect(counts[.apply] == 2)
        #expect(counts[.recall] == 1)
        #expect(counts[nil] == nil)
    }

    @Test func aScenarioScoresTheMeanOfItsDecisions() throws {
        let pack = try load()
        let scenario = try #require(pack.lesson(id: "refunds")?.lesson.steps.compactMap { $0 as? ScenarioStep }.first)
        #expect(scenario.node(id: "n3")?.options.first?.loop == true)
        #expect(ScenarioStep.score(ofDecisions: [1, 0.3]) == 0.65)
        #expect(ScenarioStep.score(ofDecisions: []) == 0)
    }

    @Test func aLoopMarkedAsIntendedIsNotACycle() throws {
        let pack = try load()
        var scenario = try #require(pack.lesson(id: "refunds")?.lesson.steps.compactMap { $0 as? ScenarioStep }.first)
        #expect(scenario.problems().isEmpty)
        scenario.nodes[2].options[0].loop = false
        #expect(scenario.problems().map(\.message) == ["the path n1 → n3 → n1 is a cycle; mark the option that goes back with 'loop: true' if it is intended"])
    }

    @Test func aRubricAndModelAnswerAreRead() throws {
        let pack = try load()
        let reflection = try #require(pack.lesson(id: "refunds")?.lesson.steps.compactMap { $0 as? ReflectionStep }.first)
        #expect(reflection.rubric.map(\.criterion) == ["Problem and user", "Next steps"])
        #expect(reflection.rubric[0].levels.count == 3)
        #expect(reflection.modelAnswer?.hasPrefix("Customers of the refund desk") == true)
        #expect(reflection.checklist.isEmpty)
    }

    @Test func theCachedCopyKeepsEveryAddition() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let cache = PackCache(directory: dir.url)
        let fresh = try #require(PackLoader(cache: cache).load(Self.folder).pack)
        let cached = try #require(cache.read(Self.folder))
        #expect(cached.manifest.references == fresh.manifest.references)
        #expect(cached.manifest.lint == fresh.manifest.lint)
        #expect(cached.manifest.policy == fresh.manifest.policy)
        #expect(cached.modules[0].placement == ["refund-rate", "refund-order", "refund-choice"])
        #expect(cached.levelCounts == fresh.levelCounts)
        let scenario = { (p: Pack) in p.modules[0].lessons[0].steps.compactMap { $0 as? ScenarioStep }.first }
        #expect(scenario(cached)?.nodes == scenario(fresh)?.nodes)
        let reflection = { (p: Pack) in p.modules[0].lessons[0].steps.compactMap { $0 as? ReflectionStep }.first }
        #expect(reflection(cached)?.rubric == reflection(fresh)?.rubric)
        #expect(reflection(cached)?.modelAnswer == reflection(fresh)?.modelAnswer)
    }

    @Test func freeTextSourcesStillLoadWithAWarning() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.copyItem(at: Fixtures.samplePack, to: dir.url.appending(path: "p"))
        let lesson = dir.url.appending(path: "p/lessons/intro.yaml")
        let text = try String(contentsOf: lesson, encoding: .utf8)
        try text.replacingOccurrences(of: "sources: [test-source]", with: "sources: [\"A Book, by Someone (2001)\"]")
            .write(to: lesson, atomically: true, encoding: .utf8)
        let result = PackLoader().load(dir.url.appending(path: "p"), displayPath: "p")
        #expect(result.pack != nil)
        let warning = try #require(result.diagnostics.first { $0.message.contains("free-text source") })
        #expect(warning.severity == .warning)
        #expect(warning.file == "p/lessons/intro.yaml")
        #expect(warning.line == 4)
        #expect(result.diagnostics.count == 1)
    }

    @Test func aPlacementListNeedsAQuestionThatIsNotAChoice() throws {
        let pack = try load()
        let questions = pack.modules[0].questions
        let choices = questions.filter(Placement.isChoice) + questions.filter(Placement.isChoice)
        #expect(Placement.shortfall(of: choices)?.contains("only choice questions") == true)
        #expect(Placement.shortfall(of: Array(questions.prefix(2)))?.contains("at least 3 are needed") == true)
        #expect(Placement.shortfall(of: Placement.defaultItems(of: pack.modules[0])) == nil)
        #expect(!Placement.defaultItems(of: pack.modules[0]).contains { $0 is TrueFalseQuestion })
    }
}
