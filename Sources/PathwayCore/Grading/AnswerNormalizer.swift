/// Normalises free-text answers so that trivial differences do not make a right answer wrong.
///
/// Case is folded; punctuation and whitespace around and between words collapse to one space;
/// letters, digits, symbols such as `+` or `%`, and accents are kept.
public enum AnswerNormalizer {
    public static func normalize(_ text: String) -> String {
        // Fast path for plain ASCII, the common case.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                let isWord = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || Self.asciiSymbols.contains(byte)
                if isWord {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
                } else {
                    pendingSpace = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace || isPunctuation(scalar) || TerminalSafeText.isUnsafe(scalar) {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }

    /// What tells two options (choices, items) apart: the normalised text, or for an option of
    /// punctuation alone, such as `{` or `#`, the trimmed text itself.
    public static func optionKey(_ text: String) -> String {
        let normalized = normalize(text)
        return normalized.isEmpty ? text.trimmingWhitespace() : normalized
    }

    /// ASCII symbols (not punctuation) that are kept: `$ + < = > ^ \` | ~`.
    private static let asciiSymbols: Set<UInt8> = Set("$+<=>^`|~".utf8)

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
