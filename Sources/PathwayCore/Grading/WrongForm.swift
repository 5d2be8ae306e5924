/// Answers in the wrong form, caught before grading so they cost no try.
enum WrongForm {
    /// A fraction typed where a percentage is asked (`0.046` for 4.6%): a sentence asking what
    /// was meant, or nil. Typing the `%` sign says the number is meant as written.
    static func fractionForPercent(_ input: String, value: Double, unit: String?) -> String? {
        guard unit == "%", !input.contains("%"), !input.lowercased().contains("per"), value != 0, abs(value) < 1 else { return nil }
        let percent = NumberInput.format((value * 100 * 1e9).rounded() / 1e9)
        let typed = NumberInput.format(value)
        return "Did you mean \(percent)%? This question asks for a percentage: type \(percent) for \(percent)%, or \(typed)% if you meant \(typed)%."
    }

    /// Words that may start a short answer without changing it.
    static let articles: Set<Substring> = ["the", "a", "an"]

    /// A normalised answer without a leading article (`the gdpr` → `gdpr`); unchanged when the
    /// article is the whole answer.
    static func withoutArticle(_ normalized: String) -> String {
        let words = normalized.split(separator: " ", maxSplits: 1)
        guard words.count == 2, articles.contains(words[0]) else { return normalized }
        return String(words[1])
    }
}
