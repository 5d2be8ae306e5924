import Foundation
import Testing
@testable import PathwayCore

/// Markdown, HTML and JSON reports: their content, and hostile text kept as text.
@Suite struct ReportFormatTests {
    static let hostileFragments = ["<script", "<img", "<iframe", "<svg onload", "<b>", "<i>skill", "alert(1)>", "alert(2)>", "alert(3)>"]

    @Test func theRegistryListsEveryFormatOnceAndFindsThemByID() throws {
        #expect(ReportRegistry.standard.ids == ["md", "html", "json", "csv", "xapi"])
        #expect(ReportRegistry.portfolio.ids == ["md", "html"])
        #expect(ReportRegistry.standard.format(id: "HTML")?.fileExtension == "html")
        #expect(ReportRegistry.standard.format(id: "pdf") == nil)
        var registry = ReportRegistry.standard
        registry.register(XAPIReportFormat(configuration: XAPIConfiguration(baseIRI: "https://lrs.example/a")))
        #expect(registry.ids.count == 5)
        let xapi = try #require(registry.format(id: "xapi") as? XAPIReportFormat)
        #expect(xapi.configuration.baseIRI == "https://lrs.example/a/")
    }

    @Test(arguments: ReportRegistry.standard.ids)
    func everyFormatRendersEmptyAndFullProgress(id: String) throws {
        let format = try #require(ReportRegistry.standard.format(id: id))
        let empty = ReportData(library: Fixtures.sampleLibrary(), progress: LearnerProgress(profile: "new", now: ReportFixtures.t0),
                               now: ReportFixtures.t0)
        #expect(!(try format.render(empty)).isEmpty)
        #expect(!(try format.render(ReportFixtures.sampleReport())).isEmpty)
    }

    @Test func markdownHasTheSectionsFiguresAndAnswers() throws {
        let text = try MarkdownReportFormat().render(ReportFixtures.sampleReport(forecast: ReviewForecast(dueNow: 1, dueWithin7Days: 4, dueWithin30Days: 6)))
        for heading in ["# Progress report: ada", "## Summary", "## Review forecast", "## Progress by track", "### First track",
                        "## Skills", "## Strongest and weakest topics", "## Activity", "## Answers", "## Portfolio", "### Product note"] {
            #expect(text.contains("\n\(heading)\n") || text.hasPrefix(heading + "\n"), "missing \(heading)")
        }
        #expect(text.contains("| Lessons completed | 1 of 3 |"))
        #expect(text.contains("| Right on the first try | 3 (60%) |"))
        #expect(text.contains("| Basics | in progress | 1/2 | 5/5 | 60% |"))
        #expect(text.contains("| More | locked: finish First track first | 0/1 | 0/1 | – |"))
        #expect(text.contains("| 2026-01-05 | 5 | 3 | 1 min | 1 |"))
        #expect(text.contains("| 1 | 4 | 6 |"))
        #expect(text.contains("| intro-q1 | 1 | Carrot | wrong | 12.5 | 1 |"))
        #expect(text.contains("- [x] Names the product"))
        #expect(text.contains("- [ ] Says why"))
        // The tricky answer stays on one table row, its pipe-free text escaped.
        #expect(text.contains("| pre,\"cision\" line two ü 🎉 &lt;script&gt;alert(\"x\")&lt;/script&gt; | wrong |"))
    }

    @Test func markdownEscapesHostilePackAndLearnerText() throws {
        for format in [MarkdownReportFormat() as any ReportFormat, PortfolioMarkdownFormat()] {
            let text = try format.render(ReportFixtures.hostileReport())
            #expect(Self.hostileFragments.filter { text.contains($0) } == [], "\(format.id)")
            #expect(text.contains("&lt;script&gt;alert(\"mine\")&lt;/script&gt;"))
        }
        let report = try MarkdownReportFormat().render(ReportFixtures.hostileReport())
        // A pipe in a title cannot split a table cell.
        #expect(report.contains("Module \"one\" &lt;b&gt;bold&lt;/b&gt; &amp; 'apos' \\| pipe"))
    }

    @Test(arguments: [("a|b", "a\\|b"), ("*x* _y_", "\\*x\\* \\_y\\_"), ("line\nbreak", "line break"), ("<a href=x>", "&lt;a href=x&gt;"),
                      ("[link](javascript:x)", "\\[link\\](javascript:x)"), ("`code`", "\\`code\\`")])
    func markdownInlineEscaping(input: String, expected: String) {
        #expect(MarkdownText.inline(input) == expected)
    }

    @Test func markdownBlocksKeepParagraphsButNoListsOrHTML() {
        #expect(MarkdownText.block("- not a list\n1. not numbered\n\nnext <b>") == "\\- not a list\\\n1\\. not numbered\n\nnext &lt;b&gt;")
    }

    // MARK: HTML

