/// A regular expression for answers that runs in time linear in the input, whatever the
/// pattern: a pack cannot hang the tutor with `(a+)+b`.
///
/// The pattern is compiled to a Thompson NFA and simulated state set by state set (no
/// backtracking). Supported: literals, `.`, classes `[a-z0-9]` and `[^…]`, `\d \w \s` and
/// their negations, escapes, groups `( )` and `(?: )`, alternation `|`, `?`, `*`, `+`,
/// `{m}`, `{m,}`, `{m,n}` (n ≤ 100), and `^`/`$` (the whole answer must match anyway).
/// Back-references and look-around are refused.
public struct SafePattern: Sendable, CustomStringConvertible {
    public let description: String
    private let program: [Instruction]
    private let caseInsensitive: Bool

    /// The longest pattern accepted, and the most NFA states it may compile to.
    public static let maximumLength = 500
    static let maximumStates = 1_000
    /// The longest answer matched. With the state limit this bounds one match to a million
    /// state steps, well under a second on any machine, whatever the pattern.
    public static let maximumInputLength = 1_000

    public init(_ pattern: String, caseInsensitive: Bool = true) throws {
        guard pattern.count <= Self.maximumLength else {
            throw SafePatternError(pattern: pattern, message: "longer than \(Self.maximumLength) characters")
        }
        description = pattern
        self.caseInsensitive = caseInsensitive
        var parser = Parser(Array(caseInsensitive ? pattern.lowercased() : pattern), pattern: pattern)
        let node = try parser.parse()
        var compiler = Compiler(pattern: pattern)
        try compiler.emit(node)
        compiler.program.append(.match)
        guard compiler.program.count <= Self.maximumStates else { throw compiler.tooManyStates }
        program = compiler.program
    }

    /// Whether the whole of `text` matches. Text longer than ``maximumInputLength`` characters
    /// never matches (the prompt refuses such answers before grading).
    public func matches(_ text: String) -> Bool { run(text).matched }

    /// Runs the automaton over `text`, counting the states it enters. Every state is entered at
    /// most once per character, so the work is bounded by the program size times the input
    /// length, whatever the pattern.
    func run(_ text: String) -> (matched: Bool, statesEntered: Int) {
        let input = Array(caseInsensitive ? text.lowercased() : text)
        guard input.count <= Self.maximumInputLength else { return (false, 0) }
        var current = StateSet(capacity: program.count)
        var next = StateSet(capacity: program.count)
        var entered = addState(0, to: &current)
        for character in input {
            next.clear()
            for pc in current.members {
                if case let .character(test) = program[pc], test.matches(character) { entered += addState(pc + 1, to: &next) }
            }
            if next.members.isEmpty { return (false, entered) }
            swap(&current, &next)
        }
        let matched = current.members.contains { if case .match = program[$0] { return true } else { return false } }
        return (matched, entered)
    }

    /// The number of states in the compiled automaton.
    var stateCount: Int { program.count }

    /// Adds `pc` and every state reachable from it without reading a character; returns how
    /// many states were new to the set.
    private func addState(_ pc: Int, to set: inout StateSet) -> Int {
        var stack = [pc]
        var added = 0
        while let pc = stack.popLast() {
            guard set.insert(pc) else { continue }
            added += 1
            switch program[pc] {
            case let .jump(target): stack.append(target)
            case let .split(a, b): stack.append(b); stack.append(a)
            default: break
            }
        }
        return added
    }

    /// A set of NFA states cleared in constant time: members in order of insertion, and a
    /// generation mark per state.
    private struct StateSet {
        private(set) var members: [Int] = []
        private var marks: [UInt32]
        private var generation: UInt32 = 1

        init(capacity: Int) {
            marks = Array(repeating: 0, count: capacity)
            members.reserveCapacity(capacity)
        }

        mutating func insert(_ pc: Int) -> Bool {
            guard marks[pc] != generation else { return false }
            marks[pc] = generation
            members.append(pc)
            return true
        }

