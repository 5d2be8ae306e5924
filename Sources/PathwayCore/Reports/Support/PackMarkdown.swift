/// The small part of Markdown that reports render from a pack's text (question prompts,
/// reflection briefs, checklists): paragraphs, `- ` bullets, `1.` numbered lists, `**bold**`,
/// `*emphasis*`, inline code and citations (`[@key]`). Anything else stays text.
///
/// Parsing gives neutral values; ``ReportCitations`` renders them as ``HTML`` or as Markdown,
/// so no text from a pack reaches a report without being escaped.
enum PackMarkdown {
    /// A run of inline content.
    enum Inline: Equatable {
        case text(String)
        case strong([Inline])
        case emphasis([Inline])
        case code(String)
        /// One citation naming one or more reference keys.
        case citation([String])
    }

    /// A block of text.
    enum Block: Equatable {
        case paragraph([Inline])
        case bullets([[Inline]])
        case numbered(start: Int, [[Inline]])
    }

    // MARK: Blocks

    /// The blocks of `markdown`: blank lines separate blocks, lines of a paragraph are joined
    /// with a space, and a line that does not start an item continues the item before it.
    static func blocks(_ markdown: String) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var list: (numbered: Bool, start: Int, items: [String])?

        func close() {
            if !paragraph.isEmpty { blocks.append(.paragraph(inlines(paragraph.joined(separator: " ")))) }
            paragraph = []
            if let current = list {
                let items = current.items.map(inlines)
                blocks.append(current.numbered ? .numbered(start: current.start, items) : .bullets(items))
            }
            list = nil
        }

        let normalized = markdown.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for rawLine in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine).trimmingWhitespace()
            if let heading = Self.headingText(line) {
                // A heading stands alone, as a paragraph of its own (nothing when it is empty).
                close()
                if !heading.isEmpty { paragraph = [heading] }
                close()
                continue
            }
            if line.isEmpty {
                close()
            } else if let item = listItem(line) {
                if let current = list, current.numbered == item.numbered {
                    list?.items.append(item.text)
                } else {
                    close()
                    list = (item.numbered, item.number ?? 1, [item.text])
                }
            } else if var current = list {
                current.items[current.items.count - 1] += " " + line
                list = current
            } else {
                paragraph.append(line)
            }
        }
        close()
        return blocks
    }

    /// The text of `line` when it is a Markdown heading (one to six `#` and a space, or the
    /// marks alone), which reports show as a paragraph; nil for any other line, such as
    /// `#1 priority` or `#metrics`.
    private static func headingText(_ line: String) -> String? {
        let marks = line.prefix { $0 == "#" }
        guard (1...6).contains(marks.count) else { return nil }
        let rest = line.dropFirst(marks.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return String(rest).trimmingWhitespace()
    }

    /// A line that starts a list item: `- `, `* `, `+ `, or up to three digits with `. ` or `) `.
    private static func listItem(_ line: String) -> (numbered: Bool, number: Int?, text: String)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") {
            return (false, nil, String(line.dropFirst(2)).trimmingWhitespace())
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        let rest = line.dropFirst(digits.count)
        guard (1...3).contains(digits.count), rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return (true, Int(digits), String(rest.dropFirst(2)).trimmingWhitespace())
    }

    /// All of `markdown` on one line: list items and paragraphs follow one another, separated
    /// by a space (for table cells).
    static func oneLine(_ markdown: String) -> [Inline] {
        var result: [Inline] = []
        for block in blocks(markdown) {
            let parts: [[Inline]]
            switch block {
            case let .paragraph(inline): parts = [inline]
            case let .bullets(items): parts = items
            case let .numbered(_, items): parts = items
            }
            for part in parts {
                if !result.isEmpty { result.append(.text(" ")) }
                result += part
            }
        }
        return result
    }

    /// `inline` cut to about `limit` visible characters, with `…` where text was cut. A
    /// citation counts as `citationWidth` characters and is never cut.
    static func truncated(_ inline: [Inline], to limit: Int, citationWidth: Int = 14) -> [Inline] {
        var budget = limit - 1
        var cut = false
        func take(_ items: [Inline]) -> [Inline] {
            var kept: [Inline] = []
            for item in items {
                guard !cut else { break }
                switch item {
                case let .text(text):
                    if text.count > budget {
                        kept.append(.text(String(text.prefix(max(budget, 0)))))
                        cut = true
                    } else {
                        budget -= text.count
                        kept.append(item)
                    }
                case let .code(text):
                    if text.count > budget { cut = true } else { budget -= text.count; kept.append(item) }
                case .citation:
                    if citationWidth > budget { cut = true } else { budget -= citationWidth; kept.append(item) }
                case let .strong(inner): kept.append(.strong(take(inner)))
                case let .emphasis(inner): kept.append(.emphasis(take(inner)))
                }
            }
            return kept
        }
        let kept = take(inline)
        return cut ? kept + [.text("…")] : kept
    }

    // MARK: Inline

    /// The inline content of one block of text.
    static func inlines(_ text: String) -> [Inline] {
        let characters = Array(text)
        var result: [Inline] = []
        var plain = ""
        func flush() {
            if !plain.isEmpty { result.append(.text(plain)) }
            plain = ""
        }
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "`", let close = find("`", in: characters, from: i + 1), close > i + 1 {
                flush()
                result.append(.code(String(characters[(i + 1)..<close])))
                i = close + 1
            } else if c == "*", i + 1 < characters.count, characters[i + 1] == "*",
                      let close = find("**", in: characters, from: i + 2), close > i + 2 {
                flush()
                result.append(.strong(inlines(String(characters[(i + 2)..<close]))))
                i = close + 2
            } else if c == "*", i + 1 < characters.count, !characters[i + 1].isWhitespace, characters[i + 1] != "*",
                      let close = findSingleStar(in: characters, from: i + 1), !characters[close - 1].isWhitespace {
                flush()
                result.append(.emphasis(inlines(String(characters[(i + 1)..<close]))))
                i = close + 1
            } else if c == "[", i + 1 < characters.count, characters[i + 1] == "@",
                      let close = citationEnd(in: characters, from: i + 2),
                      let match = Citations.matches(in: String(characters[i...close])).first,
                      match.range.lowerBound == String(characters[i...close]).startIndex {
                flush()
                result.append(.citation(match.keys))
                i = close + 1
            } else {
                plain.append(c)
                i += 1
            }
        }
        flush()
        return result
    }

    private static func find(_ needle: String, in characters: [Character], from start: Int) -> Int? {
        let pattern = Array(needle)
        var i = start
        while i + pattern.count <= characters.count {
            if Array(characters[i..<(i + pattern.count)]) == pattern { return i }
            i += 1
        }
        return nil
    }

    /// The `]` that may close a citation opened before `start`: the next one, unless a `[`
    /// comes first (a key holds no bracket), so that many `[@` cost one pass, not one each.
    private static func citationEnd(in characters: [Character], from start: Int) -> Int? {
        var i = start
        while i < characters.count {
            if characters[i] == "]" { return i }
            if characters[i] == "[" { return nil }
            i += 1
        }
        return nil
    }

    /// The next `*` that is not part of `**`.
    private static func findSingleStar(in characters: [Character], from start: Int) -> Int? {
        var i = start
        while i < characters.count {
            if characters[i] == "*" {
                if i + 1 < characters.count, characters[i + 1] == "*" { i += 2; continue }
                return i
            }
            i += 1
        }
        return nil
    }
}
