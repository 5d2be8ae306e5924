/// Normalises free-text answers so that trivial differences do not make a right answer wrong.
///
/// Case is folded; punctuation and whitespace around and between words collapse to one space;
/// letters, digits, symbols such as `+` or `%`, and accents are kept.
public enum AnswerNormalizer {
    public static func normalize(_ text: String) -> String {
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
