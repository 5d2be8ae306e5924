import Testing
@testable import PathwayCore

/// Report markup is escaped by construction: text interpolated into `HTML` is escaped unless it
/// is `HTML` itself or explicitly trusted.
@Suite struct HTMLValueTests {
    static let hostile = "<script>alert(\"x\")</script> & 'it'"

    @Test func interpolatedTextIsEscapedAndMarkupIsKept() {
        let name = Self.hostile
        let bold: HTML = "<strong>\(name)</strong>"
        #expect(bold.markup == "<strong>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;it&#39;</strong>")
        let nested: HTML = "<p>\(bold)</p>"
        #expect(nested.markup == "<p>" + bold.markup + "</p>")
        #expect(HTML.trusted("<br>").markup == "<br>")
        #expect(HTML.text("<br>").markup == "&lt;br&gt;")
        #expect(["a<", "b"].map(HTML.text).joined(separator: "<br>").markup == "a&lt;<br>b")
    }

    @Test func tableCellsCannotCarryMarkupFromText() {
        let value = Self.hostile
        let table = HTMLDocument.table(caption: "c<", header: ["h<"], rows: [["\(value)"]]).markup
        #expect(!table.contains("<script"))
        #expect(table.contains("<td>&lt;script&gt;"))
        #expect(table.contains("<caption>c&lt;</caption>") && table.contains(">h&lt;</th>"))
    }
}
