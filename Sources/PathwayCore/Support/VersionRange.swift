/// A range of semantic versions: `>=1.2.0`, `<2.0.0`, `^1.2.0`, `~1.2.0`, `1.x`, `1.2.x`,
/// an exact `1.2.3`, or several comparisons separated by spaces (`>=1.2.0 <2.0.0`).
public struct VersionRange: Sendable, CustomStringConvertible {
    private var bounds: [(op: String, version: SemanticVersion)] = []
    public let description: String

    public init?(_ text: String) {
        description = text
        let parts = text.split(separator: " ").map(String.init)
        guard !parts.isEmpty else { return nil }
        for part in parts {
            guard let expanded = Self.expand(part) else { return nil }
            bounds += expanded
        }
    }

    public func contains(_ version: SemanticVersion) -> Bool {
        bounds.allSatisfy { bound in
            switch bound.op {
            case ">=": return version >= bound.version
            case ">": return version > bound.version
            case "<=": return version <= bound.version
            case "<": return version < bound.version
            default: return version == bound.version
            }
        }
    }

    private static func expand(_ part: String) -> [(op: String, version: SemanticVersion)]? {
        for op in [">=", "<=", ">", "<", "="] where part.hasPrefix(op) {
            guard let v = SemanticVersion(String(part.dropFirst(op.count))) else { return nil }
            return [(op == "=" ? "==" : op, v)]
        }
        if part.hasPrefix("^"), let v = SemanticVersion(String(part.dropFirst())) {
            let upper = v.major > 0 ? SemanticVersion(v.major + 1, 0, 0) : SemanticVersion(0, v.minor + 1, 0)
            return [(">=", v), ("<", upper)]
        }
        if part.hasPrefix("~"), let v = SemanticVersion(String(part.dropFirst())) {
            return [(">=", v), ("<", SemanticVersion(v.major, v.minor + 1, 0))]
        }
        let pieces = part.split(separator: ".").map(String.init)
        if pieces.last == "x" || pieces.last == "*" {
            guard let major = Int(pieces[0]) else { return nil }
            if pieces.count == 2 { return [(">=", SemanticVersion(major, 0, 0)), ("<", SemanticVersion(major + 1, 0, 0))] }
            if pieces.count == 3, let minor = Int(pieces[1]) {
                return [(">=", SemanticVersion(major, minor, 0)), ("<", SemanticVersion(major, minor + 1, 0))]
            }
            return nil
        }
        if let v = SemanticVersion(part) { return [("==", v)] }
        return nil
    }
}
