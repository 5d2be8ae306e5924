import Testing
import Foundation
@testable import PathwayCore

/// Whatever a learner's profile, a file name or a pack's titles hold, the progress report, the
/// cohort report and the portfolio show it as text: no element, attribute or entity from it
/// reaches the markup.
@Suite struct HTMLHostileTextTests {
    static let profile = "mal<script>alert(\"x\")</script> & 'o'"
    static let profileEscaped = "mal&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;o&#39;"
    static let packTitleEscaped = "&lt;script&gt;alert(&#39;pack&#39;)&lt;/script&gt; &amp; &quot;Quotes&quot;"
    static let moduleTitleEscaped = "Module &quot;one&quot; &lt;b&gt;bold&lt;/b&gt; &amp; &#39;apos&#39; | pipe"
    static let lessonTitleEscaped = "Lesson &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    static let artifactTitleEscaped = "Artifact &quot;&lt;/h2&gt;&lt;script&gt;alert(4)&lt;/script&gt;&quot;"
    static let source = "<b>eve</b> & 'friends'\".json"
    static let sourceEscaped = "&lt;b&gt;eve&lt;/b&gt; &amp; &#39;friends&#39;&quot;.json"

    static func progress() -> LearnerProgress {
        var progress = ReportFixtures.hostileProgress()
        progress.profile = profile
        return progress
    }

    @Test func hostileTextIsEscapedInTheReportTheCohortReportAndThePortfolio() throws {
        let data = ReportData(library: ReportFixtures.hostileLibrary, progress: Self.progress(),
                              now: ReportFixtures.t0 + ReportFixtures.day, timeZone: ReportFixtures.utc)
        let cohort = CohortReport(library: ReportFixtures.hostileLibrary,
                                  learners: [.init(source: Self.source, progress: Self.progress())], now: ReportFixtures.t0)
        let pages: [(name: String, html: String, expected: [String])] = [
            ("report", try HTMLReportFormat().render(data),
             [Self.profileEscaped, Self.packTitleEscaped, Self.moduleTitleEscaped, Self.lessonTitleEscaped, Self.artifactTitleEscaped]),
            ("cohort", try CohortHTMLFormat().render(cohort),
             [Self.profileEscaped, Self.moduleTitleEscaped, Self.sourceEscaped]),
            ("portfolio", try PortfolioHTMLFormat().render(data),
             [Self.profileEscaped, Self.artifactTitleEscaped]),
        ]
        for page in pages {
            for markup in ["<script", "<img", "<svg onload", "<iframe", "<b>eve"] {
                #expect(!page.html.contains(markup), "\(page.name) contains \(markup)")
            }
            for text in page.expected {
                #expect(page.html.contains(text), "\(page.name) lacks \(text)")
            }
        }
    }
}
