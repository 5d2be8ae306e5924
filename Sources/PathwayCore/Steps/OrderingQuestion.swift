/// Items the learner puts in the right order.
public struct OrderingQuestion: Question, Decodable {
    public static let typeName = "ordering"
    public static let displayName = "put in order"
    public static var alwaysShuffles: Bool { true }
    public var basics: QuestionBasics
    /// The items in the right order.
    public var items: [String]

    public init(id: String, prompt: String, items: [String], explanation: String? = nil, hints: [String] = []) {
        basics = QuestionBasics(id: id, prompt: prompt, explanation: explanation, hints: hints)
        self.items = items
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case items }

    public func encode(to encoder: any Encoder) throws {
        try basics.encode(to: encoder, type: Self.typeName)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(QuestionBasics.keys + CodingKeys.allCases.map(\.stringValue))
        basics = try QuestionBasics(from: decoder)
        items = try decoder.container(keyedBy: CodingKeys.self).decode([String].self, forKey: .items)
    }

    public func problems() -> [StepProblem] {
        var found = commonProblems()
        if items.count < 2 || items.count > 26 { found.append(.error("an ordering question needs 2 to 26 items", field: "items")) }
        if Set(items.map(AnswerNormalizer.normalize)).count != items.count { found.append(.error("two items have the same text", field: "items")) }
        return found
    }

    /// Shuffled so that the shown order is never already the answer.
    public func present(shuffling: Bool, using random: inout SeededRandom) -> Presentation {
        var order = Array(items.indices)
        if shuffling && items.count > 1 {
            repeat { order.shuffle(using: &random) } while order == Array(items.indices)
        }
        return Presentation(options: order.map { items[$0] }, order: order)
    }

    public func answerInstructions(for presentation: Presentation) -> String {
        let key = items.indices.map { presentation.order.firstIndex(of: $0) ?? $0 }
        let example = ExampleAnswer.sequence(count: items.count, optionCount: presentation.order.count, avoiding: key)
        return "Type the letters in the right order, e.g. \(example)."
    }

    public func evaluate(_ input: String, in presentation: Presentation) -> Evaluation {
        switch LetterSequence.parse(input, count: presentation.order.count) {
        case let .failure(problem):
            return .malformed(problem.message)
        case let .success(positions):
            guard positions.count == items.count, Set(positions).count == items.count else {
                return .malformed("Use each of the \(items.count) letters a–\(ChoiceInput.letter(items.count - 1)) once, in the order you choose, separated by commas.")
            }
            let given = positions.map { presentation.order[$0] }
            let inPlace = zip(given, items.indices).filter { $0 == $1 }.count
            let right = inPlace == items.count
            return .graded(Grade(isCorrect: right, score: Double(inPlace) / Double(items.count),
                                 feedback: right ? [] : ["\(inPlace) of \(items.count) items \(Plural.noun(inPlace, "is", "are")) in the right place."],
                                 recordedAnswer: given.map { items[$0] }.joined(separator: " > ")))
        }
    }

    public func correctAnswer(in presentation: Presentation) -> String {
        items.indices.map { index in
            let position = presentation.order.firstIndex(of: index) ?? index
            return "\(ChoiceInput.letter(position))) \(items[index])"
        }.joined(separator: " → ")
    }

    public func selfCheck() -> SelfCheck {
        let letters = items.indices.map(ChoiceInput.letter)
        return SelfCheck(mustPass: [letters.joined(separator: ",")], mustFail: items.count > 1 ? [letters.reversed().joined(separator: ",")] : [])
    }
}

/// Reads a sequence of option letters: `c,a,b`, `c a b`, `cab` or numbers `3,1,2`.
enum LetterSequence {
    static func parse(_ input: String, count: Int) -> Result<[Int], InputProblem> {
        let text = input.trimmingWhitespace().lowercased()
        guard !text.isEmpty else { return .failure("Type the letters in order, separated by commas.") }
        var tokens = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" || $0 == ">" || $0 == "-" }).map(String.init)
        // "cab" with no separators: one letter per item.
        if tokens.count == 1, tokens[0].count > 1, tokens[0].allSatisfy(\.isLetter) { tokens = tokens[0].map(String.init) }
        var positions: [Int] = []
        for token in tokens {
            if let n = Int(token), (1...count).contains(n) {
                positions.append(n - 1)
            } else if token.count == 1, let scalar = token.unicodeScalars.first, scalar.value >= 97, scalar.value < 97 + UInt32(min(count, 26)) {
                positions.append(Int(scalar.value - 97))
            } else {
                return .failure("'\(TerminalSafeText.sanitize(token))' is not one of the letters a–\(ChoiceInput.letter(count - 1)).")
            }
        }
        return .success(positions)
    }
}
