import Foundation

/// Writes a pack's questions that GIFT can express back to Moodle GIFT, so a bank can be edited
/// in Moodle or a text editor and imported again with the same ids: each lesson becomes a
/// `$CATEGORY: $course$/top/MODULE/LESSON` (the module an import names after the pack id, for
/// questions without a category, becomes `$CATEGORY: $course$/top`), each question is preceded by `// [id:…]` (the id
/// without the pack prefix, which the importer adds back), and the explanation is written as
/// general feedback (`####…`). Ordering questions, reflections, text steps, answer patterns and
/// units have no GIFT form; they are left out and named in `notes`.
public struct GIFTExporter: Sendable {
    public struct Export: Sendable {
        public var text: String
        public var questions: Int
        /// What was left out, one sentence each.
        public var notes: [String]
    }

    public init() {}

    public func export(_ pack: Pack) -> Export {
        var lines = ["// Exported from pack '\(pack.id)' \(pack.manifest.version) by pathway (Moodle GIFT).",
                     "// Import it again with: pathway pack import-gift FILE --id \(pack.id) --out DIR --update", ""]
        var notes: [String] = [], questions = 0
        let prefix = pack.id + "-"
        for module in pack.modules {
            // The module an import makes when no category is named: named after the pack id.
            let uncategorised = module.id == pack.id && module.lessons.allSatisfy { $0.title == "Questions" || $0.title.hasPrefix("Questions (part ") }
            for (index, lesson) in module.lessons.enumerated() {
                if uncategorised {
                    if index == 0 { lines += ["$CATEGORY: $course$/top", ""] }
                } else {
                    lines += ["$CATEGORY: $course$/top/\(Self.category(module.title))/\(Self.category(lesson.title))", ""]
                }
                for step in lesson.steps {
                    guard let question = step as? any Question else {
                        if let id = step.id { notes.append("\(step.typeName) '\(id)' has no GIFT form; left out") }
                        continue
                    }
                    guard let body = Self.answers(question, notes: &notes) else { continue }
                    let id = question.basics.id.hasPrefix(prefix) ? String(question.basics.id.dropFirst(prefix.count)) : question.basics.id
                    if !question.basics.id.hasPrefix(prefix) {
                        notes.append("'\(question.basics.id)' does not start with '\(prefix)'; imported again it becomes '\(prefix)\(id)'")
                    }
                    if !question.hints.isEmpty { notes.append("the hints of '\(question.basics.id)' have no GIFT form; left out") }
                    let feedback = question.explanation.map { " ####" + Self.escape($0) } ?? ""
                    lines += ["// [id:\(id)]", Self.escape(question.prompt) + " {" + body + feedback + "}", ""]
                    questions += 1
                }
            }
        }
        return Export(text: lines.joined(separator: "\n"), questions: questions, notes: notes)
    }

    /// The answer part between `{` and `}`, or nil when the question has no GIFT form.
    private static func answers(_ question: any Question, notes: inout [String]) -> String? {
        func feedback(_ text: String?) -> String { text.map { "#" + escape($0) } ?? "" }
        switch question {
        case let q as SingleChoiceQuestion:
            return q.choices.map { ($0.isCorrect ? "=" : "~") + escape($0.text) + feedback($0.feedback) }.joined(separator: " ")
        case let q as MultipleSelectQuestion:
            let right = q.choices.filter(\.isCorrect).count, wrong = q.choices.count - right
            func weight(_ share: Double) -> String {
                let text = String(format: "%.5f", share * 100)
                return text.replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
            }
            return q.choices.map { choice in
                "~%" + (choice.isCorrect ? weight(1 / Double(right)) : "-" + weight(1 / Double(max(wrong, 1)))) + "%"
                    + escape(choice.text) + feedback(choice.feedback)
            }.joined(separator: " ")
        case let q as TrueFalseQuestion:
            return (q.answer ? "TRUE" : "FALSE") + (q.wrongFeedback.map { "#" + escape($0) } ?? "")
        case let q as ShortTextQuestion:
            guard q.patterns.isEmpty else {
                notes.append("short_text '\(q.basics.id)' accepts patterns, which GIFT cannot express; left out")
                return nil
            }
            return (q.answers.map { "=" + escape($0) } + q.wrong.map { "=%0%" + escape($0.answer) + "#" + escape($0.feedback) })
                .joined(separator: " ")
        case let q as NumericQuestion:
            if q.unit != nil { notes.append("the unit of numeric '\(q.basics.id)' has no GIFT form; left out") }
            let right = q.range.map { "\(number($0.lowerBound))..\(number($0.upperBound))" }
                ?? (number(q.answer) + (q.tolerance > 0 ? ":" + number(q.tolerance) : ""))
            guard !q.wrong.isEmpty else { return "#" + right }
            return "# =" + right + " " + q.wrong.map { "=%0%" + number($0.value) + "#" + escape($0.feedback) }.joined(separator: " ")
        case let q as MatchingQuestion:
            return (q.pairs.map { "=" + escape($0.left) + " -> " + escape($0.right) } + q.distractors.map { "= -> " + escape($0) })
                .joined(separator: " ")
        default:
            notes.append("\(question.typeName) '\(question.basics.id)' has no GIFT form; left out")
            return nil
        }
    }

    /// GIFT's special characters escaped, line breaks as `\n`.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "~", "=", "#", "{", "}", ":", "\\": out += "\\" + String(character)
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    private static func category(_ title: String) -> String {
        title.replacingOccurrences(of: "/", with: "//").replacingOccurrences(of: "\n", with: " ")
    }

    private static func number(_ value: Double) -> String { NumberInput.format(value).replacingOccurrences(of: ",", with: "") }
}
