/// A range of semantic versions: `>=1.2.0`, `<2.0.0`, `^1.2.0`, `~1.2.0`, `1.x`, `1.2.x`,
/// an exact `1.2.3`, or several comparisons separated by spaces (`>=1.2.0 <2.0.0`).
///
/// Upper bounds are computed with overflow checks: a range on the largest number a version
/// can hold has no upper bound (no version is above it), never a crash.
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

    private typealias Bound = (op: String, version: SemanticVersion)

    private static func expand(_ part: String) -> [Bound]? {
        for op in [">=", "<=", ">", "<", "="] where part.hasPrefix(op) {
            guard let v = SemanticVersion(String(part.dropFirst(op.count))) else { return nil }
            return [(op == "=" ? "==" : op, v)]
        }
        if part.hasPrefix("^"), let v = SemanticVersion(String(part.dropFirst())) {
            return [(">=", v)] + below(v.major > 0 ? nextMajor(v.major) : nextMinor(0, v.minor))
        }
        if part.hasPrefix("~"), let v = SemanticVersion(String(part.dropFirst())) {
            return [(">=", v)] + below(nextMinor(v.major, v.minor))
        }
        let pieces = part.split(separator: ".", omittingEmptySubsequences: false)
        if pieces.last == "x" || pieces.last == "*" {
            guard let major = SemanticVersion.number(pieces[0]) else { return nil }
            if pieces.count == 2 {
                return [(">=", SemanticVersion(major, 0, 0))] + below(nextMajor(major))
            }
            if pieces.count == 3, let minor = SemanticVersion.number(pieces[1]) {
                return [(">=", SemanticVersion(major, minor, 0))] + below(nextMinor(major, minor))
            }
            return nil
        }
        if let v = SemanticVersion(part) { return [("==", v)] }
        return nil
    }

    /// `major+1.0.0`, or nil when `major` is the largest number a version can hold.
    private static func nextMajor(_ major: Int) -> SemanticVersion? {
        let (next, overflow) = major.addingReportingOverflow(1)
        return overflow ? nil : SemanticVersion(next, 0, 0)
    }

    /// `major.minor+1.0`; past the largest minor, the next major.
    private static func nextMinor(_ major: Int, _ minor: Int) -> SemanticVersion? {
        let (next, overflow) = minor.addingReportingOverflow(1)
        return overflow ? nextMajor(major) : SemanticVersion(major, next, 0)
    }

    private static func below(_ upper: SemanticVersion?) -> [Bound] {
        upper.map { [("<", $0)] } ?? []
    }
}
