/// Makes text from packs, imports and progress files safe to print on a terminal.
///
/// Control characters (C0 other than newline and tab, DEL, and C1) would let a pack move the
/// cursor, retitle the window, write the clipboard (OSC 52) or hide text. They are shown
/// escaped, e.g. `\u{1B}`, so an author can see and fix them; nothing is silently lost.
public enum TerminalSafeText {
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
