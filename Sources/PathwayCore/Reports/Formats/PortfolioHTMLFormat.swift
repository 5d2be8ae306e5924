/// The learner's portfolio as one self-contained HTML page, ready to send to an employer:
/// each artifact with its brief, the text as written and the self-check it was held to.
public struct PortfolioHTMLFormat: ReportFormat {
    public let id = "html"
    public let fileExtension = "html"
    public let summary = "one self-contained HTML page, printable"

    public init() {}

    public func render(_ data: ReportData) throws -> String {
        let timeZone = ReportText.timeZone(data.timeZone)
        let citations = ReportCitations(data.references ?? [])
        var body: HTML = "<header><h1>Portfolio: \(data.profile)</h1>\n<p class=\"meta\">Work written while learning with Pathway"
            + " · \(Plural.count(data.portfolio.count, "piece")) · "
            + HTMLDocument.day(data.generatedAt, in: timeZone) + "</p></header>\n<main>\n"
        if data.portfolio.isEmpty {
            body += "<p>No portfolio pieces written yet.</p>\n"
        } else {
            body += "<nav aria-label=\"Contents\"><h2>Contents</h2><ol>"
                + data.portfolio.map { piece -> HTML in "<li><a href=\"#\(piece.anchor)\">\(piece.title)</a></li>" }.joined()
                + "</ol></nav>\n"
            body += data.portfolio.map { HTMLPortfolio.article($0, headingLevel: 2, citations: citations, timeZone: timeZone) }.joined(separator: "\n") + "\n"
        }
        let skills = data.skills.filter { $0.itemsSeen > 0 }.map { SkillLevel.name(of: $0.skill) }
        if !skills.isEmpty {
            body += "<section aria-labelledby=\"skills-h\"><h2 id=\"skills-h\">Skills practised</h2><p>"
                + skills.map(HTML.text).joined(separator: ", ") + "</p></section>\n"
        }
        body += citations.htmlList()
        body += "</main>\n<footer>Made with Pathway.</footer>"
        return HTMLDocument.page(title: "Portfolio: \(data.profile)", body: body)
    }
}
