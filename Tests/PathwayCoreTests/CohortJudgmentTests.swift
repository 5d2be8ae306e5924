import Foundation
import Testing
@testable import PathwayCore

/// Mastery, tested-out modules and scenario scores in the cohort report, in every format and
/// under the period filters.
@Suite struct CohortJudgmentTests {
    static let library = PackLibrary.load([PackSource(folder: Fixtures.root.appending(path: "judgment"), origin: .option)])
    static let t0 = ReportFixtures.t0

    static func decision(_ node: String, _ text: String, _ score: Double, at seconds: Double) -> ScenarioDecision {
        ScenarioDecision(node: node, option: 0, text: text, score: score, next: nil, at: t0 + seconds, seconds: 3)
    }

    /// Ann: the case at 60% then 100%, every question right first time, the lesson completed.
    /// Ben: tested out by placement, one decision into the case.
    static var learners: [CohortReport.Input] {
        var ann = LearnerProgress(profile: "ann", now: t0)
        ann.scenarios["judgment/case-refunds"] = ScenarioRecord(runs: [
            ScenarioRun(startedAt: t0, decisions: [decision("n1", "Keep it running and watch the numbers", 0.2, at: 10),
                                                   decision("n2", "Honour the promises and apologise", 1, at: 20)], finishedAt: t0 + 20),
            ScenarioRun(startedAt: t0 + 30, decisions: [decision("n1", "Pull the bot from refunds today", 1, at: 35),
                                                        decision("n2", "Honour the promises and apologise", 1, at: 41)], finishedAt: t0 + 41),
        ])
        for (index, question) in ["refund-rate", "refund-order", "refund-choice", "refund-tf"].enumerated() {
            var item = ItemRecord()
            item.attempts = [Attempt(answer: "x", correct: true, at: t0 + 50 + Double(index), seconds: 4, hintsUsed: 0)]
            item.secondsSpent = 4
            ann.items[ProgressKey(pack: "judgment", id: question)] = item
        }
        var lesson = LessonRecord(startedAt: t0)
        lesson.completed = true
        lesson.completedAt = t0 + 60
        ann.lessons["judgment/refunds"] = lesson
        var ben = LearnerProgress(profile: "ben", now: t0)
        ben.placements["judgment/cases"] = PlacementRecord(packVersion: "1.0.0", score: 1, verdict: .testedOut, at: t0 + 5, answers: [])
        ben.scenarios["judgment/case-refunds"] = ScenarioRecord(runs: [
            ScenarioRun(startedAt: t0 + 6, decisions: [decision("n1", "Ask legal to change the policy", 0, at: 8)]),
        ])
        return [CohortReport.Input(source: "ann.json", progress: ann), CohortReport.Input(source: "ben.json", progress: ben)]
    }

    @Test func masteryTestedOutAndScenarioScoresAreCounted() throws {
        let report = CohortReport(library: Self.library, learners: Self.learners, now: Self.t0)
        let module = try #require(report.modules.first)
        #expect((module.learnersCompleted, module.learnersMastered, module.learnersTestedOut) == (1, 1, 1))
        let ann = try #require(report.learners.first { $0.profile == "ann" }), ben = try #require(report.learners.first { $0.profile == "ben" })
        // (0.6 for the case's first run + 4 questions right first time) / 5 graded items.
        #expect(ann.modules.first?.masteryScore == 0.92 && ann.modules.first?.mastered == true && ann.modulesMastered == 1)
        #expect(ben.modules.first?.testedOut == true && ben.modules.first?.mastered == false && ben.modulesTestedOut == 1)
        #expect(ann.scenarios.map { [Double($0.runs), Double($0.finishedRuns), $0.firstScore, $0.bestScore, $0.masteryScore] } == [[2, 2, 0.6, 1, 0.6]])
        #expect(ben.scenarios.map { [Double($0.runs), Double($0.finishedRuns)] } == [[1, 0]] && ben.scenarios.first?.firstScore == nil)
        #expect(report.scenarios.map { [Double($0.learnersPlayed), Double($0.learnersFinished), $0.meanFirstScore, $0.meanBestScore] }
                == [[2, 1, 0.6, 1]])

        let csv = try #require(RFC4180Reader.parse(try CohortCSVFormat(table: .scenarios).render(report)))
        #expect(csv.first == CohortCSVFormat.scenarioColumns)
        #expect(csv.dropFirst().map { Array($0.prefix(1) + $0.suffix(5)) } == [["ann", "2", "2", "0.6", "1", "0.6"], ["ben", "1", "0", "", "", "0"]])
        let progress = try #require(RFC4180Reader.parse(try CohortCSVFormat().render(report)))
        #expect(progress.dropFirst().map { Array($0.suffix(3)) } == [["0.92", "true", "false"], ["0", "false", "true"]])
        let html = try CohortHTMLFormat().render(report)
        #expect(html.contains("<section id=\"scenarios\"") && html.contains("1/1 ✓ mastered") && html.contains("0/1 (tested out)"))
    }

    @Test func thePeriodFiltersKeepDecisionsRunsAndPlacementsInsideIt() throws {
        func report(_ filter: CohortFilter) -> CohortReport {
            CohortReport(library: Self.library, learners: Self.learners.map { input in
                var kept = input
                kept.progress = filter.apply(to: input.progress)
                return kept
            }, now: Self.t0)
        }
        // Up to second 25: only the first run, finished; ben's decision and placement.
        let early = report(CohortFilter(until: Self.t0 + 25))
        #expect(early.learners.first?.scenarios.map { [Double($0.runs), $0.firstScore, $0.bestScore] } == [[1, 0.6, 0.6]])
        #expect(early.modules.first?.learnersTestedOut == 1)
        // From second 30: the replay alone is the first finished run; the placement is before.
        let late = report(CohortFilter(since: Self.t0 + 30))
        #expect(late.learners.first?.scenarios.map { [Double($0.runs), $0.firstScore] } == [[1, 1]])
        #expect(late.learners.last?.scenarios.isEmpty == true && late.modules.first?.learnersTestedOut == 0)
        // A run whose ending is outside the period counts as unfinished.
        let middle = report(CohortFilter(since: Self.t0 + 30, until: Self.t0 + 38))
        #expect(middle.learners.first?.scenarios.map { [Double($0.runs), Double($0.finishedRuns)] } == [[1, 0]])
    }
}
