import Foundation

/// The text formats a GIFT text may name in brackets at its start.
enum GIFTFormat: String {
    case moodle, html, plain, markdown
}

/// Reads GIFT blocks into a ``PackDraft``: categories, titles, formats and the answer block,
/// then hands the answers to the parser for the question's type (in `GIFTParser+Answers`).
struct GIFTParser {
    var draft: PackDraft

    /// What every question type's parser needs.
    struct Question {
        var title: String?
        var idNumber: String?
        var prompt: String
        var format: GIFTFormat
        var generalFeedback: String?
        /// The text between the braces, without general feedback.
        var answers: GIFTText
        var line: Int
        var column: Int

        /// The id for this question's step: from its id number, else its title, else its text.
        func stableID(_ draft: inout PackDraft) -> String {
            draft.makeStepID(title: idNumber ?? title, text: prompt)
        }
    }

    mutating func parse(_ block: GIFTImporter.Block) {
        var text = block.text.trimmed()
        guard !text.isEmpty else { return }
        let start = text.position(or: (block.firstLine, 1))
        if text.hasPrefix("$CATEGORY:") {
            let end = text.firstIndex(of: "\n") ?? text.count
            enterCategory(text[10..<end].trimmed().string, line: start.line)
            text = text.dropFirst(end).trimmed()
            guard !text.isEmpty else { return }
            draft.report(.warning, line: start.line, "a question follows $CATEGORY without a blank line; Moodle would read it as part of the category name")
        }
        parseQuestion(text, idNumber: block.idNumber)
    }

    /// `$course$/top/Module/Lesson` sends the next questions to module `Module`, lesson `Lesson`.
    private mutating func enterCategory(_ path: String, line: Int) {
        draft.noteCategory(path, line: line)
        // "//" stands for a "/" inside a category name.
        let marker = "\u{1}"
        var parts = path.replacingOccurrences(of: "//", with: marker).split(separator: "/")
            .map { $0.replacingOccurrences(of: marker, with: "/").trimmingWhitespace() }
            .filter { !$0.isEmpty }
        while let first = parts.first, (first.hasPrefix("$") && first.hasSuffix("$") && first.count > 1) || first == "top" {
            parts.removeFirst()
        }
        guard let module = parts.first else {
            draft.enterUncategorised()
            return
        }
        if parts.count > 2 {
            draft.report(.warning, line: line, "category '\(path)' is deeper than module/lesson; its lesson is '\(parts.dropFirst().joined(separator: " / "))'")
        }
        draft.enter(module: module, lesson: parts.count == 1 ? module : parts.dropFirst().joined(separator: " / "))
    }

    private mutating func parseQuestion(_ whole: GIFTText, idNumber: String?) {
        var text = whole
        let start = text.position(or: (1, 1))
        var title: String?
        if text.hasPrefix("::") {
            let rest = text.dropFirst(2)
            if let end = rest.firstIndex(of: "::") {
                title = rest[0..<end].trimmed().string
                text = rest.dropFirst(end + 2).trimmed()
            } else {
                draft.report(.warning, line: start.line, column: start.column, "the title is not closed with '::'; it is read as question text")
                text = rest.trimmed()
            }
        }
        let open = text.firstIndex(of: "{")
        let close = text.firstIndex(of: "}")
        guard let open, let close else {
            if let brace = open ?? close {
                let at = text.units[brace]
                draft.skip(line: at.line, column: at.column, "'\(at.character)' has no matching '\(at.character == "{" ? "}" : "{")'; write \\\(at.character) for a literal brace")
                return
            }
            let (format, body) = Self.splitFormat(text, default: .moodle)
            let prompt = render(body, format: format)
            draft.add(TextStep(id: draft.makeStepID(title: idNumber ?? title, text: prompt), text: prompt), line: start.line, column: start.column)
            return
        }
        let inner = text.firstIndex(of: "{", from: open + 1).flatMap { $0 < close ? $0 : nil }
        if let unexpected = close < open ? close : inner {
            let at = text.units[unexpected]
            draft.skip(line: at.line, column: at.column, "unexpected '\(at.character)'; write \\\(at.character) for a literal brace")
            return
        }
        if let extra = text.firstIndex(of: "{", from: close + 1) {
            let at = text.units[extra]
            draft.skip(line: at.line, column: at.column, "a second answer block; a GIFT question has one (write \\{ and \\} for literal braces)")
            return
        }
        if let extra = text.firstIndex(of: "}", from: close + 1) {
            let at = text.units[extra]
            draft.report(.warning, line: at.line, column: at.column, "'}' outside the answer block is kept as text; write \\} for a literal brace")
        }
        // The prompt: the text around the braces; "_____" marks a missing word in the middle.
        var promptText = text[0..<open]
        let after = text[(close + 1)..<text.count]
        if !after.trimmed().isEmpty {
            let brace = text.units[open]
            for c in "_____" { promptText.append(GIFTText.Unit(character: c, escaped: true, line: brace.line, column: brace.column)) }
            promptText.append(after)
        }
        let (format, body) = Self.splitFormat(promptText.trimmed(), default: .moodle)
        var answers = text[(open + 1)..<close].trimmed()
        var generalFeedback: String?
        if let separator = answers.lastIndex(of: "####") {
            generalFeedback = render(answers.dropFirst(separator + 4), format: format)
            answers = answers[0..<separator].trimmed()
        }
        let brace = text.units[open]
        let question = Question(title: title, idNumber: idNumber, prompt: render(body, format: format), format: format,
                                generalFeedback: generalFeedback.flatMap { $0.isEmpty ? nil : $0 },
                                answers: answers, line: start.line, column: start.column)
        parseAnswers(question, brace: (brace.line, brace.column))
    }

    /// A leading `[html]`, `[plain]`, `[markdown]` or `[moodle]` and the text after it.
    static func splitFormat(_ text: GIFTText, default format: GIFTFormat) -> (GIFTFormat, GIFTText) {
        let trimmed = text.trimmed()
        guard trimmed.hasPrefix("["), let end = trimmed.firstIndex(of: "]"),
              let named = GIFTFormat(rawValue: trimmed[1..<end].string) else { return (format, trimmed) }
        return (named, trimmed.dropFirst(end + 1).trimmed())
    }

    /// Text in Pathway's Markdown; media and removed HTML are reported at the text's line.
    mutating func render(_ text: GIFTText, format: GIFTFormat) -> String {
        let (format, body) = Self.splitFormat(text, default: format)
        let raw = body.string
        let position = body.position(or: text.position(or: (1, 1)))
        switch format {
        case .html, .moodle:
            guard format == .html || HTMLToMarkdown.looksLikeHTML(raw) else { return raw }
            let (converted, unsupported) = HTMLToMarkdown.convert(raw)
            for message in unsupported {
                draft.report(.warning, line: position.line, column: position.column, message)
            }
            return converted
        case .markdown:
            if raw.contains("![") {
                draft.report(.warning, line: position.line, column: position.column, "Markdown images cannot be shown in a terminal; the image reference is kept as text")
            }
            return raw
        case .plain:
            return raw
        }
    }
}
