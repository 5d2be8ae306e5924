import Foundation
import Testing
@testable import PathwayCore

/// The figures of a report, on crafted progress whose answers are known.
@Suite struct ReportDataTests {
    let report = ReportFixtures.sampleReport()

    @Test func summaryCountsLessonsItemsTimeAndUnmatchedRecords() {
        let s = report.summary
        #expect((s.lessonsCompleted, s.lessonsTotal) == (1, 3))
        #expect((s.modulesCompleted, s.modulesTotal) == (0, 2))
        #expect((s.itemsAnswered, s.itemsTotal) == (5, 6))
        #expect(s.answeredCorrectly == 5)
        #expect(s.firstTryCorrect == 3)
        #expect(s.firstTryAccuracy == 0.6)
        #expect(s.attempts == 7)
        #expect(s.seconds == 82.5)
        #expect((s.reflectionsWritten, s.reflectionsTotal) == (1, 1))
        // sample/gone-q and sample/old-r are in the progress file but in no pack.
        #expect(s.unmatchedRecords == 2)
        #expect(report.profile == "ada")
        #expect(report.reportSchemaVersion == ReportData.schemaVersion)
    }

    @Test func tracksAndModulesFollowThePathWithStatesAndFirstTryShares() throws {
        #expect(report.tracks.map(\.title) == ["First track", "Second track"])
        let basics = try #require(report.tracks.first?.modules.first)
        #expect(basics.state == .inProgress)
        #expect((basics.lessonsCompleted, basics.lessonsTotal) == (1, 2))
        #expect((basics.itemsAnswered, basics.itemsTotal, basics.firstTryCorrect) == (5, 5, 3))
        #expect(basics.firstTryAccuracy == 0.6)
        let more = try #require(report.tracks.last?.modules.first)
        #expect(more.state == .locked)
        #expect(more.lockedReason == "finish First track first")
        #expect(more.firstTryAccuracy == nil)
        #expect(report.tracks.last?.locked == true)
    }

    @Test func lessonsHoldEveryAttemptWithItsIdsTypeTimeAndHints() throws {
        let intro = try #require(report.modules.first?.lessons.first)
        #expect(intro.completed && intro.started)
        #expect(intro.completedAt == ReportFixtures.t0 + 600)
        let q1 = try #require(intro.questions.first)
        #expect(q1.type == "single_choice")
        #expect(q1.attempts.map(\.number) == [1, 2])
        let first = q1.attempts[0]
        #expect((first.pack, first.module, first.lesson, first.question) == ("sample", "basics", "intro", "intro-q1"))
        #expect((first.answer, first.correct, first.seconds, first.hintsUsed) == ("Carrot", false, 12.5, 1))
        #expect(first.at == ReportFixtures.t0 + 60)
        // 7 answers to current questions, then the retired answer to sample/gone-q.
        #expect(report.attempts.count == 8)
        #expect(report.attempts.last?.question == "gone-q" && report.attempts.last?.retired == true)
        #expect(report.attempts.map(\.questionType).contains("numeric"))
        let second = try #require(report.modules.first?.lessons.last)
        #expect(second.started && !second.completed)
    }

    @Test func skillsAreFirstTryAccuracyOverTheModulesWithTheTag() {
        #expect(report.skills.map(\.skill) == ["ai-literacy", "product-thinking"])
        let ai = report.skills[0], product = report.skills[1]
        #expect((ai.itemsTotal, ai.itemsSeen, ai.accuracy) == (1, 0, nil))
        #expect((product.itemsTotal, product.itemsSeen, product.firstTryCorrect) == (5, 5, 3))
        #expect(product.accuracy == 0.6)
        #expect(product.modules == ["sample/basics"])
    }

