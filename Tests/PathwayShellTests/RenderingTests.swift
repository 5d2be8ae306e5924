import Testing
@testable import PathwayShell

@Suite struct RenderingTests {
    @Test func paragraphsWrapToTheWidth() {
        let renderer = MarkdownRenderer(width: 30, style: .plain)
        let text = renderer.render("Product managers for AI features decide what to build when outcomes are probabilistic and data is the product.")
        let lines = text.split(separator: "\n")
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.count <= 30 })
        #expect(text.replacingOccurrences(of: "\n", with: " ").hasPrefix("Product managers for AI features decide"))
    }

    @Test func listsHangAndHeadingsStandOut() {
        let renderer = MarkdownRenderer(width: 24, style: .plain)
        let text = renderer.render("# Title\n\n- a long bullet item that must wrap onto a second line\n1. first")
        #expect(text.contains("Title\n─────"))
        #expect(text.contains("• a long bullet item"))
        #expect(text.contains("\n  "))
        #expect(text.contains("1. first"))
    }

    @Test func emphasisIsStyledOnlyWhenColourIsOn() {
        let plain = MarkdownRenderer(width: 80, style: .plain).render("Use **bold**-ish and *italic* and `code`.")
        #expect(plain == "Use bold-ish and italic and `code`.")
        let coloured = MarkdownRenderer(width: 80, style: Style(enabled: true)).render("**bold**")
        #expect(coloured == "\u{1B}[1mbold\u{1B}[0m")
    }

    @Test func snakeCaseIsNotEmphasis() {
        #expect(MarkdownRenderer(width: 80, style: .plain).render("a step_type value") == "a step_type value")
    }

    @Test(arguments: ["\u{1B}]52;c;ZXZpbA==\u{07}", "\u{1B}[2J", "\u{9B}31m", "back\u{08}\u{08}"])
    func controlSequencesFromPacksNeverReachTheTerminal(hostile: String) {
        let text = MarkdownRenderer(width: 80, style: .plain).render("Hello \(hostile) world")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
        #expect(text.contains("\\u{"))
    }

    @Test func colourFollowsTheTerminalAndNO_COLOR() {
        #expect(Style.detect(isTTY: true, environment: [:]).enabled)
        #expect(!Style.detect(isTTY: false, environment: [:]).enabled)
        #expect(!Style.detect(isTTY: true, environment: ["NO_COLOR": "1"]).enabled)
        #expect(Style.detect(isTTY: true, environment: ["NO_COLOR": ""]).enabled)
        #expect(!Style.detect(isTTY: true, environment: ["TERM": "dumb"]).enabled)
    }
}

@Suite struct MarkdownBlockTests {
    @Test func wrappedSourceLinesOfAListItemOrQuoteJoinIntoOneBlock() {
        let renderer = MarkdownRenderer(width: 80, style: .plain)
        let text = renderer.render("- first item that the author\n  wrapped by hand\n- second\n\n> a quote\n> on two lines\n\nplain\ntext")
        #expect(text == "• first item that the author wrapped by hand\n• second\n\n│ a quote on two lines\n\nplain text")
    }
}
