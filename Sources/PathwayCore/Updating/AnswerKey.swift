import Foundation

/// What a question grades as right, and the options it offers, read from the step as the pack
/// writes it, so two versions of a question can be compared.
///
/// For choice questions the key is the set of right choices' texts (compared as answers are:
/// case, spacing and punctuation aside) and the options are the choices' texts. For the other
/// types the key is every grading field (answers, patterns, the number and its tolerance, the
/// order of items, the pairs, true or false); prompts, explanations, hints, feedback and the
/// listed wrong answers are not part of it.
public struct AnswerKey: Sendable, Equatable {
    public var key: String
    public var options: [String]

    /// Fields that never change how an answer is graded.
    static let presentational: Set<String> = ["type", "id", "revision", "prompt", "explanation", "hints", "wrong", "feedback", "title", "level"]

    public init(_ question: any Question) {
        let object = Self.object(question)
        if let choices = object["choices"] as? [[String: Any]] {
            options = choices.map { $0["text"] as? String ?? "" }
            let right = choices.filter { $0["correct"] as? Bool == true }.map { AnswerNormalizer.optionKey($0["text"] as? String ?? "") }
            var rest = object.filter { !Self.presentational.contains($0.key) && $0.key != "choices" }
            rest["right"] = right.sorted()
            key = Self.canonical(rest)
        } else {
            let grading = object.filter { !Self.presentational.contains($0.key) }
            key = Self.canonical(grading)
            options = (object["items"] as? [String]) ?? []
        }
    }

    /// The grading fields that differ between two versions of a question, written out in full
    /// (`answers: F1, F-measure`), for when the right answer each shows reads the same in both.
    static func changedFields(from old: any Question, to new: any Question) -> (from: String, to: String) {
        let before = object(old).filter { !presentational.contains($0.key) }
        let after = object(new).filter { !presentational.contains($0.key) }
        let fields = Set(before.keys).union(after.keys).sorted().filter { field in
            readable(before[field]) != readable(after[field])
        }
        func describe(_ values: [String: Any]) -> String {
            fields.map { "\($0): \(readable(values[$0]))" }.joined(separator: "; ")
        }
        return (describe(before), describe(after))
    }

    private static func readable(_ value: Any?) -> String {
        switch value {
        case nil: return "none"
        case let text as String: return text
        case let list as [Any]: return list.map { readable($0) }.joined(separator: ", ")
        case let object as [String: Any]: return canonical(object)
        case let other?: return "\(other)"
        }
    }

    /// The step as the JSON object it encodes to.
    static func object(_ step: any Step) -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(StepBox(step: step)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }

    /// The step as canonical JSON text, for telling whether anything about it changed.
    static func text(_ step: any Step) -> String { canonical(object(step)) }

    private static func canonical(_ value: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Encodes any step as itself.
private struct StepBox: Encodable {
    let step: any Step
    func encode(to encoder: any Encoder) throws { try step.encode(to: encoder) }
}