    @Test func strongestAndWeakestNeverOverlapAndNeedAnswers() {
        #expect(report.strongest.map(\.module) == ["basics"])
        #expect(report.weakest.isEmpty)
        let modules = [("a", 0.9, 10), ("b", 0.5, 4), ("c", 0.5, 8), ("d", 1.0, 1), ("e", 0.2, 5), ("f", 0.7, 3), ("g", 0.3, 2)]
        let reports = modules.map { id, accuracy, answered in
            ModuleReport(pack: "p", id: id, title: id, state: .inProgress, lockedReason: nil, skills: [], lessonsCompleted: 0,
                         lessonsTotal: 1, itemsTotal: answered, itemsAnswered: answered, answeredCorrectly: 0,
                         firstTryCorrect: 0, firstTryAccuracy: accuracy, seconds: 0, lessons: [])
        }
        let (strong, weak) = ReportData.rankedStandings(reports)
        #expect(strong.map(\.module) == ["d", "a", "f"])
        // Ties go to the module with more answers.
        #expect(weak.map(\.module) == ["e", "g", "c"])
    }

    @Test(arguments: [("UTC", [5, 3], [3, 2]), ("America/Los_Angeles", [6, 2], [4, 1])])
    func activityIsCountedPerDayInTheReportsTimeZone(zone: String, attempts: [Int], correct: [Int]) throws {
        let report = ReportFixtures.sampleReport(timeZone: try #require(TimeZone(identifier: zone)))
        #expect(report.activity.map(\.date) == ["2026-01-05", "2026-01-06"])
        #expect(report.activity.map(\.attempts) == attempts)
        #expect(report.activity.map(\.correct) == correct)
        #expect(report.activity.map(\.lessonsCompleted) == [1, 0])
        #expect(report.timeZone == TimeZone(identifier: zone)?.identifier)
    }

    @Test func thePortfolioHasEveryReflectionIncludingOnesNoPackHas() throws {
        #expect(report.portfolio.map(\.step) == ["intro-r1", "old-r"])
        let note = report.portfolio[0]
        #expect(note.title == "Product note")
        #expect((note.module, note.lesson, note.lessonTitle) == ("basics", "intro", "Introduction"))
        #expect(note.checklist.map(\.checked) == [true, false])
        #expect((note.checkedCount, note.checklistTotal) == (1, 2))
        #expect(note.words == 7)
        #expect(note.prompt == "Describe a product you like.")
        let old = report.portfolio[1]
        #expect((old.title, old.module, old.text) == ("old-r", nil, "An older piece."))
    }

    @Test func theReviewForecastIsCarriedWhenGiven() {
        #expect(report.reviewForecast == nil)
        let forecast = ReviewForecast(dueNow: 2, dueWithin7Days: 5, dueWithin30Days: 9)
        #expect(ReportFixtures.sampleReport(forecast: forecast).reviewForecast == forecast)
    }

    @Test func emptyProgressGivesAnEmptyButCompleteReport() {
        let empty = ReportData(library: Fixtures.sampleLibrary(), progress: LearnerProgress(profile: "new", now: ReportFixtures.t0),
                               now: ReportFixtures.t0)
        #expect(empty.summary.itemsAnswered == 0)
        #expect(empty.summary.firstTryAccuracy == nil)
        #expect(empty.activity.isEmpty && empty.portfolio.isEmpty && empty.strongest.isEmpty)
        #expect(empty.tracks.count == 2)
        #expect(empty.modules.first?.state == .available)
    }
}

@Suite struct StandingsThresholdTests {
    @Test func aModuleBelowTheBarIsNeverAmongTheStrongest() throws {
        let report = ModuleReport(pack: "p", id: "weak", title: "Weak", state: .inProgress, lockedReason: nil, skills: [], lessonsCompleted: 0,
                                  lessonsTotal: 1, itemsTotal: 7, itemsAnswered: 7, answeredCorrectly: 1,
                                  firstTryCorrect: 1, firstTryAccuracy: 1.0 / 7, seconds: 0, lessons: [])
        let (strong, weak) = ReportData.rankedStandings([report])
        #expect(strong.isEmpty)
        #expect(weak.map(\.module) == ["weak"])
        var data = ReportFixtures.sampleReport()
        (data.strongest, data.weakest) = (strong, weak)
        let html = try HTMLReportFormat().render(data)
        #expect(html.contains("No topic at 60% or more right on the first try yet."))
        #expect(!html.contains("Nothing else measured yet"))
        #expect(html.contains("<strong>Weak</strong>: 14% right on the first try"))
    }
}
