/// A count and its noun in agreement, for every text a person reads: `Plural.count(1, "question")`
/// is "1 question", `Plural.count(3, "question")` is "3 questions".
///
/// The plural is the singular with an `s` unless one is given (`Plural.count(2, "batch",
/// "batches")`); a phrase may carry its verb (`Plural.noun(n, "question is", "questions are")`).
public enum Plural {
    /// `count`, a space, and the noun that agrees with it.
    public static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(noun(count, singular, plural))"
    }

    /// The singular when `count` is 1, else the plural (the singular with an `s` by default).
    public static func noun(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }
}
