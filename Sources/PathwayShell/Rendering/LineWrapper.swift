/// Wraps one line of (possibly styled) text at word boundaries, keeping its indent and hanging
/// continuation lines under the text of a list item, a label or a table's first column.
enum LineWrapper {
    /// `line` as lines of at most `width` columns; a single word longer than that stays whole
    /// on a line of its own. `hang` is the indent of continuation lines; without it, one is
    /// found from the line's shape (``hangingIndent(of:width:)``).
    static func wrap(_ line: String, width: Int, hang: Int? = nil) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let pieces = split(String(line.dropFirst(indent.count)))
        let hangWidth = min(hang ?? hangingIndent(of: line, width: width), max(width / 2, 0))
        let hangText = String(repeating: " ", count: hangWidth)
        var lines: [String] = []
        var current = indent
        var used = indent.count
        var hasWord = false
        for piece in pieces {
            let wordWidth = DisplayWidth.of(piece.word)
            if hasWord && used + piece.space.count + wordWidth > width {
                lines.append(current)
                current = hangText
                used = hangWidth
                hasWord = false
            }
            if hasWord {
                current += piece.space
                used += piece.space.count
            }
            current += piece.word
            used += wordWidth
            hasWord = true
        }
        if hasWord || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Words with the run of spaces before each (runs of several spaces align table columns
    /// and are kept when the line does not break there).
    private static func split(_ text: String) -> [(space: String, word: String)] {
        var pieces: [(space: String, word: String)] = []
        var space = ""
        var word = ""
        for character in text {
            if character == " " {
                if !word.isEmpty {
                    pieces.append((space, word))
                    space = ""
                    word = ""
                }
                space.append(character)
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { pieces.append((space, word)) }
        return pieces
    }

    /// Where continuation lines start: under the text after a list marker (`• `, `- `, `1. `,
    /// `a) `, or a status mark such as `✓ ` with an optional number), else under the second
    /// column of a table row (text after a run of two or more spaces), else at the line's indent.
    /// `line` without its colour codes (ESC `[` digits and `;` `m`), read by hand: a regular
    /// expression here compiled ICU's pattern sets before the first line was printed.
    static func withoutColour(_ line: String) -> String {
        guard line.utf8.contains(0x1B) else { return line }
        let scalars = Array(line.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "[" {
                var end = index + 2
                while end < scalars.count, scalars[end] == ";" || ("0"..."9").contains(scalars[end]) { end += 1 }
                if end < scalars.count, scalars[end] == "m" {
                    index = end + 1
                    continue
                }
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }

    static func hangingIndent(of line: String, width: Int) -> Int {
        let plain = withoutColour(line)
        let characters = Array(plain)
        var position = characters.prefix { $0 == " " }.count
        let indent = position
        var marked = false
        func takeMarker() -> Bool {
            let rest = characters[position...]
            if let first = rest.first, "•-*✓✗○▸★·→".contains(first), rest.dropFirst().first == " " {
                position += 2
                return true
            }
            let digits = rest.prefix { $0.isNumber }.count
            if digits > 0, digits <= 3, rest.dropFirst(digits).first == ".", rest.dropFirst(digits + 1).first == " " {
                position += digits + 2
                return true
            }
            if let first = rest.first, first.isLetter, first.isLowercase, rest.dropFirst().first == ")",
               rest.dropFirst(2).first == " " {
                position += 3
                return true
            }
            return false
        }
        while position < characters.count, takeMarker() { marked = true }
        // A table row: a first column, then two or more spaces, in the first half of the width.
        var index = position
        while index + 2 < characters.count, index < width / 2 {
            if characters[index] != " ", characters[index + 1] == " ", characters[index + 2] == " " {
                var end = index + 1
                while end < characters.count, characters[end] == " " { end += 1 }
                if end <= width / 2 { return end }
                break
            }
            if characters[index] == " ", characters[index + 1] != " " && index > position, marked { break }
            index += 1
        }
        return marked ? position : indent
    }
}
