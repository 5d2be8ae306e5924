import Foundation

/// Answers, weights and feedback, shared by GIFT's question types.
extension GIFTParser {
    /// The answers of `text`, each starting at one of `markers` (`~`, `=`). Text before the
    /// first marker is read as an answer too, as Moodle does, with a warning.
    mutating func answers(in text: GIFTText, markers: Set<Character>) -> [Answer] {
        var pieces: [(Character?, GIFTText)] = []
        var current = GIFTText()
        var marker: Character?
        for unit in text.units {
            if !unit.escaped, markers.contains(unit.character) {
                if marker != nil || !current.trimmed().isEmpty { pieces.append((marker, current)) }
                marker = unit.character
                current = GIFTText()
            } else {
                current.append(unit)
            }
        }
        if marker != nil || !current.trimmed().isEmpty { pieces.append((marker, current)) }
        return pieces.map { marker, body in
            let trimmed = body.trimmed()
            let position = trimmed.position(or: (text.position(or: (1, 1))))
            if marker == nil, markers.count > 1 {
                draft.report(.warning, line: position.line, column: position.column,
                             "'\(trimmed.string)' has no '~' or '=' before it; it is read as a wrong answer")
            }
            var answer = Answer(marker: marker, weight: nil, body: trimmed, feedback: nil, line: position.line, column: position.column)
            if trimmed.hasPrefix("%"), let end = trimmed.firstIndex(of: "%", from: 1) {
                let written = trimmed[1..<end].string
                if let percent = Self.weight(written) {
                    answer.weight = percent / 100
                    answer.body = trimmed.dropFirst(end + 1)
                } else {
                    draft.report(.warning, line: position.line, column: position.column,
                                 "'%\(written)%' is not a weight such as %50% or %-25%; it is kept as text")
                }
            }
            let parts = answer.body.split(on: "#", limit: 2)
            answer.body = parts[0].trimmed()
            answer.feedback = parts.count > 1 ? parts[1].trimmed() : nil
            return answer
        }
    }

    /// The number in a weight such as `50`, `-33.33333` or `--50` (Moodle allows repeated minus signs).
    static func weight(_ text: String) -> Double? {
        var body = Substring(text)
        var negative = false
        while body.hasPrefix("-") { negative = true; body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Double(body) else { return nil }
        return negative ? -value : value
    }

    static func percent(_ fraction: Double) -> String {
        NumberInput.format((fraction * 100 * 1000).rounded() / 1000) + "%"
    }

    /// The non-empty parts, separated by blank lines, or nil.
    static func explanation(_ parts: [String?]) -> String? {
        let kept = parts.compactMap { $0?.trimmingWhitespace() }.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept.joined(separator: "\n\n")
    }

    /// Whether a choice says "all of the above" or the like, so the order must be kept.
    static func refersToOtherChoices(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["of the above", "of these", "both a and b"].contains { lower.contains($0) }
    }

    /// Whether a short answer uses Moodle's `*` wildcard (`\*` is a literal asterisk).
    static func hasWildcard(_ text: String) -> Bool {
        var previous: Character = " "
        for c in text {
            if c == "*" && previous != "\\" { return true }
            previous = c
        }
        return false
    }

    /// A pattern for a wildcard answer: `*` matches anything, everything else literally.
    static func wildcardPattern(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var index = 0
        while index < chars.count {
            let c = chars[index]
            if c == "\\", index + 1 < chars.count, chars[index + 1] == "*" {
                out += "\\*"
                index += 2
                continue
            }
            if c == "*" {
                out += ".*"
            } else if "\\.^$|?+()[]{}".contains(c) {
                out += "\\" + String(c)
            } else {
                out.append(c)
            }
            index += 1
        }
        return out
    }
}
