import Testing
@testable import PathwayShell

@Suite struct WrappingTests {
    /// `list` and `path` print in one piece: what a batch writes reaches the output once, at
    /// its end, in order, wrapped and flushed as line by line would have.
    @Test func aBatchIsWrittenOnceInOrderAsLineByLineWouldBe() {
        final class Counting: TextOutput {
            var writes: [String] = []
            func write(_ text: String) { writes.append(text) }
        }
        let lines = ["one two three four five six seven eight nine ten", "", "é 👩‍💻 \r\n end", "last"]
        let single = Counting(), batched = Counting()
        let plain = TerminalWriter(single, width: .fixed(20)), held = TerminalWriter(batched, width: .fixed(20))
        for line in lines { plain.line(line) }
        plain.write("pending")
        plain.flush()
        held.batch {
            for line in lines { held.line(line) }
            held.write("pending")
            held.flush()
            #expect(batched.writes.isEmpty)
        }
        #expect(batched.writes.count == 1)
        #expect(batched.writes.joined() == single.writes.joined())
        held.line("after")
        #expect(batched.writes.last == "after\n")
    }

    @Test func statusLinesBreakAtWordsNeverInsideOne() {
        let writer = BufferOutput()
        let out = TerminalWriter(writer, width: .fixed(30))
        out.line("Type continue to start 'What an AI product manager does', path to see the path, help for all commands.")
        let lines = writer.text.split(separator: "\n").map(String.init)
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.count <= 30 })
        #expect(lines.joined(separator: " ") == "Type continue to start 'What an AI product manager does', path to see the path, help for all commands.")
    }

    @Test func listItemsAndTableRowsHangUnderTheirText() {
        let item = LineWrapper.wrap("   · fund-strategy  Strategy, use cases and build versus buy  0/2", width: 40)
        #expect(item[0] == "   · fund-strategy  Strategy, use cases")
        #expect(item[1].hasPrefix(String(repeating: " ", count: 20) + "and"))
        let row = LineWrapper.wrap("  Skills       0 of 9 strong: product thinking, data literacy", width: 40)
        #expect(row[1].hasPrefix(String(repeating: " ", count: 15)) && !row[1].hasPrefix(String(repeating: " ", count: 16)))
        let numbered = LineWrapper.wrap("  1. a checklist item that is long enough to wrap", width: 24)
        #expect(numbered.dropFirst().allSatisfy { $0.hasPrefix("     ") && !$0.hasPrefix("      ") })
    }

    @Test func stylingTakesNoColumnsAndAWordTooLongStaysWhole() {
        let styled = "\u{1B}[2m" + String(repeating: "word ", count: 10) + "\u{1B}[0m"
        #expect(LineWrapper.wrap(styled, width: 50).count == 1)
        let long = LineWrapper.wrap("see https://example.com/a/very/long/address/that/cannot/break here", width: 20)
        #expect(long == ["see", "https://example.com/a/very/long/address/that/cannot/break", "here"])
    }

    @Test func theWidthIsAskedForEveryLine() {
        final class Box: @unchecked Sendable { var width = 80 }
        let box = Box()
        let buffer = BufferOutput()
        let out = TerminalWriter(buffer, width: TerminalWidth { box.width })
        let text = "one two three four five six seven eight nine ten eleven twelve"
        out.line(text)
        box.width = 20
        out.line(text)
        let lines = buffer.text.split(separator: "\n")
        #expect(lines.first.map(String.init) == text)
        #expect(lines.dropFirst().allSatisfy { $0.count <= 20 })
    }

    @Test func labelsHangTheirText() {
        let buffer = BufferOutput()
        let tutorless = TerminalWriter(buffer, width: .fixed(30))
        tutorless.line("Hint 1 of 2: " + "a hint long enough to need a second line", hang: 13)
        let lines = buffer.text.split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix(String(repeating: " ", count: 13)))
    }

    @Test(arguments: ["It is called \"user trust and ___\". Fill in the missing word.",
                      "It is called \"user trust and _____\". Fill in the missing word.",
                      "It is called \"user trust and \\_\\_\\_\\_\\_\". Fill in the missing word."])
    func fillInBlanksStayVisible(prompt: String) {
        let text = MarkdownRenderer(width: 100, style: .plain).render(prompt)
        #expect(text.contains("user trust and _____\""), "\(text)")
        let coloured = MarkdownRenderer(width: 100, style: Style(enabled: true)).render(prompt)
        #expect(!coloured.contains("\u{1B}[3m"), "a blank is not emphasis")
    }

    @Test func markdownEscapesAndHardBreaksFromReportsAreResolved() {
        let text = MarkdownRenderer(width: 80, style: .plain).render("Rule \\#3 says\\\nkeep \\*this\\* plain")
        #expect(text == "Rule #3 says\nkeep *this* plain")
    }

    @Test func textFromFilesIsEscapedByTheWriter() {
        let buffer = BufferOutput()
        let out = TerminalWriter(buffer, width: .fixed(80))
        let name = "evil\u{1B}]52;c;ZXZpbA==\u{07}"
        out.line(safe: "Unknown command '\(name)'.")
        #expect(!buffer.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(buffer.text.contains("\\u{1B}"))
    }

    @Test func colourCodesAreLeftOutWhenTheHangingIndentIsMeasured() {
        #expect(LineWrapper.withoutColour("\u{1B}[1;32m1.\u{1B}[0m text \u{1B}[2m(dim)\u{1B}[22m") == "1. text (dim)")
        // Only complete colour codes go; anything else stays as it is.
        #expect(LineWrapper.withoutColour("a \u{1B}[12x b \u{1B}[ \u{1B}") == "a \u{1B}[12x b \u{1B}[ \u{1B}")
        #expect(LineWrapper.withoutColour("é\u{301} \u{1B}[31m👩‍💻\u{1B}[0m") == "é\u{301} 👩‍💻")
        #expect(LineWrapper.hangingIndent(of: "\u{1B}[1m  1.\u{1B}[0m some words", width: 40) == LineWrapper.hangingIndent(of: "  1. some words", width: 40))
    }
}