        mutating func clear() {
            members.removeAll(keepingCapacity: true)
            generation &+= 1
            if generation == 0 {
                marks = Array(repeating: 0, count: marks.count)
                generation = 1
            }
        }
    }

    enum Instruction: Sendable {
        case character(CharacterTest)
        case split(Int, Int)
        case jump(Int)
        case match
    }

    indirect enum Node {
        case test(CharacterTest)
        case empty
        case sequence([Node])
        case alternation([Node])
        case repeated(Node, min: Int, max: Int?)
    }

    /// A shorthand class such as `\\d`, possibly negated (`\\D`).
    struct Shorthand: Sendable {
        enum Kind: Sendable { case digit, word, space }
        var kind: Kind
        var negated = false

        func matches(_ c: Character) -> Bool {
            let inside: Bool
            switch kind {
            case .digit: inside = c.isNumber
            case .word: inside = c.isLetter || c.isNumber || c == "_"
            case .space: inside = c.isWhitespace
            }
            return inside != negated
        }
    }

    struct CharacterTest: Sendable {
        var ranges: [ClosedRange<Character>] = []
        var classes: [Shorthand] = []
        var negated = false
        var any = false

        func matches(_ c: Character) -> Bool {
            if any { return c != "\n" }
            let inside = ranges.contains { $0.contains(c) } || classes.contains { $0.matches(c) }
            return inside != negated
        }
    }
}

/// Why a pattern was refused.
public struct SafePatternError: Error, CustomStringConvertible, Equatable {
    public var pattern: String
    public var message: String
    public var description: String { "pattern '\(pattern)': \(message)" }
}

extension SafePattern {
    struct Parser {
        let chars: [Character]
        let pattern: String
        var index = 0

        init(_ chars: [Character], pattern: String) {
            self.chars = chars
            self.pattern = pattern
        }

        func fail(_ message: String) -> SafePatternError { SafePatternError(pattern: pattern, message: message) }

        mutating func parse() throws -> Node {
            let node = try alternation()
            if index < chars.count { throw fail("unbalanced ')' at position \(index + 1)") }
            return node
        }

