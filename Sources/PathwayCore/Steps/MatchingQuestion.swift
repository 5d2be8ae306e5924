/// Items the learner matches to options: `1b 2a 3c`.
public struct MatchingQuestion: Question, Decodable {
    public static let typeName = "matching"
    public static let displayName = "match the pairs"
    public static var alwaysShuffles: Bool { true }
    public var basics: QuestionBasics
    public var pairs: [Pair]
    /// Extra options that match no item.
    public var distractors: [String]

    /// An item and the option it matches.
    public struct Pair: Sendable, Equatable, Codable {
        public var left: String
        public var right: String

        public init(left: String, right: String) {
            self.left = left
            self.right = right
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case left, right }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            left = try c.decode(String.self, forKey: .left)
            right = try c.decode(String.self, forKey: .right)
        }
    }

    public init(id: String, prompt: String, pairs: [Pair], distractors: [String] = [], explanation: String? = nil, hints: [String] = []) {
        basics = QuestionBasics(id: id, prompt: prompt, explanation: explanation, hints: hints)
        self.pairs = pairs
        self.distractors = distractors
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case pairs, distractors }

    public func encode(to encoder: any Encoder) throws {
        try basics.encode(to: encoder, type: Self.typeName)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pairs, forKey: .pairs)
        if !distractors.isEmpty { try c.encode(distractors, forKey: .distractors) }
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(QuestionBasics.keys + CodingKeys.allCases.map(\.stringValue))
        basics = try QuestionBasics(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pairs = try c.decode([Pair].self, forKey: .pairs)
        distractors = try c.decodeIfPresent([String].self, forKey: .distractors) ?? []
    }

    /// Every option: the right sides, then the distractors.
    private var allOptions: [String] { pairs.map(\.right) + distractors }

    public func problems() -> [StepProblem] {
        var found = commonProblems()
        if pairs.count < 2 { found.append(.error("a matching question needs at least two pairs", field: "pairs")) }
        if allOptions.count > 26 { found.append(.error("at most 26 options (one per letter)", field: "pairs")) }
        if Set(allOptions.map(AnswerNormalizer.normalize)).count != allOptions.count {
            found.append(.error("two options have the same text; each item must match a different option", field: "pairs"))
        }
        return found
    }

    public func present(shuffling: Bool, using random: inout SeededRandom) -> Presentation {
        var order = Array(allOptions.indices)
        if shuffling && order.count > 1 {
            repeat { order.shuffle(using: &random) } while order == Array(allOptions.indices)
        }
        return Presentation(options: order.map { allOptions[$0] }, order: order, items: pairs.map(\.left))
    }

    public func answerInstructions(for presentation: Presentation) -> String {
        let key = pairs.indices.map { presentation.order.firstIndex(of: $0) ?? $0 }
        let example = ExampleAnswer.sequence(count: pairs.count, optionCount: presentation.order.count, avoiding: key)
        let letters = example.split(separator: ",")
        let pairsExample = letters.prefix(3).enumerated().map { "\($0.offset + 1)\($0.element)" }.joined(separator: " ")
        return "Type a letter for each numbered item, in order (e.g. \(example)), or pairs like \(pairsExample)."
    }

    public func evaluate(_ input: String, in presentation: Presentation) -> Evaluation {
        let picks: [Int]
        switch parse(input, presentation: presentation) {
        case let .failure(problem): return .malformed(problem.message)
        case let .success(value): picks = value
        }
        let chosen = picks.map { presentation.order[$0] }
        let rightCount = chosen.enumerated().filter { $0.offset == $0.element }.count
        let right = rightCount == pairs.count
        let recorded = zip(pairs, chosen).map { "\($0.left) = \(allOptions[$1])" }.joined(separator: "; ")
        return .graded(Grade(isCorrect: right, score: Double(rightCount) / Double(pairs.count),
                             feedback: right ? [] : ["\(rightCount) of \(pairs.count) pairs \(Plural.noun(rightCount, "is", "are")) right."],
                             recordedAnswer: recorded))
    }

    /// The displayed option position chosen for each item, from `b,a,c` or `1b 2a 3c`.
    private func parse(_ input: String, presentation: Presentation) -> Result<[Int], InputProblem> {
        let text = input.trimmingWhitespace().lowercased()
        let compact = text.filter { !$0.isWhitespace && $0 != "," && $0 != ";" && $0 != "-" && $0 != "=" && $0 != ":" }
        if compact.first?.isNumber == true {
            // Pairs: 1b2a3c.
            var picks = [Int?](repeating: nil, count: pairs.count)
            var number = ""
            for c in compact {
                if c.isNumber { number.append(c); continue }
                guard let n = Int(number), (1...pairs.count).contains(n), let position = letterPosition(c, presentation) else {
                    return .failure("Write pairs as 1b 2a 3c: an item number, then the letter of its option.")
                }
                picks[n - 1] = position
                number = ""
            }
            guard number.isEmpty, picks.allSatisfy({ $0 != nil }) else {
                return .failure("Match every item 1–\(pairs.count) to a letter, e.g. 1b 2a 3c.")
            }
            return .success(picks.compactMap { $0 })
        }
        let letters = Array(compact)
        guard letters.count == pairs.count else {
            return .failure("Type \(pairs.count) letters, one for each numbered item in order (e.g. \(String("bac".prefix(pairs.count)))).")
        }
        var picks: [Int] = []
        for c in letters {
            guard let position = letterPosition(c, presentation) else {
                return .failure("'\(c)' is not one of the options a–\(ChoiceInput.letter(presentation.options.count - 1)).")
            }
            picks.append(position)
        }
        return .success(picks)
    }

    private func letterPosition(_ c: Character, _ presentation: Presentation) -> Int? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1, scalar.value >= 97,
              scalar.value < 97 + UInt32(presentation.options.count) else { return nil }
        return Int(scalar.value - 97)
    }

    public func correctAnswer(in presentation: Presentation) -> String {
        pairs.indices.map { index in
            let position = presentation.order.firstIndex(of: index) ?? index
            return "\(index + 1)\(ChoiceInput.letter(position)) (\(pairs[index].left) = \(pairs[index].right))"
        }.joined(separator: ", ")
    }

    public func selfCheck() -> SelfCheck {
        let right = pairs.indices.map(ChoiceInput.letter).joined(separator: ",")
        let swapped = pairs.count > 1 ? [([1, 0] + Array(2..<pairs.count)).map(ChoiceInput.letter).joined(separator: ",")] : []
        return SelfCheck(mustPass: [right, pairs.indices.map { "\($0 + 1)\(ChoiceInput.letter($0))" }.joined(separator: " ")], mustFail: swapped)
    }
}
