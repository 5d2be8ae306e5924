import Foundation

/// The learner-facing strings of a step with where each sits in the step, found by encoding
/// the step in the pack format's own keys, so every step type (including new ones) is covered.
enum StepTexts {
    struct Text {
        var path: [PathKey]
        var text: String
    }

    /// Keys whose values are not shown to learners as text.
    static let nonText: Set<String> = ["type", "id", "start", "next", "file", "level", "pattern", "answers", "unit"]

    static func texts(of step: any Step) -> [Text] {
        guard let data = try? JSONEncoder().encode(StepBox(step: step)),
              let object = try? JSONSerialization.jsonObject(with: data) else { return [] }
        var found: [Text] = []
        walk(object, path: [], into: &found)
        return found
    }

    private static func walk(_ value: Any, path: [PathKey], into found: inout [Text]) {
        switch value {
        case let text as String:
            found.append(Text(path: path, text: text))
        case let list as [Any]:
            for (i, element) in list.enumerated() { walk(element, path: path + [PathKey(i)], into: &found) }
        case let map as [String: Any]:
            for key in map.keys.sorted() where !nonText.contains(key) {
                walk(map[key]!, path: path + [PathKey(stringValue: key)], into: &found)
            }
        default:
            break
        }
    }

    private struct StepBox: Encodable {
        var step: any Step
        func encode(to encoder: any Encoder) throws { try step.encode(to: encoder) }
    }
}

extension StepProblem {
    /// The problem's field as a coding path: `nodes[2].options[1].next` → nodes, 2, options, 1, next.
    var fieldPath: [PathKey] {
        guard let field else { return [] }
        var path: [PathKey] = []
        for part in field.split(separator: ".") {
            let pieces = part.split(separator: "[")
            if let name = pieces.first, !part.hasPrefix("[") { path.append(PathKey(stringValue: String(name))) }
            for piece in pieces.dropFirst(part.hasPrefix("[") ? 0 : 1) {
                if let index = Int(piece.dropLast()) { path.append(PathKey(index)) }
            }
        }
        return path
    }
}
