/// Escaping for text from packs or progress written into a Markdown report.
enum MarkdownText {
    /// `text` on one line, safe in a paragraph, a heading or a table cell: Markdown
    /// punctuation is backslash-escaped, `<`, `>` and `&` become character references (so no
    /// renderer sees raw HTML), and line breaks become spaces.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!": out += "\\\(character)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// Several lines of the learner's own writing as Markdown paragraphs: line breaks are kept
    /// (as hard breaks), and each line is escaped like ``inline(_:)``.
    static func block(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        return normalized.components(separatedBy: "\n\n")
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
            .map { paragraph in
                paragraph.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { escapeLineStart(inline(String($0))) }
                    .joined(separator: "\\\n")
            }
            .joined(separator: "\n\n")
    }

    /// Keeps a line from being read as a list item, a numbered item or a block quote.
    private static func escapeLineStart(_ line: String) -> String {
        let trimmed = line.drop { $0 == " " }
        if let first = trimmed.first, "-+=".contains(first) { return "\\" + trimmed }
        if let dot = trimmed.firstIndex(where: { $0 == "." || $0 == ")" }),
           !trimmed[..<dot].isEmpty, trimmed[..<dot].allSatisfy(\.isNumber) {
            return String(trimmed[..<dot]) + "\\" + String(trimmed[dot...])
        }
        return String(trimmed)
    }
}
