import Testing
@testable import PathwayCore

/// A fill-in blank in a prompt stays a visible gap in Markdown and HTML reports.
@Suite struct BlankRenderingTests {
    let prompt = "It is called \"user trust and ___\". Fill in the missing word."

    @Test func markdownEscapesTheBlankSoNoViewerTakesItForEmphasis() {
        let text = MarkdownText.inline(HTMLReportFormat.plain(prompt))
        #expect(text.contains("user trust and \\_\\_\\_\""))
    }

    @Test func htmlKeepsTheBlankAsText() {
        let text = HTML.text(HTMLReportFormat.plain(prompt)).markup
        #expect(text.contains("user trust and ___"))
        #expect(!text.contains("<em>"))
    }
}
