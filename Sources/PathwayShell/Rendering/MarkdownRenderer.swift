import PathwayCore

/// Renders the Markdown of packs for a terminal: wrapped to a width, styled when colour is on,
/// with every control character shown escaped.
public struct MarkdownRenderer: Sendable {
    public var width: Int
    public var style: Style
    /// The references inline citations (`[@key]`) are shown with, as "(Author Year)".
    public var references: [String: Reference] = [:]

    public init(width: Int, style: Style) {
        self.width = width
        self.style = style
    }

    /// The rendered text, one string with newlines, without a trailing newline.
    public func render(_ markdown: String) -> String {
        var out: [String] = []
        // The block being collected: its text and how its lines start.
        var block: (text: [String], indent: String, hanging: String, indentWidth: Int?)?
        var inCode = false

        func flush() {
            guard let current = block else { return }
            out += wrap(current.text.joined(separator: " "), indent: current.indent, hanging: current.hanging,
                        indentWidth: current.indentWidth)
            block = nil
        }

        var tableLines: [String] = []
        func flushTable() {
            guard !tableLines.isEmpty else { return }
            if let table = MarkdownTable(tableLines) {
                out += table.lines(width: width, render: { InlineMarkdown.words($0).map(render).joined(separator: " ") },
                                   measure: DisplayWidth.of,
                                   bold: style.bold)
            } else {
                for line in tableLines { out += wrap(line, indent: "", hanging: "") }
            }
            tableLines = []
        }

        for rawLine in TerminalSafeText.sanitize(Citations.plain(markdown, references: references)).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !inCode, MarkdownTable.isTableLine(line) {
                flush()
                tableLines.append(line)
                continue
            }
            flushTable()
            if trimmed.hasPrefix("```") {
                flush()
                inCode.toggle()
                continue
            }
            if inCode {
                out.append("    " + style.cyan(line))
                continue
            }
            if trimmed.isEmpty {
                flush()
                if out.last != "" { out.append("") }
                continue
            }
            if let heading = Self.heading(trimmed) {
                flush()
                if let last = out.last, !last.isEmpty { out.append("") }
                out += wrap(heading.text, indent: "", hanging: "").map { style.bold($0) }
                if heading.level == 1 { out.append(style.dim(String(repeating: "─", count: min(width, heading.text.count)))) }
                continue
            }
            if let item = Self.listItem(line) {
                flush()
                let pad = String(repeating: " ", count: item.depth * 2)
                block = ([item.text], pad + item.marker, pad + String(repeating: " ", count: item.marker.count), nil)
                continue
            }
            if trimmed.hasPrefix(">") {
                let text = String(trimmed.drop { $0 == ">" || $0 == " " })
                if let current = block, current.indent == style.dim("│ ") {
                    block?.text.append(text)
                } else {
                    flush()
                    block = ([text], style.dim("│ "), style.dim("│ "), 2)
                }
                continue
            }
            // Any other line continues the open block (a wrapped list item or paragraph); a
            // backslash at the end of a line is a hard line break.
            var text = trimmed
            let hardBreak = text.hasSuffix("\\") && !text.hasSuffix("\\\\")
            if hardBreak { text.removeLast() }
            if block != nil {
                block?.text.append(text)
            } else {
                block = ([text], "", "", nil)
            }
            if hardBreak { flush() }
        }
        flush()
        flushTable()
        while out.last == "" { out.removeLast() }
        while out.first == "" { out.removeFirst() }
        return out.joined(separator: "\n")
    }

    private static func heading(_ line: String) -> (level: Int, text: String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return (hashes, line.dropFirst(hashes).trimmingCharacters(in: .whitespaces))
    }

    private static func listItem(_ line: String) -> (depth: Int, marker: String, text: String)? {
        let spaces = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(spaces)
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") || rest.hasPrefix("+ ") {
            return (spaces / 2, "• ", String(rest.dropFirst(2)))
        }
        let digits = rest.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3, rest.dropFirst(digits.count).hasPrefix(". ") {
            return (spaces / 2, "\(digits). ", String(rest.dropFirst(digits.count + 2)))
        }
        return nil
    }

    /// Word-wraps inline Markdown, measuring visible characters only.
    func wrap(_ text: String, indent: String, hanging: String, indentWidth: Int? = nil) -> [String] {
        let firstWidth = indentWidth ?? indent.count
        let words = InlineMarkdown.words(Citations.plain(text, references: references))
        var lines: [String] = []
        var current = indent
        var used = firstWidth
        var lineHasWord = false
        for word in words {
            let visible = word.visibleCount
            if lineHasWord && used + 1 + visible > width {
                lines.append(current)
                current = hanging
                used = indentWidth ?? hanging.count
                lineHasWord = false
            }
            if lineHasWord {
                current += " "
                used += 1
            }
            current += render(word)
            used += visible
            lineHasWord = true
        }
        if lineHasWord { lines.append(current) }
        return lines
    }

    private func render(_ word: InlineMarkdown.Word) -> String {
        word.segments.map { segment in
            var text = segment.text
            if segment.code { text = style.enabled ? style.cyan(text) : "`\(text)`" }
            if segment.bold { text = style.bold(text) }
            if segment.italic { text = style.italic(text) }
            return text
        }.joined()
    }
}

