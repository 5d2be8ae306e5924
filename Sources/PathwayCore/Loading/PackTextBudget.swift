/// The text one pack may hold in all: its files as they expand (YAML aliases included) and every
/// Markdown file each time a step uses it. Each file has its own limits; this one bounds their
/// sum, so what the tutor keeps in memory and in its pack cache stays small whatever the pack.
struct PackTextBudget {
    static let defaultLimit = 64 * 1024 * 1024
    let limit: Int
    private(set) var used = 0

    init(limit: Int = Self.defaultLimit) { self.limit = limit }

    /// Whether the pack went past its limit.
    var isSpent: Bool { used > limit }

    /// Counts `bytes`; false once the pack is past its limit.
    @discardableResult
    mutating func charge(_ bytes: Int) -> Bool {
        let (sum, overflow) = used.addingReportingOverflow(bytes)
        used = overflow ? .max : sum
        return !isSpent
    }

    /// The error reported once, on the manifest.
    var message: String {
        "the pack expands to more than \(limit / 1_048_576) MB of text in all (its files, the Markdown its steps use, "
            + "and what YAML aliases repeat); a pack may hold at most that"
    }

    /// Thrown instead of reading a file once the budget is spent; reported once, not per file.
    struct Spent: Error {}
}
