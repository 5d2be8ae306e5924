/// Text that is safe to print on a terminal: the one type every path, file name and field from a
/// pack, a progress file, an import or the command line goes through before it is shown.
///
/// Control characters (C0 other than newline and tab, DEL, and C1) would let a file move the
/// cursor, retitle the window, write the clipboard (OSC 52) or hide text; bidirectional
/// overrides make text read differently from what it is. They are shown escaped, e.g.
/// `\u{1B}`, so an author can see and fix them; nothing is silently lost.
///
/// Build a line with interpolation: literal parts are the program's own text, and every
/// interpolated value is escaped. `"warning: skipped \(fileName)"` as a `TerminalText` cannot
/// carry an escape sequence whatever `fileName` holds.
public struct TerminalText: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The escaped text, ready to print.
    public let description: String

    /// `untrusted`, escaped.
    public init(_ untrusted: String) { description = Self.sanitize(untrusted) }

    /// The program's own literal text (still escaped: a literal may hold a control character by mistake).
    public init(stringLiteral value: String) { description = Self.sanitize(value) }

    public init(stringInterpolation: StringInterpolation) { description = stringInterpolation.text }

    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity) }

        public mutating func appendLiteral(_ literal: String) { text += TerminalText.sanitize(literal) }

        /// Text already made safe is kept as it is.
        public mutating func appendInterpolation(_ value: TerminalText) { text += value.description }

        /// Any other value is escaped.
        public mutating func appendInterpolation<T>(_ value: T) { text += TerminalText.sanitize(String(describing: value)) }
    }

    /// `text` with every control character other than `\n` and `\t` shown as `\u{XX}`.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether a scalar must not reach a terminal as is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        // Bidirectional overrides can make text read differently from what it is.
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

/// The name the sanitiser had before it became a type of its own.
public typealias TerminalSafeText = TerminalText
