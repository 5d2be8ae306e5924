import Foundation
import Testing
@testable import PathwayCore

/// The shipped path teaches through real cases and ends in a capstone: every track has branching
/// cases deep enough to need judgement at each turn, each debrief cites its sources, and the
/// portfolio ends in one proposal with a rubric and a model answer.
@Suite struct ShippedCurriculaCasesTests {
    static let library = ShippedCurriculaTests.library

    static func scenarios(_ packID: String) throws -> [ScenarioStep] {
        let pack = try #require(library.pack(id: packID), "pack \(packID) did not load")
        return pack.lessons.flatMap { $0.lesson.steps.compactMap { $0 as? ScenarioStep } }
    }

    /// The fewest decisions on any path from the start to an ending (loop edges are not followed).
    static func shortestPath(_ scenario: ScenarioStep) -> Int {
        let index = Dictionary(uniqueKeysWithValues: scenario.nodes.enumerated().map { ($1.id, $0) })
        var memo: [Int: Int] = [:]
        func depth(_ node: Int) -> Int {
            if let known = memo[node] { return known }
            let lengths = scenario.nodes[node].options.filter { !$0.loop }.map { option in
                option.next.flatMap { index[$0] }.map { 1 + depth($0) } ?? 1
            }
            let result = lengths.min() ?? 1
            memo[node] = result
            return result
        }
        return index[scenario.start].map(depth) ?? 0
    }

    @Test(arguments: ShippedCurriculaTests.pathPacks)
    func everyTrackHasTwoBranchingCasesWithThreeDecisionsOnEveryPath(packID: String) throws {
        let scenarios = try Self.scenarios(packID)
        #expect(scenarios.count >= 2, "\(packID) has \(scenarios.count) scenarios")
        for scenario in scenarios {
            #expect(Self.shortestPath(scenario) >= 3, "\(scenario.scenarioID): a path with fewer than three decisions")
            let branches = scenario.nodes.contains { node in Set(node.options.compactMap(\.next)).count >= 2 }
            #expect(branches, "\(scenario.scenarioID) never branches")
            #expect(scenario.debrief?.contains("[@") == true, "\(scenario.scenarioID): the debrief cites no reference")
            #expect(scenario.level.map { $0 >= .analyze } == true, "\(scenario.scenarioID) is not labelled analyze or evaluate")
        }
    }

    @Test func thePathHasAtLeastTenCasesAllDifferent() throws {
        let all = try ShippedCurriculaTests.pathPacks.flatMap(Self.scenarios)
        #expect(all.count >= 10)
        #expect(Set(all.map(\.scenarioID)).count == all.count)
        #expect(Set(all.compactMap(\.title)).count == all.count, "two cases share a title")
    }

    @Test func theCapstoneAssemblesThePortfolioWithARubricAndAModelAnswer() throws {
        let pack = try #require(Self.library.pack(id: "ai-pm-portfolio-career"))
        let lastModule = try #require(pack.modules.last)
        let capstone = try #require(lastModule.lessons.last)
        let proposal = try #require(capstone.steps.compactMap { $0 as? ReflectionStep }.first { $0.artifact == "AI feature proposal" })
        #expect((4...6).contains(proposal.rubric.count), "\(proposal.rubric.count) criteria")
        #expect(proposal.rubric.allSatisfy { $0.levels.count == 3 })
        let model = try #require(proposal.modelAnswer)
        #expect(ReflectionStep.wordCount(model) >= proposal.minimumWords ?? 0)
        #expect(ReflectionStep.wordCount(model) >= 300)
    }

    @Test(arguments: ShippedCurriculaTests.pathPacks)
    func everyPortfolioPieceHasARubricAndAModelAnswer(packID: String) throws {
        let pack = try #require(Self.library.pack(id: packID))
        let reflections = pack.lessons.flatMap { $0.lesson.steps.compactMap { $0 as? ReflectionStep } }
        #expect(!reflections.isEmpty)
        for reflection in reflections {
            #expect(reflection.rubric.count >= 3, "\(reflection.reflectionID) has \(reflection.rubric.count) rubric criteria")
            #expect(reflection.rubric.allSatisfy { $0.levels.count == 3 }, "\(reflection.reflectionID): each criterion needs three levels")
            let words = reflection.modelAnswer.map(ReflectionStep.wordCount) ?? 0
            #expect(words >= 120, "\(reflection.reflectionID): model answer of \(words) words")
        }
    }

    @Test func experiencedProductManagersHaveAPathThatStartsWithPlacement() throws {
        let path = try #require(Self.library.path(id: "experienced-product-manager"))
        #expect(path.tracks.map(\.pack) == ["ai-pm-fundamentals", "ml-basics-for-pms", "llm-products",
                                           "responsible-ai-ethics", "ai-pm-portfolio-career"])
        #expect(path.tracks[0].sequential == false, "placement may test out of any fundamentals module")
        #expect(path.description?.contains("placement fundamentals") == true)
        #expect(Self.library.paths.first?.id == "ai-product-manager", "the full path stays the default")
    }

    @Test(arguments: ["ai-product-manager", "experienced-product-manager"])
    func roleLevelsRiseFromEntryToSenior(pathID: String) throws {
        let levels = try #require(Self.library.path(id: pathID)?.career?.levels)
        #expect(levels.map(\.id) == ["entry", "mid-level", "senior"])
        #expect(levels.allSatisfy { $0.title.contains("$") }, "each level quotes the article's pay figure")
        for (lower, higher) in zip(levels, levels.dropFirst()) {
            for (skill, need) in lower.skills {
                #expect((higher.skills[skill] ?? 0) >= need, "\(higher.id) expects less \(skill) than \(lower.id)")
            }
        }
    }
}
