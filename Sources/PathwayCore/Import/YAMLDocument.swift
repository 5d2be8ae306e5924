/// A YAML document written by Pathway: mappings keep their key order, and every text is a
/// double-quoted scalar with escapes, so no text can be read back as a number, a boolean, a
/// comment or YAML syntax.
enum YAMLDocument {
    case text(String)
    case number(Double)
    case bool(Bool)
    case list([YAMLDocument])
    case mapping([(String, YAMLDocument)])

    /// The document as YAML, after `comment` lines (each written as `# line`).
    func yaml(comment: [String] = []) -> String {
        var lines = comment.map { $0.isEmpty ? "#" : "# " + $0 }
        switch self {
        case let .mapping(pairs): Self.emit(pairs, indent: "", into: &lines)
        case let .list(items): Self.emit(items, indent: "", into: &lines)
        default: lines.append(inline ?? "")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The value on one line, for scalars and empty collections.
    private var inline: String? {
        switch self {
        case let .text(value): return Self.quoted(value)
        case let .number(value): return Self.number(value)
        case let .bool(value): return value ? "true" : "false"
        case let .list(items): return items.isEmpty ? "[]" : nil
        case let .mapping(pairs): return pairs.isEmpty ? "{}" : nil
        }
    }

    private static func emit(_ pairs: [(String, YAMLDocument)], indent: String, into lines: inout [String]) {
        for (key, value) in pairs {
            if let inline = value.inline {
                lines.append("\(indent)\(key): \(inline)")
                continue
            }
            lines.append("\(indent)\(key):")
            switch value {
            case let .mapping(inner): emit(inner, indent: indent + "  ", into: &lines)
            case let .list(items): emit(items, indent: indent + "  ", into: &lines)
            default: break
            }
        }
    }

    private static func emit(_ items: [YAMLDocument], indent: String, into lines: inout [String]) {
        for item in items {
            if let inline = item.inline {
                lines.append("\(indent)- \(inline)")
                continue
            }
            var inner: [String] = []
            switch item {
            case let .mapping(pairs): emit(pairs, indent: indent + "  ", into: &inner)
            case let .list(nested): emit(nested, indent: indent + "  ", into: &inner)
            default: break
            }
            // The first line of the item goes after the dash.
            if let first = inner.first {
                lines.append(indent + "- " + first.dropFirst(indent.count + 2))
                lines += inner.dropFirst()
            }
        }
    }

    /// `text` as a YAML double-quoted scalar. Line breaks, tabs, quotes, backslashes and every
    /// character YAML treats as a line break or cannot hold literally are escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let value = scalar.value
                // YAML allows only printable characters literally; line separators and the
                // byte-order mark are escaped too, so they cannot change how a line is read.
                let printable = value == 0x85 || (0x20...0x7E).contains(value) || (0xA0...0xD7FF).contains(value)
                    || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                if !printable || value == 0x85 || value == 0x2028 || value == 0x2029 || value == 0xFEFF {
                    let hex = String(value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A number YAML reads back exactly: an integer when whole, else Swift's shortest
    /// round-tripping decimal.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
