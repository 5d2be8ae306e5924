import Foundation
import Testing
@testable import PathwayCore

/// Inline citations (`[@key]`) in the texts a report shows: linked in HTML, "(Author Year)" in
/// Markdown, listed in full at the end, never shown raw, and only ever linked to a web address.
@Suite struct ReportCitationTests {
    static let manifest = """
    format: 1
    id: cited
    title: Cited pack
    version: 1.0.0
    authors: [Tester]
    description: A question and a reflection that cite their sources.
    license: CC0-1.0
    modules: [modules/m.yaml]
    references:
      - key: zinkevich-2016
        title: "Rules of Machine Learning: Best Practices for ML Engineering"
        authors: ["Martin Zinkevich"]
        year: 2016
        publisher: Google
        url: https://developers.google.com/machine-learning/guides/rules-of-ml
        kind: guide
      - key: offline-book
        title: "A Book Without an Address"
        authors: ["Ann Author"]
        year: 2020
        kind: book
    """

    static let lesson = """
    id: l1
    title: Cited lesson
    steps:
      - type: single_choice
        id: q1
        prompt: "Which launch comes first [@zinkevich-2016]?"
        choices:
          - text: The simplest model
            correct: true
          - text: The biggest model
        explanation: Start simple.
      - type: reflection
        id: r1
        artifact: Launch memo
        prompt: |
          Write a launch memo that follows the rules [@zinkevich-2016] and the book [@offline-book].

          Cover:
          - the **user** and their pain
          - the `metric` you will move
          - a first model

          1. Name the owner.
          2. Name the date.
        checklist: ["Names the user"]
    """

    static func library(_ directory: TemporaryDirectory) throws -> PackLibrary {
        try directory.write(manifest, to: "cited/pack.yaml")
        try directory.write("id: m\ntitle: Module\nlessons: [lessons/l1.yaml]\n", to: "cited/modules/m.yaml")
        try directory.write(lesson, to: "cited/lessons/l1.yaml")
        return PackLibrary.load([PackSource(folder: directory.url, origin: .option)])
    }

    static func progress() -> LearnerProgress {
        var progress = LearnerProgress(profile: "ada", now: ReportFixtures.t0)
        progress.lessons["cited/l1"] = ReportFixtures.lesson(started: 0)
        progress.items["cited/q1"] = ReportFixtures.item([ReportFixtures.attempt("The simplest model", true, at: 30)])
        progress.reflections["cited/r1"] = ReflectionRecord(artifact: "Launch memo", text: "My memo.", checked: [0],
                                                            savedAt: ReportFixtures.t0 + 60)
        return progress
    }

    static func report() throws -> (ReportData, TemporaryDirectory) {
        let directory = TemporaryDirectory()
        let library = try library(directory)
        #expect(library.packs.map(\.id) == ["cited"], "the crafted pack loads")
        return (ReportData(library: library, progress: progress(), now: ReportFixtures.t0 + 120, timeZone: ReportFixtures.utc), directory)
    }

    static let url = "https://developers.google.com/machine-learning/guides/rules-of-ml"

    @Test func theHTMLReportLinksCitationsInAQuestionAndABriefAndListsTheReferences() throws {
        let (data, directory) = try Self.report()
        defer { directory.remove() }
        #expect(data.references?.map(\.reference.key) == ["offline-book", "zinkevich-2016"])
        let html = try HTMLReportFormat().render(data)
        let link = "(<a class=\"cite\" href=\"\(Self.url)\">Zinkevich 2016</a>)"
        // In the answers table (the question's prompt) and in the portfolio (the brief).
        #expect(html.contains("Which launch comes first \(link)?"))
        #expect(html.contains("follows the rules \(link) and the book (<a class=\"cite\" href=\"#ref-cited_offline-book\">Author 2020</a>)"))
        // The reference list: every work in full, with its address; the one without an address is the anchor's target.
        #expect(html.contains("<section id=\"references\""))
        #expect(html.contains("<li id=\"ref-cited_zinkevich-2016\">Martin Zinkevich (2016). Rules of Machine Learning: Best Practices for ML Engineering. Google. <a href=\"\(Self.url)\">\(Self.url)</a></li>"))
        #expect(html.contains("<li id=\"ref-cited_offline-book\">Ann Author (2020). A Book Without an Address.</li>"))
        #expect(html.contains("<a href=\"#references\">References</a>"))
        #expect(!html.contains("[@"))
        let portfolio = try PortfolioHTMLFormat().render(data)
        #expect(portfolio.contains(link))
        #expect(portfolio.contains("<li id=\"ref-cited_offline-book\">"))
        #expect(!portfolio.contains("[@"))
    }

    @Test func markdownShowsAuthorAndYearAndListsTheReferences() throws {
        let (data, directory) = try Self.report()
        defer { directory.remove() }
        for markdown in [try MarkdownReportFormat().render(data), try PortfolioMarkdownFormat().render(data)] {
            #expect(markdown.contains("follows the rules (Zinkevich 2016) and the book (Author 2020)"))
            #expect(markdown.contains("## References"))
            #expect(markdown.contains("- Martin Zinkevich (2016). Rules of Machine Learning: Best Practices for ML Engineering. Google. <\(Self.url)>"))
            #expect(!markdown.contains("[@") && !markdown.contains("\\[@"))
        }
    }

