import Foundation
import Testing
@testable import PathwayCore

/// The "Building with LLMs and Agents" pack: judgement-first items, branching cases with real
/// decisions, a portfolio piece with a rubric, and a place on the path after ML basics.
@Suite struct LLMProductsPackTests {
    static let library = ShippedCurriculaTests.library
    static let packID = "llm-products"

    static func pack() throws -> Pack {
        try #require(library.pack(id: packID), "pack \(packID) did not load")
    }

    @Test func everyLessonHasTenGradedItemsWithLevelsAndMostAskForJudgement() throws {
        let pack = try Self.pack()
        #expect(pack.lessons.count >= 10)
        for (_, lesson) in pack.lessons {
            let questions = lesson.steps.compactMap { $0 as? any Question }
            #expect(questions.count >= 10, "\(lesson.id) has \(questions.count) questions")
        }
        let items = pack.lessons.flatMap { $0.lesson.gradedItems }
        let unlabelled = items.filter { $0.level == nil }.map(\.id)
        #expect(unlabelled.isEmpty, "items without a level: \(unlabelled)")
        let share = PackStatistics(pack).applyOrAboveShare
        #expect(share >= 0.6, "only \(share) of graded items are at apply or above")
    }

    @Test func optionLengthsAndTrueFalseKeysGiveNothingAway() throws {
        let steps = try Self.pack().lessons.flatMap { $0.lesson.steps }
        let single = steps.compactMap { $0 as? SingleChoiceQuestion }
        let keyLongest = single.filter { question in
            let longest = question.choices.map(\.text.count).max() ?? 0
            return question.choices.contains { $0.isCorrect && $0.text.count == longest }
        }
        let keyShortest = single.filter { question in
            let shortest = question.choices.map(\.text.count).min() ?? 0
            return question.choices.contains { $0.isCorrect && $0.text.count == shortest }
        }
        #expect(single.count >= 30)
        #expect(keyLongest.count * 100 <= single.count * 35, "key longest in \(keyLongest.map(\.questionID))")
        #expect(keyShortest.count * 100 <= single.count * 35, "key shortest in \(keyShortest.map(\.questionID))")
        let trueFalse = steps.compactMap { $0 as? TrueFalseQuestion }
        let keyedTrue = trueFalse.filter(\.answer).count
        #expect(trueFalse.count >= 10)
        #expect(keyedTrue * 10 >= trueFalse.count * 4 && keyedTrue * 10 <= trueFalse.count * 6,
                "\(keyedTrue) of \(trueFalse.count) true/false items are keyed true")
    }

    /// The fewest decisions a learner can make from `node` to an ending.
    static func fewestDecisions(from node: String, in scenario: ScenarioStep) -> Int {
        guard let current = scenario.node(id: node) else { return 0 }
        let after = current.options.map { option in
            option.next.map { fewestDecisions(from: $0, in: scenario) } ?? 0
        }
        return 1 + (after.min() ?? 0)
    }

    @Test func theCasesAreRealDecisionsWithACitedDebrief() throws {
        let pack = try Self.pack()
        let scenarios = pack.lessons.flatMap { $0.lesson.steps.compactMap { $0 as? ScenarioStep } }
        #expect(scenarios.count >= 3)
        for scenario in scenarios {
            #expect(scenario.level.map { $0 >= .apply } == true, "\(scenario.scenarioID) has no judgement level")
            let fewest = Self.fewestDecisions(from: scenario.start, in: scenario)
            #expect(fewest >= 3, "\(scenario.scenarioID) can end after \(fewest) decisions")
            for node in scenario.nodes {
                #expect(node.options.count >= 2, "\(scenario.scenarioID)/\(node.id) offers no real choice")
                #expect(node.options.contains { $0.score < 0.5 }, "\(scenario.scenarioID)/\(node.id) has no poor option")
            }
            #expect(scenario.debrief?.contains("[@") == true, "\(scenario.scenarioID): the debrief cites nothing")
        }
    }

    @Test func thePortfolioPieceHasARubricAndAModelAnswer() throws {
        let reflections = try Self.pack().lessons.flatMap { $0.lesson.steps.compactMap { $0 as? ReflectionStep } }
        let brief = try #require(reflections.first { $0.artifact == "LLM feature build brief" })
        #expect(brief.rubric.count >= 4)
        #expect(brief.rubric.allSatisfy { (2...4).contains($0.levels.count) })
        let words = ReflectionStep.wordCount(brief.modelAnswer ?? "")
        #expect(words >= brief.minimumWords ?? 1, "the model answer has \(words) words")
    }

    @Test func theTrackFollowsMLBasicsOnThePath() throws {
        let path = try #require(Self.library.paths.first { $0.id == "ai-product-manager" })
        let track = try #require(path.tracks.first { $0.pack == Self.packID })
        let mlBasics = try #require(path.tracks.first { $0.pack == "ml-basics-for-pms" })
        #expect(track.requires.contains(mlBasics.id))
    }
}
