/// A portfolio piece as an HTML `<article>`, shared by the progress report and the portfolio.
enum HTMLPortfolio {
    static func article(_ artifact: PortfolioArtifact, headingLevel: Int) -> String {
        let h = "h\(headingLevel)"
        var html = "<article class=\"artifact\" aria-labelledby=\"artifact-\(HTMLText.escape(artifact.pack))-\(HTMLText.escape(artifact.step))\">\n"
        html += "<\(h) id=\"artifact-\(HTMLText.escape(artifact.pack))-\(HTMLText.escape(artifact.step))\">\(HTMLText.escape(artifact.title))</\(h)>\n"
        let context = [artifact.moduleTitle, artifact.lessonTitle].compactMap { $0 }
        html += "<p class=\"context\">" + (context.isEmpty ? "" : HTMLText.escape(context.joined(separator: " · ")) + " · ")
            + "\(artifact.words) words · written \(HTMLText.escape(String(ReportText.timestamp(artifact.savedAt).prefix(10))))</p>\n"
        if let prompt = artifact.prompt {
            html += "<p><strong>Brief:</strong> \(HTMLText.escape(HTMLReportFormat.plain(prompt)))</p>\n"
        }
        html += HTMLText.paragraphs(artifact.text) + "\n"
        if artifact.checklistTotal > 0 {
            html += "<p><strong>Self-check:</strong> \(artifact.checkedCount) of \(artifact.checklistTotal) points covered</p>\n<ul class=\"checklist\">"
            html += artifact.checklist.map { entry in
                "<li\(entry.checked ? " class=\"done\"" : "")>\(HTMLText.escape(entry.text))"
                    + "<span class=\"visually-hidden\"> (\(entry.checked ? "covered" : "not covered"))</span></li>"
            }.joined()
            html += "</ul>\n"
        }
        if !artifact.rubric.isEmpty {
            html += "<table class=\"rubric\"><caption>Self-assessment against the rubric</caption><thead><tr><th scope=\"col\">Criterion</th><th scope=\"col\">Self-score</th><th scope=\"col\">Levels</th></tr></thead><tbody>"
            html += artifact.rubric.map { score in
                "<tr><th scope=\"row\">\(HTMLText.escape(score.criterion))</th><td>\(HTMLText.escape(score.summary))</td><td><ol>"
                    + score.levels.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ol></td></tr>"
            }.joined()
            html += "</tbody></table>\n"
        }
        if let draft = artifact.firstDraft {
            html += "<details><summary>First version (before the model answer)</summary>\(HTMLText.paragraphs(draft))</details>\n"
        }
        return html + "</article>"
    }
}
