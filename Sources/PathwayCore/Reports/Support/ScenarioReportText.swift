/// How scenarios appear in the Markdown and HTML reports: one row per case with its first and
/// best runs, and the path of the first run.
enum ScenarioReportText {
    static func percent(_ score: Double) -> String { "\(Int((score * 100).rounded()))%" }

    static func runSummary(_ run: ScenarioRunReport?) -> String {
        guard let run else { return "not finished" }
        return "\(percent(run.score)) (run \(run.number))"
    }

    /// The path as HTML, each decision's text with its citations resolved.
    static func pathHTML(_ run: ScenarioRunReport?, pack: String, citations: ReportCitations) -> HTML {
        guard let run else { return "–" }
        return run.decisions.map { decision -> HTML in
            "\(citations.html(line: decision.text, pack: pack)) (\(percent(decision.score)))"
        }.joined(separator: " → ")
    }

    static func pathMarkdown(_ run: ScenarioRunReport?, pack: String, citations: ReportCitations) -> String {
        guard let run else { return "–" }
        return run.decisions.map { "\(citations.markdown(PackMarkdown.oneLine($0.text), pack: pack, inTable: true)) (\(percent($0.score)))" }
            .joined(separator: " → ")
    }

    static func markdown(_ scenarios: [ScenarioReport], citations: ReportCitations) -> [String] {
        guard !scenarios.isEmpty else { return [] }
        var lines = ["## Cases", "", "| Case | Runs | First run | Best run | Counts towards mastery | Path of the first run |", "|---|---|---|---|---|---|"]
        for case_ in scenarios {
            lines.append("| \(MarkdownText.inline(case_.title)) | \(case_.runs.filter { $0.finishedAt != nil }.count) | \(runSummary(case_.first)) | "
                         + "\(runSummary(case_.best)) | \(percent(case_.masteryScore)) | \(pathMarkdown(case_.first, pack: case_.pack, citations: citations)) |")
        }
        return lines + [""]
    }

    static func html(_ scenarios: [ScenarioReport], citations: ReportCitations) -> HTML {
        guard !scenarios.isEmpty else { return "<p>No cases played yet.</p>\n" }
        return HTMLDocument.table(
            caption: nil, header: ["Case", "Runs", "First run", "Best run", "Counts towards mastery", "Path of the first run"],
            rows: scenarios.map { case_ in
                ["\(case_.title)", "\(case_.runs.filter { $0.finishedAt != nil }.count)", "\(runSummary(case_.first))",
                 "\(runSummary(case_.best))", "\(percent(case_.masteryScore))", pathHTML(case_.first, pack: case_.pack, citations: citations)]
            }, numeric: [1]) + "\n"
    }
}
