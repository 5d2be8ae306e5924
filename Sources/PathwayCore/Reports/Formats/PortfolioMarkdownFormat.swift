import Foundation

/// The learner's portfolio as Markdown: each artifact with its brief, the text as written and
/// the self-check it was held to.
public struct PortfolioMarkdownFormat: ReportFormat {
    public let id = "md"
    public let fileExtension = "md"
    public let summary = "Markdown"

    public init() {}

    public func render(_ data: ReportData) throws -> String {
        let timeZone = ReportText.timeZone(data.timeZone)
        let citations = ReportCitations(data.references ?? [])
        var lines = ["# Portfolio: \(MarkdownText.inline(data.profile))", "",
                     "Work written while learning with Pathway (\(Plural.count(data.portfolio.count, "piece")), "
                     + "\(ReportText.readableDate(data.generatedAt, in: timeZone))).", ""]
        if data.portfolio.isEmpty { lines += ["No portfolio pieces written yet.", ""] }
        for artifact in data.portfolio {
            lines += ["## \(MarkdownText.inline(artifact.title))", ""]
            let context = [artifact.moduleTitle, artifact.lessonTitle].compactMap { $0 }.map(MarkdownText.inline)
            lines += ["*" + (context.isEmpty ? "" : context.joined(separator: " · ") + " · ")
                      + "\(Plural.count(artifact.words, "word")) · written \(ReportText.readableDate(artifact.savedAt, in: timeZone))*", ""]
            lines += Self.briefLines(artifact, citations: citations)
            lines += [MarkdownText.block(artifact.text), ""]
            if artifact.checklistTotal > 0 {
                lines += ["Self-check: \(artifact.checkedCount) of \(Plural.count(artifact.checklistTotal, "point")) covered", ""]
                lines += artifact.checklist.map {
                    "- [\($0.checked ? "x" : " ")] \(citations.markdown(PackMarkdown.oneLine($0.text), pack: artifact.pack))"
                } + [""]
            }
            lines += PortfolioMarkdownFormat.rubricLines(artifact, citations: citations)
        }
        let skills = data.skills.filter { $0.itemsSeen > 0 }.map { MarkdownText.inline(SkillLevel.name(of: $0.skill)) }
        if !skills.isEmpty { lines += ["## Skills practised", "", skills.joined(separator: ", "), ""] }
        lines += citations.markdownList()
        return lines.joined(separator: "\n")
    }

    /// The brief as a block quote that keeps its paragraphs and lists, or nothing.
    static func briefLines(_ artifact: PortfolioArtifact, citations: ReportCitations) -> [String] {
        guard let prompt = artifact.prompt else { return [] }
        let body = citations.markdown(blocks: prompt, pack: artifact.pack)
        return (["**Brief:**", ""] + body).map { $0.isEmpty ? ">" : "> " + $0 } + [""]
    }

    /// The rubric with the learner's self-scores, and the first draft when the text was revised.
    static func rubricLines(_ artifact: PortfolioArtifact, citations: ReportCitations) -> [String] {
        func cell(_ text: String) -> String { citations.markdown(PackMarkdown.oneLine(text), pack: artifact.pack, inTable: true) }
        var lines: [String] = []
        if !artifact.rubric.isEmpty {
            lines += ["Self-assessment against the rubric:", "", "| Criterion | Self-score | Levels |", "|---|---|---|"]
            lines += artifact.rubric.map { score in
                "| \(cell(score.criterion)) | \(cell(score.summary)) | "
                    + score.levels.enumerated().map { "\($0.offset + 1). \(cell($0.element))" }.joined(separator: "<br>") + " |"
            } + [""]
        }
        if let draft = artifact.firstDraft {
            lines += ["First version (before the model answer):", "", MarkdownText.block(draft), ""]
        }
        return lines
    }
}
