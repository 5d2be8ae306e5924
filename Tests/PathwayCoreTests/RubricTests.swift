import Foundation
import Testing
@testable import PathwayCore

/// Reflections with a rubric and a model answer: self-scores and both versions are kept, and
/// the portfolio and the cohort report show them.
@Suite struct RubricTests {
    let library = PackLibrary.load([PackSource(folder: Fixtures.root.appending(path: "judgment"), origin: .option)])
    let clock = ManualClock()

    func written() throws -> LearnerProgress {
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "ana", now: clock.now), store: MemoryProgressStore(),
                          clock: clock.clock, random: SeededRandom(seed: 1))
        let (pack, module, lesson) = try #require(library.lessons(matching: "refunds").first)
        tutor.open(pack: pack, module: module, lesson: lesson)
        while !(tutor.active?.step is ReflectionStep) { _ = tutor.skip() }
        tutor.saveReflection(text: "First draft of the memo, five words.", checked: [], selfScores: [1, 0])
        clock.advance(60)
        tutor.reviseReflection(text: "The revised memo names the refund desk and its owners.")
        tutor.reviseReflection(text: "A third version.")
        return tutor.progress
    }

    @Test func selfScoresAndBothVersionsAreKept() throws {
        let record = try #require(try written().reflections["judgment/refund-memo"])
        #expect(record.selfScores == [1, 0])
        #expect(record.firstDraft == "First draft of the memo, five words.")
        #expect(record.text == "A third version.")
    }

    @Test func thePortfolioShowsTheRubricWithSelfScores() throws {
        let data = ReportData(library: library, progress: try written(), now: clock.now)
        let artifact = try #require(data.portfolio.first)
        #expect(artifact.rubric.map(\.selfScore) == [2, 1])
        #expect(artifact.rubric[0].summary == "2 of 3: Partial: a user but no measured pain")
        let markdown = try PortfolioMarkdownFormat().render(data)
        #expect(markdown.contains("| Problem and user | 2 of 3: Partial: a user but no measured pain |"))
        #expect(markdown.contains("First version (before the model answer):"))
        let html = try PortfolioHTMLFormat().render(data)
        #expect(html.contains("<caption>Self-assessment against the rubric</caption>"))
        #expect(html.contains("1 of 2: Missing"))
    }

    @Test func theCohortListsEachArtifactWithItsSelfScores() throws {
        let report = CohortReport(library: library, learners: [.init(source: "ana.json", progress: try written())], now: clock.now)
        let artifact = try #require(report.learners.first?.artifacts.first)
        #expect(artifact.title == "Incident memo")
        #expect(artifact.revised)
        #expect(artifact.selfScoreSummary == "Problem and user 2/3; Next steps 1/2")
        let html = try CohortHTMLFormat().render(report)
        #expect(html.contains("Problem and user 2/3; Next steps 1/2"))
    }

    @Test func aChecklistOnlyReflectionIsUnchanged() throws {
        let sample = Fixtures.sampleLibrary()
        let tutor = Tutor(library: sample, progress: LearnerProgress(profile: "b", now: clock.now), store: MemoryProgressStore(),
                          clock: clock.clock)
        let found = sample.packs.flatMap { pack in pack.lessons.filter { $0.lesson.steps.contains { $0 is ReflectionStep } }.map { (pack, $0) } }
        let (pack, entry) = try #require(found.first)
        tutor.open(pack: pack, module: entry.module, lesson: entry.lesson)
        while !(tutor.active?.step is ReflectionStep) { _ = tutor.skip() }
        tutor.saveReflection(text: "Some text here.", checked: [0])
        let record = try #require(tutor.progress.reflections.values.first)
        #expect(record.selfScores == nil && record.firstDraft == nil && record.checked == [0])
        #expect(ReportData(library: sample, progress: tutor.progress, now: clock.now).portfolio.first?.rubric.isEmpty == true)
    }
}
