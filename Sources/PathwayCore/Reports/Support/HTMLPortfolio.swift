import Foundation

/// A portfolio piece as an HTML `<article>`, shared by the progress report and the portfolio.
/// Built as ``HTML``: every text from the learner or a pack is escaped by construction. The
/// brief is the pack's Markdown (paragraphs, lists, emphasis, citations, see ``PackMarkdown``);
/// the learner's text is shown as written.
enum HTMLPortfolio {
    static func article(_ artifact: PortfolioArtifact, headingLevel: Int, citations: ReportCitations, timeZone: TimeZone) -> HTML {
        let h = HTML.trusted("h\(headingLevel)")
        let anchor = HTML.text(artifact.anchor)
        var html: HTML = "<article class=\"artifact\" aria-labelledby=\"\(anchor)\">\n"
        html += "<\(h) id=\"\(anchor)\">\(artifact.title)</\(h)>\n"
        let context = [artifact.moduleTitle, artifact.lessonTitle].compactMap { $0 }
        let contextText: HTML = context.isEmpty ? "" : "\(context.joined(separator: " · ")) · "
        html += "<p class=\"context\">\(contextText)\(Plural.count(artifact.words, "word")) · written \(HTMLDocument.day(artifact.savedAt, in: timeZone))</p>\n"
        if let prompt = artifact.prompt {
            html += "<div class=\"brief\">\n" + citations.html(blocks: prompt, pack: artifact.pack, lead: "<strong>Brief:</strong>") + "</div>\n"
        }
        html += "\(HTML.paragraphs(artifact.text))\n"
        if artifact.checklistTotal > 0 {
            html += "<p><strong>Self-check:</strong> \(artifact.checkedCount) of \(Plural.count(artifact.checklistTotal, "point")) covered</p>\n<ul class=\"checklist\">"
            html += artifact.checklist.map { entry -> HTML in
                "<li\(entry.checked ? HTML(" class=\"done\"") : "")>\(citations.html(line: entry.text, pack: artifact.pack))"
                    + "<span class=\"visually-hidden\"> (\(entry.checked ? "covered" : "not covered"))</span></li>"
            }.joined()
            html += "</ul>\n"
        }
        if !artifact.rubric.isEmpty {
            html += "<table class=\"rubric\"><caption>Self-assessment against the rubric</caption><thead><tr><th scope=\"col\">Criterion</th><th scope=\"col\">Self-score</th><th scope=\"col\">Levels</th></tr></thead><tbody>"
            html += artifact.rubric.map { score -> HTML in
                "<tr><th scope=\"row\">\(citations.html(line: score.criterion, pack: artifact.pack))</th><td>\(citations.html(line: score.summary, pack: artifact.pack))</td><td><ol>"
                    + score.levels.map { level -> HTML in "<li>\(citations.html(line: level, pack: artifact.pack))</li>" }.joined() + "</ol></td></tr>"
            }.joined()
            html += "</tbody></table>\n"
        }
        if let draft = artifact.firstDraft {
            html += "<details><summary>First version (before the model answer)</summary>\(HTML.paragraphs(draft))</details>\n"
        }
        return html + "</article>"
    }
}