    static let htmlDocuments: [(String, @Sendable () throws -> String)] = [
        ("report", { try HTMLReportFormat().render(ReportFixtures.hostileReport()) }),
        ("portfolio", { try PortfolioHTMLFormat().render(ReportFixtures.hostileReport()) }),
        ("sample report", { try HTMLReportFormat().render(ReportFixtures.sampleReport(forecast: ReviewForecast(dueNow: 1, dueWithin7Days: 2, dueWithin30Days: 3))) }),
    ]

    @Test(arguments: htmlDocuments.map(\.0))
    func htmlIsOneSelfContainedAccessibleDocumentWithEveryTextEscaped(name: String) throws {
        let html = try #require(Self.htmlDocuments.first { $0.0 == name }).1()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        #expect(html.contains("@media print"))
        #expect(html.components(separatedBy: "<h1>").count == 2)
        // Nothing is fetched: no scripts, no external style sheets, images or fonts.
        let lowercased = html.lowercased()
        #expect(["<script", "<link", "src=\"http", "href=\"http", "url(http", "@import"].filter { lowercased.contains($0) } == [])
        #expect(Self.hostileFragments.filter { html.contains($0) } == [])
        // Every chart is an image with a name and a description.
        let charts = html.components(separatedBy: "<svg ").dropFirst()
        for chart in charts {
            #expect(chart.hasPrefix("class=\"chart\""))
            #expect(chart.contains("role=\"img\" aria-label=\""))
            #expect(chart.contains("<title>") && chart.contains("<desc id="))
        }
    }

    @Test func htmlReportHasChartsForProgressSkillsActivityAndReview() throws {
        let html = try HTMLReportFormat().render(ReportFixtures.sampleReport(forecast: ReviewForecast(dueNow: 1, dueWithin7Days: 2, dueWithin30Days: 3)))
        for id in ["chart-tracks", "chart-track-1", "chart-track-2", "chart-skills", "chart-activity", "chart-review"] {
            #expect(html.contains("aria-describedby=\"\(id)-desc\""), "missing \(id)")
        }
        for section in ["summary", "tracks", "skills", "topics", "activity", "review", "answers", "portfolio"] {
            #expect(html.contains("<section id=\"\(section)\" aria-labelledby=\"\(section)-h\"><h2 id=\"\(section)-h\">"))
        }
        #expect(html.contains("<dt>Right on the first try</dt><dd>60%</dd>"))
        #expect(html.contains("<li><strong>Basics</strong>: 60% right on the first try (5 questions)</li>"))
        #expect(html.contains("1 due now, 2 within 7 days, 3 within 30 days."))
        // Two active days and the report day (2026-01-08) make a four-day activity chart.
        #expect(html.contains("8 answers over 4 days from 2026-01-05 to 2026-01-08"))
        #expect(html.contains("pre,&quot;cision&quot;\r\nline two ü 🎉 &lt;script&gt;"))
        #expect(html.contains("<p>My bike, &quot;fast&quot; &amp; &lt;b&gt;cheap&lt;/b&gt;.</p>\n<p>Second paragraph.</p>"))
    }

    @Test func htmlAttributesCannotBeBrokenOutOf() throws {
        let html = try HTMLReportFormat().render(ReportFixtures.hostileReport())
        #expect(html.contains("aria-label=\"Lessons completed per module: &lt;script&gt;alert(&#39;pack&#39;)&lt;/script&gt; &amp; &quot;Quotes&quot;\""))
        #expect(HTML.text("a\"b'c<d>e&f\u{1B}g").markup == "a&quot;b&#39;c&lt;d&gt;e&amp;f\u{FFFD}g")
    }

    @Test func activityChartShowsAtMostTheLatestDaysWithZerosBetween() {
        var report = ReportFixtures.sampleReport()
        report.activity = [DayActivity(date: "2025-10-01", attempts: 1, correct: 1, seconds: 1, lessonsCompleted: 0),
                           DayActivity(date: "2026-01-06", attempts: 4, correct: 1, seconds: 1, lessonsCompleted: 0)]
        let days = HTMLReportFormat.recentDays(report, limit: 60)
        #expect(days.count == 60)
        #expect(days.last?.date == "2026-01-08")
        #expect(days.first { $0.date == "2026-01-06" }?.attempts == 4)
        #expect(days.filter { $0.attempts == 0 }.count == 59)
        // Activity long before the report is charted up to its last day, not as a blank window.
        report.generatedAt = ReportFixtures.t0 + 300 * ReportFixtures.day
        let old = HTMLReportFormat.recentDays(report, limit: 60)
        #expect(old.last?.date == "2026-01-06")
        #expect(old.count == 60)
        report.activity = [DayActivity(date: "2026-01-02", attempts: 2, correct: 1, seconds: 1, lessonsCompleted: 0)]
        #expect(HTMLReportFormat.recentDays(report, limit: 60).map(\.date) == ["2026-01-02"])
    }