/// Splits inline Markdown into words made of styled segments (`**AI**-powered` is one word
/// of two segments).
enum InlineMarkdown {
    struct Segment {
        var text: String
        var bold: Bool
        var italic: Bool
        var code: Bool
    }

    struct Word {
        var segments: [Segment] = []
        /// Characters shown, counting the backticks drawn around code without colour.
        var visibleCount: Int { segments.reduce(0) { $0 + $1.text.count + ($1.code ? 2 : 0) } }
    }

    static func words(_ text: String) -> [Word] {
        var words: [Word] = []
        var word = Word()
        var segment = ""
        var bold = false, italic = false, code = false
        func endSegment() {
            if !segment.isEmpty { word.segments.append(Segment(text: segment, bold: bold, italic: italic, code: code)) }
            segment = ""
        }
        func endWord() {
            endSegment()
            if !word.segments.isEmpty { words.append(word) }
            word = Word()
        }
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if !code && c == "\\", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                // A backslash escape: the character itself, never markup.
                segment.append(chars[i + 1])
                i += 2
                continue
            }
            if !code && c == "_", let run = blankLength(chars, i) {
                // A fill-in blank (`___` or longer) is text, never emphasis: shown as a gap.
                segment += String(repeating: "_", count: max(run, 5))
                i += run
                continue
            }
            if c == "`" {
                endSegment()
                code.toggle()
            } else if !code && c == "*" && i + 1 < chars.count && chars[i + 1] == "*" {
                endSegment()
                bold.toggle()
                i += 1
            } else if !code && (c == "*" || c == "_") && isEmphasisMarker(chars, i) {
                endSegment()
                italic.toggle()
            } else if c == " " || c == "\t" {
                endWord()
            } else {
                segment.append(c)
            }
            i += 1
        }
        endWord()
        return words
    }

    /// The length of the run of three or more underscores starting at `i`, if there is one.
    private static func blankLength(_ chars: [Character], _ i: Int) -> Int? {
        guard i == 0 || chars[i - 1] != "_" else { return nil }
        var end = i
        while end < chars.count, chars[end] == "_" { end += 1 }
        return end - i >= 3 ? end - i : nil
    }

    /// A `*` or `_` next to a word is emphasis; a `_` inside a word (snake_case) and a lone
    /// `*` between spaces are text.
    private static func isEmphasisMarker(_ chars: [Character], _ i: Int) -> Bool {
        let before = i > 0 ? chars[i - 1] : " "
        let after = i + 1 < chars.count ? chars[i + 1] : " "
        if chars[i] == "_" && (before.isLetter || before.isNumber) && (after.isLetter || after.isNumber) { return false }
        return !(before == " " && after == " ")
    }
}
