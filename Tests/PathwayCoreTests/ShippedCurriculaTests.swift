import Foundation
import Testing
@testable import PathwayCore

/// The curricula in `curricula/` load cleanly, meet the content bar, and the path can be
/// walked from the first lesson to the last.
@Suite struct ShippedCurriculaTests {
    static let library = PackLibrary.load([PackSource(folder: Fixtures.curricula, origin: .shipped, displayPath: "curricula")])
    static let pathPacks = ["ai-pm-fundamentals", "ml-basics-for-pms", "llm-products", "ai-pm-portfolio-career",
                                  "responsible-ai-ethics"]
    static let skills: Set = ["ai-literacy", "data-literacy", "product-thinking", "ethical-awareness", "communication",
                              "analytical-mindset", "collaboration", "technical-curiosity", "adaptability"]

    @Test func everyShippedPackLoadsWithoutErrors() {
        let errors = Self.library.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        #expect(Self.library.paths.map(\.id) == ["ai-product-manager", "experienced-product-manager"])
        #expect(Self.library.packs.map(\.id).prefix(5) == Self.pathPacks[...])
    }

    @Test(arguments: pathPacks)
    func eachPackMeetsTheContentBar(packID: String) throws {
        guard let pack = Self.library.pack(id: packID) else {
            Issue.record("pack \(packID) did not load")
            return
        }
        let stats = PackStatistics(pack)
        #expect(stats.lessons >= 7)
        #expect(stats.minimumGradedPerLesson >= 8)
        #expect(stats.itemsWithExplanation == stats.gradedItems)
        #expect(stats.itemsWithHints * 4 >= stats.gradedItems * 3, "most items have a hint")
        let questionTypes = StepRegistry.standard.typeNames.filter { !["text", "reflection", "scenario"].contains($0) }
        for type in questionTypes { #expect(stats.gradedByType[type, default: 0] > 0, "\(packID) uses no \(type)") }
        #expect(stats.reflectionSteps > 0)
        for module in pack.modules {
            #expect(!module.skills.isEmpty, "\(module.id) has no skill tags")
            #expect(Set(module.skills).isSubset(of: Self.skills), "\(module.id): \(module.skills)")
        }
        for (_, lesson) in pack.lessons {
            let teaching = lesson.steps.compactMap { $0 as? TextStep }.map { ReflectionStep.wordCount($0.text) }.reduce(0, +)
            #expect(teaching >= 200, "\(lesson.id) has only \(teaching) words of teaching text")
            #expect(!lesson.sources.isEmpty, "\(lesson.id) names no sources")
        }
    }

    @Test func thePathHasAtLeast500GradedItemsAndThePortfolioArtifacts() throws {
        let stats = Self.pathPacks.compactMap(Self.library.pack(id:)).map(PackStatistics.init)
        #expect(stats.reduce(0) { $0 + $1.gradedItems } >= 500)
        #expect(stats.reduce(0) { $0 + $1.lessons } >= 49)
        let portfolio = try #require(Self.library.pack(id: "ai-pm-portfolio-career"))
        let artifacts = Set(portfolio.lessons.flatMap { $0.lesson.steps.compactMap { ($0 as? ReflectionStep)?.artifact } })
        #expect(artifacts.isSuperset(of: ["Problem statement", "AI feature PRD", "Metrics plan", "Model card",
                                          "Risk and ethics assessment", "Launch and rollout plan", "AI feature proposal"]))
    }

    @Test func everyWrongChoiceLikelyToBePickedHasFeedback() {
        for pack in Self.library.packs {
            for (_, lesson) in pack.lessons {
                for case let question as SingleChoiceQuestion in lesson.steps {
                    let missing = question.choices.filter { !$0.isCorrect && $0.feedback == nil }
                    #expect(missing.count <= 1, "\(question.questionID): \(missing.count) wrong choices without feedback")
                }
            }
        }
    }

    /// Answers every question right, writes every reflection, and checks that the whole path
    /// opens up track by track until nothing is left.
    @Test func thePathCanBeWalkedFromStartToFinish() throws {
        var options = Tutor.Options()
        options.shuffleChoices = false
        let tutor = Tutor(library: Self.library, progress: LearnerProgress(profile: "walker", now: Date()),
                          store: MemoryProgressStore(), random: SeededRandom(seed: 1), options: options)
        var opened: [String] = []
        while let target = tutor.overview.nextLesson(progress: tutor.progress) {
            #expect(!opened.contains(target.lesson.id), "\(target.lesson.id) was offered twice")
            guard !opened.contains(target.lesson.id) else { break }
            opened.append(target.lesson.id)
            #expect(tutor.overview.state(pack: target.pack.id, module: target.module.id)?.isLocked == false)
            tutor.open(pack: target.pack, module: target.module, lesson: target.lesson)
            while let lesson = tutor.active {
                switch lesson.step {
                case let question as any Question:
                    let answer = try #require(question.selfCheck().mustPass.first)
                    guard case .correct = tutor.answer(answer) else {
                        Issue.record("\(question.questionID): its own right answer '\(answer)' was not accepted")
                        return
                    }
                case is ReflectionStep:
                    tutor.saveReflection(text: "A draft for the portfolio.", checked: [0])
                default:
                    break
                }
                tutor.advance()
            }
        }
        let lessons = Self.library.packs.filter { Self.pathPacks.contains($0.id) }.reduce(0) { $0 + $1.lessons.count }
        #expect(opened.count >= lessons)
        let completed = tutor.overview.tracks.allSatisfy { $0.isCompleted }
        #expect(completed)
        #expect(tutor.progress.reflections.count >= 7)
    }
}
