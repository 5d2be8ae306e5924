/// The learner's portfolio as Markdown: each artifact with its brief, the text as written and
/// the self-check it was held to.
public struct PortfolioMarkdownFormat: ReportFormat {
    public let id = "md"
    public let fileExtension = "md"
    public let summary = "Markdown"

    public init() {}

    public func render(_ data: ReportData) throws -> String {
        var lines = ["# Portfolio: \(MarkdownText.inline(data.profile))", "",
                     "Work written while learning with Pathway (\(data.portfolio.count) piece\(data.portfolio.count == 1 ? "" : "s"), "
                     + "\(ReportText.timestamp(data.generatedAt).prefix(10))).", ""]
        if data.portfolio.isEmpty { lines += ["No portfolio pieces written yet.", ""] }
        for artifact in data.portfolio {
            lines += ["## \(MarkdownText.inline(artifact.title))", ""]
            let context = [artifact.moduleTitle, artifact.lessonTitle].compactMap { $0 }.map(MarkdownText.inline)
            lines += ["*" + (context.isEmpty ? "" : context.joined(separator: " · ") + " · ")
                      + "\(artifact.words) words · written \(ReportText.timestamp(artifact.savedAt).prefix(10))*", ""]
            if let prompt = artifact.prompt {
                lines += ["> **Brief:** \(MarkdownText.inline(HTMLReportFormat.plain(prompt)))", ""]
            }
            lines += [MarkdownText.block(artifact.text), ""]
            if artifact.checklistTotal > 0 {
                lines += ["Self-check: \(artifact.checkedCount) of \(artifact.checklistTotal) points covered", ""]
                lines += artifact.checklist.map { "- [\($0.checked ? "x" : " ")] \(MarkdownText.inline($0.text))" } + [""]
            }
            lines += PortfolioMarkdownFormat.rubricLines(artifact)
        }
        let skills = data.skills.filter { $0.itemsSeen > 0 }.map { MarkdownText.inline($0.skill) }
        if !skills.isEmpty { lines += ["## Skills practised", "", skills.joined(separator: ", "), ""] }
        return lines.joined(separator: "\n")
    }

    /// The rubric with the learner's self-scores, and the first draft when the text was revised.
    static func rubricLines(_ artifact: PortfolioArtifact) -> [String] {
        var lines: [String] = []
        if !artifact.rubric.isEmpty {
            lines += ["Self-assessment against the rubric:", "", "| Criterion | Self-score | Levels |", "|---|---|---|"]
            lines += artifact.rubric.map { score in
                "| \(MarkdownText.inline(score.criterion)) | \(MarkdownText.inline(score.summary)) | "
                    + score.levels.enumerated().map { "\($0.offset + 1). \(MarkdownText.inline($0.element))" }.joined(separator: "<br>") + " |"
            } + [""]
        }
        if let draft = artifact.firstDraft {
            lines += ["First version (before the model answer):", "", MarkdownText.block(draft), ""]
        }
        return lines
    }
}
