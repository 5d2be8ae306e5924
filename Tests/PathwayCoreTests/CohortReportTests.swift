import Foundation
import Testing
@testable import PathwayCore

/// Cohort figures on four crafted learners whose answers are known.
@Suite struct CohortReportTests {
    typealias F = ReportFixtures

    static func learner(_ profile: String, lessons: [ProgressKey: LessonRecord] = [:], items: [ProgressKey: [(String, Bool)]] = [:]) -> CohortReport.Input {
        var progress = LearnerProgress(profile: profile, now: F.t0)
        progress.lessons = lessons
        var offset = 0.0
        for (key, answers) in items.sorted(by: { $0.key < $1.key }) {
            progress.items[key] = F.item(answers.map { answer, correct in
                offset += 60
                return F.attempt(answer, correct, at: offset, seconds: 10)
            })
        }
        return CohortReport.Input(source: "\(profile).json", progress: progress)
    }

    /// ann finished Basics; bob finished its first lesson; cy only missed the first question
    /// three times (and answered a question no pack has); dee did nothing.
    static let learners: [CohortReport.Input] = [
        learner("bob", lessons: ["sample/intro": F.lesson(started: 0, completed: 100)],
                items: ["sample/intro-q1": [("Carrot", false), ("Apple", true)], "sample/intro-q2": [("Red | Green | Blue", true)],
                        "sample/intro-q3": [("recall ", false), ("precision", true)], "sample/intro-q4": [("4", false), ("0.25", true)]]),
        learner("ann", lessons: ["sample/intro": F.lesson(started: 0, completed: 100), "sample/second": F.lesson(started: 200, completed: 300)],
                items: ["sample/intro-q1": [("Apple", true)], "sample/intro-q2": [("Red | Green", false), ("Red | Green | Blue", true)],
                        "sample/intro-q3": [("Recall", false), ("precision", true)], "sample/intro-q4": [("0.25", true)],
                        "sample/second-q1": [("false", true)]]),
        learner("cy", items: ["sample/intro-q1": [("Carrot", false), ("Potato", false), ("Carrot", false)], "sample/gone": [("zzz", false)]]),
        learner("dee"),
    ]

    let report = CohortReport(library: Fixtures.sampleLibrary(), learners: CohortReportTests.learners, now: F.t0 + F.day)

    @Test func totalsAndLearnersAreCountedOncePerFile() throws {
        #expect(report.learnerCount == 4)
        #expect(report.attempts == 18)
        #expect(report.seconds == 180)
        #expect(report.learners.map(\.profile) == ["ann", "bob", "cy", "dee"])
        let ann = report.learners[0]
        #expect((ann.lessonsCompleted, ann.lessonsTotal, ann.modulesCompleted) == (2, 3, 1))
        #expect(abs(ann.completion - 2.0 / 3.0) < 1e-12)
        #expect((ann.itemsAnswered, ann.firstTryCorrect, ann.attempts, ann.seconds) == (5, 3, 7, 70))
        #expect(ann.firstTryAccuracy == 0.6)
        #expect(ann.modules.map(\.completed) == [true, false])
        let dee = report.learners[3]
        #expect((dee.itemsAnswered, dee.firstTryAccuracy, dee.lastActive) == (0, nil, nil))
        #expect(report.learners[2].lastActive == F.t0 + 240)
    }

    @Test func completionAndTimePerModule() throws {
        let basics = try #require(report.modules.first)
        #expect((basics.id, basics.lessonsTotal, basics.itemsTotal) == ("basics", 2, 5))
        #expect((basics.learnersStarted, basics.learnersCompleted, basics.completionRate) == (3, 1, 0.25))
        #expect(basics.firstTryAccuracy == 0.4)
        #expect(basics.meanSeconds == 56.67)  // 170 s over 3 learners, to the hundredth
        let more = try #require(report.modules.last)
        #expect((more.learnersStarted, more.learnersCompleted, more.firstTryAccuracy) == (0, 0, nil))
    }

    @Test func itemsAreSortedHardestFirstWithTheirWrongAnswers() throws {
        #expect(report.items.map(\.question) == ["intro-q3", "gone", "intro-q1", "intro-q2", "intro-q4", "second-q1"])
        let q1 = try #require(report.items.first { $0.question == "intro-q1" })
        #expect((q1.learnersAnswered, q1.firstTryCorrect, q1.attempts, q1.wrongAttempts) == (3, 1, 6, 4))
        #expect(abs(q1.firstTryShare - 1.0 / 3.0) < 1e-12)
        #expect(q1.wrongAnswers == [.init(answer: "Carrot", count: 3), .init(answer: "Potato", count: 1)])
        #expect((q1.module, q1.lesson, q1.type) == ("basics", "intro", "single_choice"))
        // Short answers are grouped after normalising: "recall " and "Recall" are one answer.
        let q3 = try #require(report.items.first)
        #expect(q3.wrongAnswers.count == 1)
        #expect(q3.wrongAnswers.first?.count == 2)
        let gone = try #require(report.items.first { $0.question == "gone" })
        #expect((gone.module, gone.prompt) == (nil, nil))
    }

    @Test func mostMissedNeedsEnoughLearnersAndWrongAnswersAreRankedByCount() {
        #expect(report.mostMissed.map(\.question) == ["intro-q1"])
        #expect(report.commonWrongAnswers.map(\.answer) == ["Carrot", "recall ", "zzz", "Potato", "Red | Green", "4"])
        #expect(report.commonWrongAnswers.first?.count == 3)
        #expect(report.commonWrongAnswers.first?.learners == 2)
        #expect(report.commonWrongAnswers[1].learners == 2)
    }

