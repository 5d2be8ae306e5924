import Yams

/// Finds the line and column of a value in a YAML or JSON document from its coding path,
/// so diagnostics can point at the exact place. Only used when there is something to report.
enum SourceLocator {
    /// The 1-based line and column of the value at `path` (or of the nearest parent found).
    static func locate(_ path: [any CodingKey], in text: String) -> (line: Int, column: Int)? {
        guard let root = try? YAMLBudget().compose(text) else { return nil }
        return locate(path, in: root)
    }

    /// The same, in a document already composed.
    /// With `pointingAtKey`, a path ending in a mapping key points at that key, not its value.
    static func locate(_ path: [any CodingKey], in root: Node, pointingAtKey: Bool = false) -> (line: Int, column: Int)? {
        var node = root
        var best = root.mark
        for (position, key) in path.enumerated() {
            if let index = key.intValue, let sequence = node.sequence {
                guard index < sequence.count else { break }
                node = sequence[index]
            } else if let mapping = node.mapping {
                guard let pair = mapping.first(where: { $0.key.string == key.stringValue }) else { break }
                // Point at the key for mappings' own keys, at the value otherwise.
                best = pair.key.mark
                node = pair.value
                if node.scalar != nil, !(pointingAtKey && position == path.count - 1) { best = node.mark ?? best }
                continue
            } else {
                break
            }
            best = node.mark ?? best
        }
        return best.map { ($0.line, $0.column) }
    }

    /// `steps[3].choices[1].text` for a coding path.
    static func describe(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}

/// A key of a coding path written by hand: `["steps", PathKey(3), "file"]`.
struct PathKey: CodingKey, ExpressibleByStringLiteral {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue }
    init(stringLiteral value: String) { self.stringValue = value }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
    init(_ index: Int) { self.init(intValue: index) }
}
