import Foundation

/// Imports Moodle GIFT question banks, following Moodle's own importer
/// (`question/format/gift/format.php`): questions are separated by blank lines; `//` lines are
/// comments; `$CATEGORY: a/b` starts module `a`, lesson `b`; `::title::` names a question;
/// `{…}` holds the answers. See docs/pack-format.md, "Importing question banks".
public struct GIFTImporter: Importer {
    public let formatID = "gift"
    public let formatName = "Moodle GIFT"
    public let fileExtensions = ["gift"]

    public init() {}

    public func `import`(text: String, fileName: String, target: ImportTarget) -> ImportResult {
        let source = ImportLines(text: text, fileName: fileName)
        var parser = GIFTParser(draft: PackDraft(target: target, fileName: fileName, formatName: formatName))
        parser.draft.append(source.diagnostics)
        for block in Self.blocks(source.lines) {
            parser.parse(block)
        }
        return parser.draft.result()
    }

    /// One question's text: its lines without comments, joined by line breaks.
    struct Block {
        var text: GIFTText
        var firstLine: Int
        /// The Moodle id number from a `// [id:…]` comment, if any.
        var idNumber: String?
    }

    /// Splits the file at blank lines, as Moodle does; lines are trimmed and comment lines
    /// (`//` at the start) left out.
    static func blocks(_ lines: [String]) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                if let block = current { blocks.append(block) }
                current = nil
                continue
            }
            var block = current ?? Block(text: GIFTText(), firstLine: number)
            if trimmed.hasPrefix("//") {
                if block.idNumber == nil { block.idNumber = idNumber(inComment: trimmed) }
                current = block
                continue
            }
            if let last = block.text.units.last {
                block.text.append(GIFTText.Unit(character: "\n", escaped: false, line: last.line, column: last.column + 1))
            }
            let indent = line.prefix { $0.isWhitespace }.count
            block.text.append(GIFTText(line: trimmed, number: number, firstColumn: indent + 1))
            current = block
        }
        if let block = current { blocks.append(block) }
        return blocks
    }

    /// `abc` from a comment holding `[id:abc]` (Moodle's question id number).
    static func idNumber(inComment comment: String) -> String? {
        guard let start = comment.range(of: "[id:") else { return nil }
        let rest = comment[start.upperBound...]
        guard let end = rest.firstIndex(of: "]") else { return nil }
        let value = String(rest[..<end]).trimmingWhitespace()
        return value.isEmpty ? nil : value
    }
}