    @Test func progressCSVHasARowPerLearnerAndModule() throws {
        let text = try CohortCSVFormat().render(report)
        let rows = try #require(RFC4180Reader.parse(text))
        #expect(rows.first == CohortCSVFormat.progressColumns)
        #expect(rows.count == 1 + 4 * 2)
        #expect(rows[1] == ["ann", "ann.json", "sample", "basics", "2", "2", "true", "5", "3", "70", "0.8", "true", "false"])
    }

    @Test func itemsCSVRoundTripsHostileWrongAnswers() throws {
        var inputs = Self.learners
        inputs.append(Self.learner("eve", items: ["sample/intro-q3": [(F.trickyAnswer, false)]]))
        let report = CohortReport(library: Fixtures.sampleLibrary(), learners: inputs, now: F.t0)
        let rows = try #require(RFC4180Reader.parse(try CohortCSVFormat(table: .items).render(report)))
        #expect(rows.first == CohortCSVFormat.itemColumns)
        #expect(rows.dropFirst().allSatisfy { $0.count == CohortCSVFormat.itemColumns.count })
        #expect(rows.contains { $0[1] == "intro-q3" && $0[11] == "recall " && $0[12] == "2" })
        let html = try CohortHTMLFormat().render(report)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
    }

    @Test func jsonIsVersionedAndHtmlHasItsSections() throws {
        let json = try CohortJSONFormat().render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["cohortSchemaVersion"] as? Int == CohortReport.schemaVersion)
        #expect(Set(object.keys) == ["cohortSchemaVersion", "generatedAt", "learnerCount", "attempts", "seconds", "modules",
                                     "learners", "scenarios", "items", "mostMissed", "commonWrongAnswers", "discriminationMethod",
                                     "itemStatistics"])
        let html = try CohortHTMLFormat().render(report)
        for id in ["summary", "modules", "difficulty", "statistics", "learners"] { #expect(html.contains("<section id=\"\(id)\"")) }
        #expect(html.contains("aria-describedby=\"chart-completion-desc\""))
        #expect(html.contains("aria-describedby=\"chart-missed-desc\""))
        #expect(CohortRegistry.standard.ids == ["html", "csv", "json"])
    }

    @Test func theLoaderReadsFilesAndFoldersAndReportsBadFiles() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try ProgressTransfer.export(F.sampleProgress(profile: "ada"), to: directory.url.appending(path: "cohort/a.json"))
        try ProgressTransfer.export(F.sampleProgress(profile: "bea"), to: directory.url.appending(path: "cohort/sub/b.json"))
        try directory.write("not a progress file", to: "cohort/notes.txt")
        try directory.write("{\"schemaVersion\": 1}", to: "cohort/bad.json")
        // A complete file from a newer Pathway is refused, not read as if it were current.
        let newer = String(decoding: try SnapshotFile.encode(F.sampleProgress(profile: "zed")), as: UTF8.self)
            .replacingOccurrences(of: "\"schemaVersion\" : 2", with: "\"schemaVersion\" : 99")
        try directory.write(newer, to: "cohort/newer.json")
        try ProgressTransfer.export(F.sampleProgress(profile: "cat"), to: directory.url.appending(path: "single.json"))
        let (inputs, problems) = CohortLoader.load([directory.url.appending(path: "cohort"), directory.url.appending(path: "single.json"),
                                                    directory.url.appending(path: "missing.json")])
        #expect(inputs.map(\.progress.profile) == ["ada", "bea", "cat"])
        #expect(problems.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["bad.json", "newer.json", "missing.json"])
        #expect(problems.first { $0.path.hasSuffix("newer.json") }?.reason.contains("newer Pathway") == true)
    }

    @Test func manyFilesAreReadInBatchesAndHandedOverInPathOrder() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let count = CohortLoader.batchSize + 7
        for n in 0..<count {
            try ProgressTransfer.export(F.sampleProgress(profile: "p\(n)"), to: directory.url.appending(path: String(format: "l%03d.json", n)))
        }
        let (inputs, problems) = CohortLoader.load([directory.url])
        #expect(problems.isEmpty)
        #expect(inputs.map(\.progress.profile) == (0..<count).map { "p\($0)" })
        #expect(inputs.allSatisfy { $0.progress.items == F.sampleProgress().items })
        // Streaming through the builder gives the same report as building from the array.
        var builder = CohortReport.Builder(library: Fixtures.sampleLibrary())
        _ = CohortLoader.forEach([directory.url]) { builder.add($0) }
        #expect(builder.report(now: F.t0) == CohortReport(library: Fixtures.sampleLibrary(), learners: inputs, now: F.t0))
    }

    @Test(arguments: ["2026-01-05T09:00:00Z", "1999-12-31T23:59:59Z", "2000-02-29T12:00:00Z", "1969-07-20T20:17:40Z",
                      "2100-03-01T00:00:00Z", "2026-01-05T11:00:00+02:00", "2026-01-05T09:00:00.250Z"])
    func fastDateParsingAgreesWithFoundation(text: String) throws {
        let expected = (try? Date.ISO8601FormatStyle().parse(text)) ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
        #expect(ProgressFileDecoder.parseDate(text) == expected)
        #expect(ProgressFileDecoder.parseDate(text) != nil)
    }

    @Test(arguments: ["2026-13-01T00:00:00Z", "2026-01-05 09:00:00Z", "yesterday", ""])
    func badDatesAreRejected(text: String) {
        #expect(ProgressFileDecoder.parseDate(text) == nil)
    }
}
