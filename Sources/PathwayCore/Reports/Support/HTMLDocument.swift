import Foundation

/// The page around every HTML report: one self-contained file with its style sheet inline,
/// no scripts and no network (a Content-Security-Policy forbids loading anything), readable
/// on screen and on paper.
enum HTMLDocument {
    /// A complete document. `title` is plain text; `body` is markup built as ``HTML``.
    static func page(title: String, body: HTML) -> String {
        let page: HTML = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="generator" content="Pathway">
        <title>\(title)</title>
        <style>
        \(HTML.trusted(styleSheet))
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
        return page.markup
    }

    /// `date` for a reader (`text`), with its exact UTC time in a `<time datetime>` attribute.
    static func time(_ date: Date, _ text: String) -> HTML {
        "<time datetime=\"\(ReportText.timestamp(date))\">\(text)</time>"
    }

    /// `date` as a readable day in `timeZone`, in a `<time>` element.
    static func day(_ date: Date, in timeZone: TimeZone) -> HTML { time(date, ReportText.readableDate(date, in: timeZone)) }

    /// A table: `header` cells (text), then rows of ``HTML`` cells, whose text is escaped by
    /// construction. Columns named in `numeric` are right-aligned.
    static func table(caption: String?, header: [String], rows: [[HTML]], numeric: Set<Int> = []) -> HTML {
        var html: HTML = "<table>"
        if let caption { html += "<caption>\(caption)</caption>" }
        html += "<thead><tr>" + header.enumerated().map { index, cell -> HTML in
            "<th scope=\"col\"\(numeric.contains(index) ? HTML(" class=\"num\"") : "")>\(cell)</th>"
        }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
            html += "<tr>" + row.enumerated().map { index, cell -> HTML in
                "<td\(numeric.contains(index) ? HTML(" class=\"num\"") : "")>\(cell)</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody></table>"
    }

    static let styleSheet = """
    :root { color-scheme: light; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
           line-height: 1.5; color: #1b1f24; background: #ffffff; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
    h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
    h2 { font-size: 1.4rem; border-bottom: 2px solid #d0d7de; padding-bottom: .2rem; margin-top: 2.2rem; }
    h3 { font-size: 1.15rem; margin: 1.5rem 0 .4rem; }
    h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
    .meta { color: #4a5560; }
    a { color: #0b57a4; }
    a:focus-visible { outline: 3px solid #0b57a4; outline-offset: 2px; }
    nav ol { columns: 2; padding-left: 1.2rem; }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
    th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
    th { background: #f3f5f7; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; margin: 1rem 0; }
    .figures div { border: 1px solid #d0d7de; border-radius: 6px; padding: .6rem .8rem; }
    .figures dt { font-size: .85rem; color: #4a5560; }
    .figures dd { margin: 0; font-size: 1.35rem; font-weight: 600; }
    svg.chart { width: 100%; height: auto; max-width: 46rem; display: block; margin: .5rem 0 1rem; }
    .chart text { fill: #1b1f24; font: 13px system-ui, -apple-system, "Segoe UI", Arial, sans-serif; }
    .chart .bar { fill: #1f5f99; }
    .chart .track { fill: #e3e7ec; }
    .chart .axis { stroke: #57606a; stroke-width: 1; }
    .right { color: #116329; font-weight: 600; }
    .wrong { color: #a40e26; font-weight: 600; }
    article.artifact { border-left: 4px solid #1f5f99; padding: .1rem 0 .1rem 1rem; margin: 1.4rem 0; }
    .brief { background: #f6f8fa; border-radius: 4px; padding: .1rem .8rem; }
    .brief ul, .brief ol { margin: .3rem 0 .6rem; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; background: #eef1f4; padding: 0 .2rem; border-radius: 3px; }
    ol.references li { margin-bottom: .35rem; }
    article.artifact .context { color: #4a5560; font-size: .9rem; margin-top: 0; }
    ul.checklist { list-style: none; padding-left: 0; }
    ul.checklist li::before { content: "\\2610\\00a0"; }
    ul.checklist li.done::before { content: "\\2611\\00a0"; }
    .scroll { overflow-x: auto; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    footer { margin-top: 3rem; color: #4a5560; font-size: .85rem; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      nav { display: none; }
      h2, h3, h4 { break-after: avoid; }
      table, svg.chart, article.artifact, .figures div { break-inside: avoid; }
      th { background: #eeeeee; }
      .scroll { overflow: visible; }
      a { color: inherit; text-decoration: none; }
      @page { margin: 1.6cm; }
    }
    """
}
