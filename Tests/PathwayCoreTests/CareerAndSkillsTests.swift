import Foundation
import Testing
@testable import PathwayCore

/// Skills and readiness figures on a crafted progress file.
@Suite struct CareerAndSkillsTests {
    let library = Fixtures.sampleLibrary()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func attempt(_ correct: Bool) -> Attempt { Attempt(answer: "x", correct: correct, at: now, seconds: 3, hintsUsed: 0) }

    func crafted() -> LearnerProgress {
        var progress = LearnerProgress(profile: "t", now: now)
        var firstTry = ItemRecord()
        firstTry.attempts = [attempt(true)]
        var retry = ItemRecord()
        retry.attempts = [attempt(false), attempt(true)]
        // basics (product-thinking) has 5 graded items: intro-q1..q4 and second-q1.
        progress.items["sample/intro-q1"] = firstTry
        progress.items["sample/intro-q2"] = firstTry
        progress.items["sample/intro-q3"] = retry
        // more (ai-literacy) has 1 graded item: json-q1.
        progress.items["sample/json-q1"] = firstTry
        var done = LessonRecord(startedAt: now)
        done.completed = true
        progress.lessons["sample/intro"] = done
        progress.reflections["sample/intro-r1"] = ReflectionRecord(artifact: "Product note", text: "t", checked: [0], savedAt: now)
        return progress
    }

    @Test func skillLevelsWeighFirstTriesAndCountUnseenItems() throws {
        let skills = SkillLevel.all(library: library, progress: crafted())
        let product = try #require(skills.first { $0.skill == "product-thinking" })
        // (1 + 1 + 0.5 + 0 + 0) / 5
        #expect(abs(product.level - 0.5) < 1e-9)
        #expect(product.itemsSeen == 3)
        #expect(product.itemsTotal == 5)
        #expect(abs(product.firstTryAccuracy - 2.0 / 3.0) < 1e-9)
        #expect(product.band == "proficient")
        let ai = try #require(skills.first { $0.skill == "ai-literacy" })
        #expect(ai.level == 1)
        #expect(ai.band == "strong")
        #expect(skills.first?.skill == "ai-literacy", "strongest first")
    }

    @Test func readinessCountsLessonsSkillsArtifactsAndSteps() throws {
        let path = try #require(library.paths.first)
        let readiness = try #require(CareerReadiness(path: path, library: library, progress: crafted()))
        #expect(readiness.lessonsCompleted == 1)
        #expect(readiness.lessonsTotal == 3)
        #expect(readiness.masteredSkills == ["AI literacy"])
        #expect(readiness.artifactsDone == ["Product note"])
        #expect(readiness.artifactsMissing.isEmpty)
    }

    @Test func careerStepsFollowThePathFile() throws {
        let text = """
        format: 1
        id: p
        title: P
        tracks:
          - {id: first, title: First, pack: sample, modules: [basics]}
          - {id: second, title: Second, pack: sample, modules: [more], requires: [first]}
        career:
          role: Tester
          steps:
            - {title: Learn basics, tracks: [first]}
            - {title: Build a portfolio, portfolio: true}
            - {title: Get a job, advice: Apply widely}
            - {title: Learn more, tracks: [second]}
        """
        guard case let .success(decoded) = DocumentDecoder().decode(CareerPath.self, text: text, displayPath: "p.yaml") else {
            Issue.record("did not decode"); return
        }
        var library = Fixtures.sampleLibrary()
        library = PackLibrary(packs: library.packs, paths: [decoded.value])
        let readiness = try #require(CareerReadiness(path: decoded.value, library: library, progress: crafted()))
        #expect(readiness.role == "Tester")
        #expect(readiness.steps.map(\.status) == [.inProgress, .done, .outside, .toDo])
        #expect(readiness.steps[0].remaining == "1 lesson of First")
        #expect(readiness.steps[2].remaining == "Apply widely")
    }
}
