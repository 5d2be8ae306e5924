/// How scenarios appear in the Markdown and HTML reports: one row per case with its first and
/// best runs, and the path of the first run.
enum ScenarioReportText {
    static func percent(_ score: Double) -> String { "\(Int((score * 100).rounded()))%" }

    static func runSummary(_ run: ScenarioRunReport?) -> String {
        guard let run else { return "not finished" }
        return "\(percent(run.score)) (run \(run.number))"
    }

    static func path(_ run: ScenarioRunReport?) -> String {
        guard let run else { return "–" }
        return run.decisions.map { "\($0.text) (\(percent($0.score)))" }.joined(separator: " → ")
    }

    static func markdown(_ scenarios: [ScenarioReport]) -> [String] {
        guard !scenarios.isEmpty else { return [] }
        var lines = ["## Cases", "", "| Case | Runs | First run | Best run | Counts towards mastery | Path of the first run |", "|---|---|---|---|---|---|"]
        for case_ in scenarios {
            lines.append("| \(MarkdownText.inline(case_.title)) | \(case_.runs.filter { $0.finishedAt != nil }.count) | \(runSummary(case_.first)) | "
                         + "\(runSummary(case_.best)) | \(percent(case_.masteryScore)) | \(MarkdownText.inline(path(case_.first))) |")
        }
        return lines + [""]
    }

    static func html(_ scenarios: [ScenarioReport]) -> HTML {
        guard !scenarios.isEmpty else { return "<p>No cases played yet.</p>\n" }
        return HTMLDocument.table(
            caption: nil, header: ["Case", "Runs", "First run", "Best run", "Counts towards mastery", "Path of the first run"],
            rows: scenarios.map { case_ in
                ["\(case_.title)", "\(case_.runs.filter { $0.finishedAt != nil }.count)", "\(runSummary(case_.first))",
                 "\(runSummary(case_.best))", "\(percent(case_.masteryScore))", "\(path(case_.first))"]
            }, numeric: [1]) + "\n"
    }
}
