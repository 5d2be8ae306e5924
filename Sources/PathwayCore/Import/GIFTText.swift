/// GIFT text as characters that remember whether they were escaped (`\=`, `\{`, …) and where
/// they were in the file, so the parser sees only unescaped markup and every diagnostic can
/// name a line and column.
struct GIFTText {
    struct Unit {
        var character: Character
        /// Written with a backslash: never markup.
        var escaped: Bool
        var line: Int
        var column: Int
    }

    private(set) var units: [Unit]

    init(units: [Unit] = []) { self.units = units }

    /// The characters GIFT lets a backslash escape; `\n` stands for a line break.
    static let escapable: Set<Character> = ["~", "=", "#", "{", "}", ":", "\\"]

    /// One line of the file, with its escapes read.
    init(line: String, number: Int, firstColumn: Int = 1) {
        var units: [Unit] = []
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let c = characters[index]
            let column = firstColumn + index
            if c == "\\", index + 1 < characters.count {
                let next = characters[index + 1]
                if Self.escapable.contains(next) {
                    units.append(Unit(character: next, escaped: true, line: number, column: column))
                    index += 2
                    continue
                }
                if next == "n" {
                    units.append(Unit(character: "\n", escaped: true, line: number, column: column))
                    index += 2
                    continue
                }
            }
            units.append(Unit(character: c, escaped: false, line: number, column: column))
            index += 1
        }
        self.units = units
    }

    var isEmpty: Bool { units.isEmpty }
    var count: Int { units.count }

    /// The line and column of the first character (or of `fallback` when empty).
    func position(or fallback: (line: Int, column: Int)) -> (line: Int, column: Int) {
        units.first.map { ($0.line, $0.column) } ?? fallback
    }

    mutating func append(_ other: GIFTText) { units += other.units }
    mutating func append(_ unit: Unit) { units.append(unit) }

    subscript(range: Range<Int>) -> GIFTText { GIFTText(units: Array(units[range])) }

    func dropFirst(_ n: Int) -> GIFTText { GIFTText(units: Array(units.dropFirst(n))) }

    /// Whether the text starts with `prefix`, unescaped.
    func hasPrefix(_ prefix: String) -> Bool { matches(Array(prefix), at: 0) }

    /// The first index at or after `start` where `needle` appears unescaped.
    func firstIndex(of needle: String, from start: Int = 0) -> Int? {
        let pattern = Array(needle)
        guard !pattern.isEmpty, start <= units.count - pattern.count else { return nil }
        return (start...(units.count - pattern.count)).first { matches(pattern, at: $0) }
    }

    /// The last index where `needle` appears unescaped.
    func lastIndex(of needle: String) -> Int? {
        let pattern = Array(needle)
        guard !pattern.isEmpty, units.count >= pattern.count else { return nil }
        return (0...(units.count - pattern.count)).reversed().first { matches(pattern, at: $0) }
    }

    func contains(_ needle: String) -> Bool { firstIndex(of: needle) != nil }

    /// Pieces between unescaped occurrences of `separator`, like PHP's `explode`.
    func split(on separator: String, limit: Int = .max) -> [GIFTText] {
        var pieces: [GIFTText] = []
        var start = 0
        var search = 0
        while pieces.count < limit - 1, let found = firstIndex(of: separator, from: search) {
            pieces.append(self[start..<found])
            start = found + separator.count
            search = start
        }
        pieces.append(self[start..<units.count])
        return pieces
    }

    /// Without whitespace (unescaped or not) at either end; `\n` escapes are kept.
    func trimmed() -> GIFTText {
        func isSpace(_ unit: Unit) -> Bool { !unit.escaped && unit.character.isWhitespace }
        guard let first = units.firstIndex(where: { !isSpace($0) }), let last = units.lastIndex(where: { !isSpace($0) }) else {
            return GIFTText()
        }
        return GIFTText(units: Array(units[first...last]))
    }

    /// The text with escapes resolved and control characters shown escaped.
    var string: String { TerminalSafeText.sanitize(String(units.map(\.character))) }

    private func matches(_ pattern: [Character], at index: Int) -> Bool {
        guard index >= 0, index + pattern.count <= units.count else { return false }
        for (offset, c) in pattern.enumerated() {
            let unit = units[index + offset]
            if unit.escaped || unit.character != c { return false }
        }
        return true
    }
}