    // MARK: JSON

    static let schemaFile = Fixtures.repository.appending(path: "docs/report-schema.json")

    @Test func jsonHasTheDocumentedTopLevelKeysAndSchemaVersion() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaFile)) as? [String: Any])
        let required = try #require(schema["required"] as? [String])
        let properties = try #require(schema["properties"] as? [String: Any])
        let version = try #require((properties["reportSchemaVersion"] as? [String: Any])?["const"] as? Int)
        #expect(version == ReportData.schemaVersion)
        for report in [ReportFixtures.sampleReport(forecast: ReviewForecast(dueNow: 0, dueWithin7Days: 1, dueWithin30Days: 1)),
                       ReportFixtures.sampleReport()] {
            let text = try JSONReportFormat().render(report)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let keys = Set(object.keys)
            #expect(Set(required).isSubset(of: keys))
            #expect(keys.isSubset(of: Set(properties.keys)), "undocumented keys: \(keys.subtracting(properties.keys))")
            #expect(object["reportSchemaVersion"] as? Int == version)
        }
    }

    @Test func jsonNestedObjectsUseOnlyDocumentedKeys() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaFile)) as? [String: Any])
        let defs = try #require(schema["$defs"] as? [String: [String: Any]])
        func keys(_ def: String) -> Set<String> { Set((defs[def]?["properties"] as? [String: Any])?.keys.map { $0 } ?? []) }
        let text = try JSONReportFormat().render(ReportFixtures.sampleReport())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let track = try #require((object["tracks"] as? [[String: Any]])?.first)
        let module = try #require((track["modules"] as? [[String: Any]])?.first)
        let lesson = try #require((module["lessons"] as? [[String: Any]])?.first)
        let question = try #require((lesson["questions"] as? [[String: Any]])?.first)
        let attempt = try #require((question["attempts"] as? [[String: Any]])?.first)
        let artifact = try #require((object["portfolio"] as? [[String: Any]])?.first)
        for (def, value) in [("track", track), ("module", module), ("lesson", lesson), ("question", question),
                             ("attempt", attempt), ("artifact", artifact)] {
            #expect(Set(value.keys).isSubset(of: keys(def)), "\(def): \(Set(value.keys).subtracting(keys(def)))")
        }
        #expect(attempt["at"] as? String == "2026-01-05T09:01:00Z")
        // The JSON reads back into the same figures.
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(ReportData.self, from: Data(text.utf8))
        #expect(decoded.summary == ReportFixtures.sampleReport().summary)
        #expect(decoded.portfolio == ReportFixtures.sampleReport().portfolio)
    }

    @Test func jsonValidatesAgainstTheSchemaWithPythonsJSONSchema() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var files: [String] = []
        let (cited, citedDirectory) = try ReportCitationTests.report()
        defer { citedDirectory.remove() }
        #expect(cited.references?.isEmpty == false)
        for (name, report) in [("sample", ReportFixtures.sampleReport(forecast: ReviewForecast(dueNow: 1, dueWithin7Days: 2, dueWithin30Days: 3))),
                               ("hostile", ReportFixtures.hostileReport()), ("cited", cited)] {
            let file = directory.url.appending(path: "\(name).json")
            try Data(try JSONReportFormat().render(report).utf8).write(to: file)
            files.append(file.path)
        }
        let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        for path in sys.argv[2:]:
            for error in validator.iter_errors(json.load(open(path))):
                print(path, error.json_path, error.message)
        """
        guard let (status, output) = try PythonOracle.run(script, [Self.schemaFile.path] + files) else { return }
        #expect(status == 0)
        #expect(output == "")
    }

    /// Pack `a-b` step `c` and pack `a` step `b-c` are two pieces with two anchors, and every
    /// entry of the contents leads to exactly one of them.
    @Test func portfolioAnchorsAreOnePerPieceWhateverTheIds() throws {
        var progress = LearnerProgress(profile: "ada", now: ReportFixtures.t0)
        progress.reflections["a-b/c"] = ReflectionRecord(artifact: "First", text: "One.", checked: [], savedAt: ReportFixtures.t0)
        progress.reflections["a/b-c"] = ReflectionRecord(artifact: "Second", text: "Two.", checked: [], savedAt: ReportFixtures.t0)
        let data = ReportData(library: Fixtures.sampleLibrary(), progress: progress, now: ReportFixtures.t0)
        #expect(data.portfolio.count == 2)
        let html = try PortfolioHTMLFormat().render(data)
        let ids = html.matches(of: /<h2 id="(artifact-[^"]*)"/).map { String($0.output.1) }
        let links = html.matches(of: /<a href="#(artifact-[^"]*)"/).map { String($0.output.1) }
        #expect(ids.count == 2 && Set(ids).count == 2)
        #expect(links.sorted() == ids.sorted())
    }
}