    @Test func theJSONCarriesTheCitedReferencesAndKeepsThePromptAsWritten() throws {
        let (data, directory) = try Self.report()
        defer { directory.remove() }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try JSONReportFormat().render(data).utf8)) as? [String: Any])
        let references = try #require(object["references"] as? [[String: Any]])
        #expect(references.compactMap { $0["pack"] as? String } == ["cited", "cited"])
        #expect(references.compactMap { ($0["reference"] as? [String: Any])?["url"] as? String } == [Self.url])
        #expect(try JSONReportFormat().render(data).contains("Which launch comes first [@zinkevich-2016]?"))
    }

    @Test func anUnknownKeyNeverReachesTheOutputRaw() throws {
        var (data, directory) = try Self.report()
        defer { directory.remove() }
        data.portfolio[0].prompt = "Write it [@no-such-work] and again [@zinkevich-2016; @no-such-work]."
        let html = try HTMLReportFormat().render(data)
        #expect(!html.contains("no-such-work"))
        #expect(html.contains("Write it (source not listed) and again (<a class=\"cite\" href=\"\(Self.url)\">Zinkevich 2016</a>; source not listed)."))
        for markdown in [try MarkdownReportFormat().render(data), try PortfolioMarkdownFormat().render(data)] {
            #expect(!markdown.contains("no-such-work"))
            #expect(markdown.contains("Write it (source not listed)"))
        }
    }

    @Test func onlyWebAddressesBecomeLinks() throws {
        var (data, directory) = try Self.report()
        defer { directory.remove() }
        let hostile = ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
                       "https://x.example/\"onmouseover=alert(1)", "http://", "//evil.example/", "vbscript:msgbox(1)",
                       " https://ok.example/"]
        for address in hostile {
            #expect(WebAddress(address) == nil, "\(address) is refused")
            data.references = data.references?.map { entry in
                var entry = entry
                if entry.reference.key == "zinkevich-2016" { entry.reference.url = address }
                return entry
            }
            for html in [try HTMLReportFormat().render(data), try PortfolioHTMLFormat().render(data)] {
                #expect(!html.lowercased().contains("javascript:") && !html.contains("data:text") && !html.contains("vbscript"))
                #expect(!html.contains("onmouseover=alert") || !html.contains("href=\"https://x.example/"))
                // The citation still leads somewhere: to the reference's entry in the list.
                #expect(html.contains("<a class=\"cite\" href=\"#ref-cited_zinkevich-2016\">Zinkevich 2016</a>"))
            }
        }
        #expect(WebAddress("https://example.org/a?b=c&d=e#f")?.description == "https://example.org/a?b=c&d=e#f")
        #expect(WebAddress("HTTP://EXAMPLE.ORG") != nil)
    }
}

extension ReportCitationTests {
    @Test func theCohortReportLinksCitationsInItsQuestionsAndListsTheReferences() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let library = try Self.library(directory)
        var other = Self.progress()
        other.profile = "bo"
        other.items["cited/q1"] = ReportFixtures.item([ReportFixtures.attempt("The biggest model", false, at: 40)])
        let report = CohortReport(library: library, learners: [.init(source: "ada.json", progress: Self.progress()),
                                                               .init(source: "bo.json", progress: other)],
                                  now: ReportFixtures.t0 + ReportFixtures.day)
        #expect(report.references?.map(\.reference.key) == ["zinkevich-2016"])
        let html = try CohortHTMLFormat().render(report)
        #expect(html.contains("Which launch comes first (<a class=\"cite\" href=\"\(Self.url)\">Zinkevich 2016</a>)? (q1)"))
        #expect(html.contains("<li id=\"ref-cited_zinkevich-2016\">Martin Zinkevich (2016)."))
        #expect(html.contains("generated <time datetime=\"2026-01-06T09:00:00.000Z\">6 January 2026, 09:00 (UTC)</time>"))
        #expect(!html.contains("[@"))
    }

    /// Two packs' works whose pack id and key would join into one name keep two list entries,
    /// each cited by a link to its own (`ai` with `pm-notes`, `ai-pm` with `notes`).
    @Test func packAndKeyJoinIntoOneAnchorEach() {
        let first = CitedReference(pack: "ai", reference: Reference(key: "pm-notes", title: "First", authors: ["Ann Author"], year: 2020, kind: .book))
        let second = CitedReference(pack: "ai-pm", reference: Reference(key: "notes", title: "Second", authors: ["Bo Writer"], year: 2021, kind: .book))
        let citations = ReportCitations([first, second])
        let html = (citations.html(line: "See [@pm-notes].", pack: "ai") + citations.html(line: "See [@notes].", pack: "ai-pm")).markup
        let list = citations.htmlList().markup
        let ids = list.components(separatedBy: "<li id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(ids.count == 2 && Set(ids).count == 2)
        for id in ids { #expect(html.contains("href=\"#\(id)\"")) }
    }
}
