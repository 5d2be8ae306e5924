/// The lines of a file to import: byte-order marks removed, `\r\n` and `\r` read as line
/// ends, and every line holding control characters or terminal escape sequences reported. The
/// importers show those characters escaped (``TerminalSafeText``) in the text they write; the
/// lines keep them, so that the `{}` of an escape such as `\u{1B}` is never read as markup.
struct ImportLines {
    /// Larger inputs are refused: a question bank is text, and every question ends up in memory.
    static let maximumBytes = 8 * 1024 * 1024

    private(set) var lines: [String] = []
    private(set) var diagnostics: [PackDiagnostic] = []

    init(text: String, fileName: String) {
        guard text.utf8.count <= Self.maximumBytes else {
            diagnostics.append(PackDiagnostic(.error, file: fileName, message:
                "the file is \(text.utf8.count) bytes; files to import may be at most \(Self.maximumBytes) bytes"))
            return
        }
        // Byte-order marks (U+FEFF) are dropped wherever they are: invisible, and a YAML reader
        // drops one at the start of a value, which could leave a text empty once written.
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { $0 != "\u{FEFF}" })
        // "\r\n" is one Character in Swift, so replace it before splitting.
        let normalized = String(scalars).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for (index, line) in normalized.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.unicodeScalars.contains(where: TerminalSafeText.isUnsafe) {
                let column = (line.firstIndex { $0.unicodeScalars.contains(where: TerminalSafeText.isUnsafe) })
                    .map { line.distance(from: line.startIndex, to: $0) + 1 } ?? 1
                diagnostics.append(PackDiagnostic(.warning, file: fileName, line: index + 1, column: column, message:
                    "control characters or terminal escape sequences are shown escaped (\\u{…})"))
            }
            lines.append(String(line))
        }
        if lines.last == "" { lines.removeLast() }
    }
}