        mutating func alternation() throws -> Node {
            var branches = [try sequence()]
            while index < chars.count, chars[index] == "|" {
                index += 1
                branches.append(try sequence())
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func sequence() throws -> Node {
            var items: [Node] = []
            while index < chars.count, chars[index] != "|", chars[index] != ")" {
                var atom = try self.atom()
                while index < chars.count, let (min, max) = try quantifier() {
                    atom = .repeated(atom, min: min, max: max)
                }
                items.append(atom)
            }
            return items.count == 1 ? items[0] : .sequence(items)
        }

        mutating func quantifier() throws -> (Int, Int?)? {
            switch chars[index] {
            case "?": index += 1; return (0, 1)
            case "*": index += 1; return (0, nil)
            case "+": index += 1; return (1, nil)
            case "{":
                guard let close = chars[index...].firstIndex(of: "}") else { throw fail("'{' without '}'") }
                let body = String(chars[(index + 1)..<close])
                let parts = body.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard (1...2).contains(parts.count), let low = Int(parts[0]) else { throw fail("bad repetition {\(body)}") }
                let high: Int? = parts.count == 1 ? low : (parts[1].isEmpty ? nil : Int(parts[1]))
                if parts.count == 2, !parts[1].isEmpty, high == nil { throw fail("bad repetition {\(body)}") }
                guard low >= 0, (0...100).contains(low), (high ?? low) <= 100, low <= (high ?? low) else {
                    throw fail("repetition counts must be whole numbers from 0 to 100")
                }
                index = close + 1
                return (low, high)
            default:
                return nil
            }
        }

        mutating func atom() throws -> Node {
            let c = chars[index]
            index += 1
            switch c {
            case "(":
                if index + 1 < chars.count, chars[index] == "?" {
                    guard chars[index + 1] == ":" else { throw fail("look-around and other (? groups are not supported") }
                    index += 2
                }
                let inner = try alternation()
                guard index < chars.count, chars[index] == ")" else { throw fail("'(' without ')'") }
                index += 1
                return inner
            case "[": return .test(try characterClass())
            case ".": return .test(CharacterTest(any: true))
            case "^", "$": return .empty // the whole answer is matched anyway
            case "\\": return .test(try escape(inClass: false))
            case "*", "+", "?", "{": throw fail("'\(c)' has nothing to repeat at position \(index)")
            default: return .test(CharacterTest(ranges: [c...c]))
            }
        }

        mutating func escape(inClass: Bool) throws -> CharacterTest {
            guard index < chars.count else { throw fail("pattern ends with '\\'") }
            let c = chars[index]
            index += 1
            switch c {
            case "d": return CharacterTest(classes: [Shorthand(kind: .digit)])
            case "D": return CharacterTest(classes: [Shorthand(kind: .digit, negated: true)])
            case "w": return CharacterTest(classes: [Shorthand(kind: .word)])
            case "W": return CharacterTest(classes: [Shorthand(kind: .word, negated: true)])
            case "s": return CharacterTest(classes: [Shorthand(kind: .space)])
            case "S": return CharacterTest(classes: [Shorthand(kind: .space, negated: true)])
            case "1"..."9": throw fail("back-references are not supported")
            default: return CharacterTest(ranges: [c...c])
            }
        }

        mutating func characterClass() throws -> CharacterTest {
            var test = CharacterTest()
            if index < chars.count, chars[index] == "^" {
                test.negated = true
                index += 1
            }
            var first = true
            while index < chars.count, chars[index] != "]" || first {
                first = false
                var low = chars[index]
                index += 1
                if low == "\\" {
                    let escaped = try escape(inClass: true)
                    if escaped.ranges.count == 1, escaped.classes.isEmpty {
                        low = escaped.ranges[0].lowerBound
                    } else {
                        test.classes += escaped.classes
                        continue
                    }
                }
                if index + 1 < chars.count, chars[index] == "-", chars[index + 1] != "]" {
                    let high = chars[index + 1]
                    index += 2
                    guard low <= high else { throw fail("range \(low)-\(high) is out of order") }
                    test.ranges.append(low...high)
                } else {
                    test.ranges.append(low...low)
                }
            }
            guard index < chars.count else { throw fail("'[' without ']'") }
            index += 1
            return test
        }
    }

    struct Compiler {
        let pattern: String
        var program: [Instruction] = []

        var tooManyStates: SafePatternError {
            SafePatternError(pattern: pattern, message: "expands to more than \(SafePattern.maximumStates) states; use smaller repetition counts")
        }

        mutating func emit(_ node: Node) throws {
            guard program.count <= SafePattern.maximumStates else { throw tooManyStates }
            switch node {
            case .empty:
                break
            case let .test(test):
                program.append(.character(test))
            case let .sequence(items):
                for item in items { try emit(item) }
            case let .alternation(branches):
                var jumps: [Int] = []
                for (i, branch) in branches.enumerated() {
                    if i < branches.count - 1 {
                        let split = program.count
                        program.append(.split(split + 1, -1))
                        try emit(branch)
                        jumps.append(program.count)
                        program.append(.jump(-1))
                        program[split] = .split(split + 1, program.count)
                    } else {
                        try emit(branch)
                    }
                }
                for jump in jumps { program[jump] = .jump(program.count) }
            case let .repeated(inner, min, max):
                for _ in 0..<min { try emit(inner) }
                if let max {
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(program.count)
                        program.append(.split(program.count + 1, -1))
                        try emit(inner)
                    }
                    for split in splits { program[split] = .split(split + 1, program.count) }
                } else {
                    let split = program.count
                    program.append(.split(split + 1, -1))
                    try emit(inner)
                    program.append(.jump(split))
                    program[split] = .split(split + 1, program.count)
                }
            }
        }
    }
}
