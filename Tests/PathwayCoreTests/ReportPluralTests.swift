import Foundation
import Testing
@testable import PathwayCore

/// Reports put a count of one with a singular noun: "1 answer over 1 day", "1 word".
@Suite struct ReportPluralTests {
    /// One answer, one reflection of one word with one of its checklist points covered.
    static func oneOfEach() -> ReportData {
        var progress = LearnerProgress(profile: "solo", now: ReportFixtures.t0)
        progress.lessons["sample/second"] = ReportFixtures.lesson(started: 0)
        progress.items["sample/second-q1"] = ReportFixtures.item([ReportFixtures.attempt("false", true, at: 60)])
        progress.reflections["sample/intro-r1"] = ReflectionRecord(artifact: "Product note", text: "Bike.", checked: [0],
                                                                   savedAt: ReportFixtures.t0 + 90)
        return ReportData(library: Fixtures.sampleLibrary(), progress: progress, now: ReportFixtures.t0 + 120,
                          timeZone: ReportFixtures.utc)
    }

    @Test func htmlSaysOneAnswerOverOneDay() throws {
        let html = try HTMLReportFormat().render(Self.oneOfEach())
        #expect(html.contains("1 answer over 1 day from"))
        #expect(html.contains("with 1 answer."))
        #expect(html.contains("1 item seen"))
        #expect(!html.contains("1 answers"))
        #expect(!html.contains("1 items"))
        #expect(!html.contains("1 days"))
    }

    @Test func markdownAndPortfoliosSayOneWordAndOneAnswer() throws {
        let markdown = try MarkdownReportFormat().render(Self.oneOfEach())
        #expect(markdown.contains("(1 answer)"))
        #expect(!markdown.contains("1 answers"))
        for format in ReportRegistry.portfolio.formats {
            let text = try format.render(Self.oneOfEach())
            #expect(text.contains("1 piece"), "\(format.id)")
            #expect(text.contains("1 word ·"), "\(format.id)")
            #expect(!text.contains("1 words"), "\(format.id)")
        }
    }
}
