/// Reads numbers the way people type them: `0.5`, `.5`, `-2`, `1e3`, `1,250`, `80%`, `$7.00`.
public enum NumberInput {
    /// The number in `input`, or nil. A trailing `unit` (e.g. `%`) is allowed and ignored.
    public static func parse(_ input: String, unit: String? = nil) -> Double? {
        var text = input.trimmingWhitespace()
        if let unit, !unit.isEmpty, text.lowercased().hasSuffix(unit.lowercased()) {
            text = String(text.dropLast(unit.count)).trimmingWhitespace()
        }
        // A word after the number (`12 percent`, `6 cases`) names what is counted; the
        // question's unit decides what the number means.
        if let space = text.lastIndex(of: " "), text[..<space].contains(where: \.isNumber) {
            let word = text[text.index(after: space)...].lowercased()
            if !word.isEmpty, word.allSatisfy(\.isLetter), !scaleWords.contains(word) {
                text = String(text[..<space]).trimmingWhitespace()
                if text.lowercased().hasSuffix(" per") { text = String(text.dropLast(4)).trimmingWhitespace() }
            }
        }
        if text.hasSuffix("%"), unit == "%" { text = String(text.dropLast()).trimmingWhitespace() }
        // A currency sign before the number is fine: $0.475, €12.
        if let first = text.first, "$€£¥".contains(first) { text = String(text.dropFirst()).trimmingWhitespace() }
        if text.hasPrefix("+") { text.removeFirst() }
        if text.contains(",") {
            guard hasThousandsSeparators(text) else { return nil }
            text.removeAll { $0 == "," }
        }
        guard !text.isEmpty,
              text.unicodeScalars.allSatisfy({ "0123456789.eE+-".unicodeScalars.contains($0) }),
              text.contains(where: \.isNumber),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Words that change a number's size; a number followed by one is not read.
    private static let scaleWords: Set<String> = ["thousand", "million", "billion", "trillion", "k", "m", "bn"]

    /// Whether commas in `text` sit every three digits of the integer part (`12,345.6`).
    private static func hasThousandsSeparators(_ text: String) -> Bool {
        var integerPart = Substring(text)
        if let dot = text.firstIndex(of: ".") { integerPart = text[..<dot] }
        if integerPart.hasPrefix("-") { integerPart = integerPart.dropFirst() }
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isNumber) }
    }

    /// `value` written without a needless fractional part (`4`, `0.625`).
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(value)
        if text.contains("e") { return text }
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
