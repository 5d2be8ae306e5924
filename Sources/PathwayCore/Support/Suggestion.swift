/// "Did you mean …?" for a misspelt name: the closest known name within a small edit distance.
public enum Suggestion {
    /// The name in `names` closest to `word`, when it is at most a third of the word's length
    /// (and at most 3) edits away; nil when nothing is close or `word` is itself a name.
    public static func closest(to word: String, among names: some Sequence<String>) -> String? {
        let limit = min(3, max(1, word.count / 3))
        var best: (name: String, distance: Int)?
        for name in names where name != word {
            let distance = editDistance(word.lowercased(), name.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) { best = (name, distance) }
        }
        return best?.name
    }

    /// " (did you mean 'x'?)" or "" — for appending to a message.
    public static func phrase(for word: String, among names: some Sequence<String>) -> String {
        closest(to: word, among: names).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The Levenshtein distance: insertions, deletions and substitutions of one character.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
