import Yams

/// Checks a composed YAML/JSON document before it is decoded: bounds the number of values
/// (an alias "billion laughs" bomb expands far past it) and the nesting depth, and makes every
/// text value terminal-safe, reporting where control characters were found.
struct DocumentGuard {
    /// The most values one file may hold once aliases are expanded.
    var maximumValues = 200_000
    /// The deepest nesting accepted.
    var maximumDepth = 64

    private(set) var values = 0
    /// Where the first text with control characters or escape sequences was, if any.
    private(set) var firstUnsafeMark: Mark?
    private(set) var unsafeTexts = 0

    enum Failure: Error {
        case tooManyValues(Int)
        case tooDeep(Int, Mark?)
    }

    mutating func check(_ node: inout Node, depth: Int = 0) throws {
        values += 1
        guard values <= maximumValues else { throw Failure.tooManyValues(maximumValues) }
        guard depth <= maximumDepth else { throw Failure.tooDeep(maximumDepth, node.mark) }
        switch node {
        case var .scalar(scalar):
            let safe = TerminalSafeText.sanitize(scalar.string)
            if safe != scalar.string {
                unsafeTexts += 1
                if firstUnsafeMark == nil { firstUnsafeMark = scalar.mark }
                let tag = scalar.tag
                scalar.string = safe
                scalar.tag = tag
                node = .scalar(scalar)
            }
        case var .mapping(mapping):
            for index in mapping.indices {
                var value = mapping[index].value
                try check(&value, depth: depth + 1)
                mapping[index] = (mapping[index].key, value)
            }
            node = .mapping(mapping)
        case var .sequence(sequence):
            for index in sequence.indices {
                try check(&sequence[index], depth: depth + 1)
            }
            node = .sequence(sequence)
        case .alias:
            break
        }
    }
}
