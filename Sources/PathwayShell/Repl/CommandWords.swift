/// Splits a command line into words as a POSIX shell does, so that a file name with spaces can
/// be given: `"my report.html"`, `'my report.html'` or `my\ report.html`.
///
/// Outside quotes a backslash keeps the next character as it is; inside double quotes it does
/// so only before `"` and `\`; inside single quotes nothing is special. A backslash at the very
/// end stays a backslash. Nothing else (no `~`, `$` or globs) is expanded.
public enum CommandWords {
    /// A quote opened and never closed.
    public struct UnclosedQuote: Error, CustomStringConvertible, Equatable {
        /// `"` or `'`.
        public var quote: Character
        /// The column (from 1) where it opened.
        public var column: Int

        public var description: String {
            "The quote (\(quote)) is never closed (column \(column)): close it, or put a backslash before it to type it as itself."
        }
    }

    private enum Mode { case plain, single, double }

    /// The words of `line`; an empty quoted word (`""`) is a word.
    public static func split(_ line: String) throws(UnclosedQuote) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var mode = Mode.plain
        var opened = 0
        var escaped = false
        for (offset, character) in line.enumerated() {
            if escaped {
                if mode == .double, character != "\"", character != "\\" { word.append("\\") }
                word.append(character)
                escaped = false
                continue
            }
            switch (mode, character) {
            case (.plain, " "), (.plain, "\t"):
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case (.plain, "\\"), (.double, "\\"):
                escaped = true
                inWord = true
            case (.plain, "'"):
                mode = .single
                opened = offset + 1
                inWord = true
            case (.plain, "\""):
                mode = .double
                opened = offset + 1
                inWord = true
            case (.single, "'"), (.double, "\""):
                mode = .plain
            default:
                word.append(character)
                inWord = true
            }
        }
        switch mode {
        case .single: throw UnclosedQuote(quote: "'", column: opened)
        case .double: throw UnclosedQuote(quote: "\"", column: opened)
        case .plain: break
        }
        if escaped { word.append("\\") }
        if inWord { words.append(word) }
        return words
    }

    /// `word` written so that ``split(_:)`` gives it back as one word: a backslash before each
    /// space, tab, quote and backslash (what Tab completion inserts).
    public static func escape(_ word: String) -> String {
        var escaped = ""
        for character in word {
            if [" ", "\t", "'", "\"", "\\"].contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
