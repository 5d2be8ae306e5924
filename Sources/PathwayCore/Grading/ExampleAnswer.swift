/// Examples shown in answer instructions ("e.g. a,c") that never give the answer away: the
/// first candidate that is not the key.
enum ExampleAnswer {
    /// Letters for an answer given as option positions in order (ordering, matching), written
    /// `a,b,c`, never equal to `key`.
    static func sequence(count: Int, optionCount: Int, avoiding key: [Int]) -> String {
        let limit = max(optionCount, 1)
        var candidates: [[Int]] = [Array(0..<count).map { $0 % limit }, Array(0..<count).reversed().map { $0 % limit }]
        for shift in 1..<max(count, 2) { candidates.append((0..<count).map { ($0 + shift) % limit }) }
        let pick = candidates.first { $0 != key } ?? candidates[0]
        return pick.map(ChoiceInput.letter).joined(separator: ",")
    }

    /// Letters for a set of options (select all that apply), never the set `key`.
    static func set(optionCount: Int, avoiding key: Set<Int>) -> String {
        let candidates: [[Int]] = [[0, 2], [1, 2], [0, 1], [1, 3], [0, 3], [2, 3], [0], [1]]
        let pick = candidates.first { Set($0) != key && $0.allSatisfy { $0 < optionCount } } ?? [0]
        return pick.map(ChoiceInput.letter).joined(separator: ",")
    }
}
