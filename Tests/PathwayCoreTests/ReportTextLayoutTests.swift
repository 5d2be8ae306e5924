import Foundation
import Testing
@testable import PathwayCore

/// A brief's paragraphs and lists survive into the HTML and Markdown portfolio and report, and
/// dates in report headers are written for a reader in the report's time zone.
@Suite struct ReportTextLayoutTests {
    @Test func aBriefKeepsItsParagraphsAndListsInHTML() throws {
        let (data, directory) = try ReportCitationTests.report()
        defer { directory.remove() }
        for html in [try HTMLReportFormat().render(data), try PortfolioHTMLFormat().render(data)] {
            #expect(html.contains("<p>Cover:</p>\n<ul><li>the <strong>user</strong> and their pain</li><li>the <code>metric</code> you will move</li><li>a first model</li></ul>\n<ol><li>Name the owner.</li><li>Name the date.</li></ol>"))
            #expect(!html.contains("Cover: - the"))
            #expect(!html.contains("**user**"))
        }
    }

    /// Heading marks are dropped only where Markdown reads a heading (`#` to `######` and a
    /// space): `#1 priority` and `#metrics` keep their `#`, and an empty heading shows nothing;
    /// a heading ends the list or paragraph before it.
    @Test func onlyHeadingMarksAreDropped() {
        #expect(PackMarkdown.blocks("#1 priority is retention.\n\n## Next steps\n\n#metrics channel\n\n#") == [
            .paragraph([.text("#1 priority is retention.")]), .paragraph([.text("Next steps")]),
            .paragraph([.text("#metrics channel")]),
        ])
        #expect(PackMarkdown.blocks("- one\n## Two\nthree") == [.bullets([[.text("one")]]), .paragraph([.text("Two")]), .paragraph([.text("three")])])
    }

    @Test func aBriefKeepsItsListsInMarkdown() throws {
        let (data, directory) = try ReportCitationTests.report()
        defer { directory.remove() }
        for markdown in [try MarkdownReportFormat().render(data), try PortfolioMarkdownFormat().render(data)] {
            #expect(markdown.contains("> Cover:\n>\n> - the **user** and their pain\n> - the `metric` you will move\n> - a first model\n>\n> 1. Name the owner.\n> 2. Name the date."))
        }
    }

    /// A code span holding `|` (`P(A|B)`) in a Markdown table cell keeps its row's columns: the
    /// pipe is escaped there, as GitHub-flavoured Markdown asks, and left alone outside tables.
    @Test func aPipeInCodeKeepsATableRowWhole() throws {
        var (data, directory) = try ReportCitationTests.report()
        defer { directory.remove() }
        data.portfolio[0].rubric = [.init(criterion: "Reads `P(A|B)` right", levels: ["No", "Yes"], selfScore: 2)]
        data.portfolio[0].checklist = [.init(text: "Uses `P(A|B)`", checked: true)]
        let markdown = try PortfolioMarkdownFormat().render(data)
        #expect(markdown.contains("| Reads `P(A\\|B)` right | 2 of 2: Yes | 1. No<br>2. Yes |"))
        #expect(markdown.contains("- [x] Uses `P(A|B)`"))
    }

    @Test func hostileMarkupInABriefStaysText() throws {
        var (data, directory) = try ReportCitationTests.report()
        defer { directory.remove() }
        data.portfolio[0].prompt = "- **<script>alert(1)</script>**\n- `<img src=x onerror=alert(2)>`\n1. *<b>x</b>*"
        let html = try PortfolioHTMLFormat().render(data)
        #expect(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>x"))
        #expect(html.contains("<ul><li><strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong></li><li><code>&lt;img src=x onerror=alert(2)&gt;</code></li></ul>"))
        #expect(html.contains("<ol><li><em>&lt;b&gt;x&lt;/b&gt;</em></li></ol>"))
    }

    @Test func theHTMLHeaderShowsAReadableDateInTheReportsTimeZone() throws {
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        // 2026-01-08T09:00Z is 18:00 on 8 January in Tokyo.
        let report = ReportFixtures.sampleReport(timeZone: tokyo)
        let html = try HTMLReportFormat().render(report)
        #expect(html.contains("generated <time datetime=\"2026-01-08T09:00:00.000Z\">8 January 2026, 18:00 (Asia/Tokyo)</time>"))
        let header = try #require(html.components(separatedBy: "</header>").first)
        #expect(!header.contains(">2026-01-08T"), "no raw ISO timestamp is shown as text")
        // Late in the UTC day, Los Angeles is still on the day before.
        let angeles = try #require(TimeZone(identifier: "America/Los_Angeles"))
        var late = ReportFixtures.sampleReport(timeZone: angeles)
        late.generatedAt = ReportFixtures.t0 + 3 * ReportFixtures.day - 10 * 3600
        #expect(try HTMLReportFormat().render(late).contains(">7 January 2026, 15:00 (America/Los_Angeles)</time>"))
        #expect(try HTMLReportFormat().render(ReportFixtures.sampleReport()).contains(">8 January 2026, 09:00 (UTC)</time>"))
        // The portfolio's dates too: the day written and the day generated.
        let portfolio = try PortfolioHTMLFormat().render(report)
        #expect(portfolio.contains("<time datetime=\"2026-01-08T09:00:00.000Z\">8 January 2026</time>"))
        #expect(portfolio.contains("written <time datetime=\"2026-01-05T09:08:20.000Z\">5 January 2026</time>"))
        #expect(try MarkdownReportFormat().render(report).contains("Generated 8 January 2026, 18:00 (Asia/Tokyo)"))
    }
}
