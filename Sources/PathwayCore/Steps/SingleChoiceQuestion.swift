/// A question with one right choice among several.
public struct SingleChoiceQuestion: Question, Decodable {
    public static let typeName = "single_choice"
    public static let displayName = "single choice"
    public var basics: QuestionBasics
    public var choices: [Choice]
    /// Whether the choices may be shuffled.
    public var shuffle: Bool
    /// Whether several choices are right and picking any one of them is right (`any_correct`).
    public var anyCorrect: Bool

    public init(id: String, prompt: String, choices: [Choice], explanation: String? = nil,
                hints: [String] = [], shuffle: Bool = true, anyCorrect: Bool = false) {
        basics = QuestionBasics(id: id, prompt: prompt, explanation: explanation, hints: hints)
        self.choices = choices
        self.shuffle = shuffle
        self.anyCorrect = anyCorrect
    }

    public func encode(to encoder: any Encoder) throws {
        try basics.encode(to: encoder, type: Self.typeName)
        try ChoiceRules.encode(choices, shuffle: shuffle, to: encoder)
        if anyCorrect {
            var c = encoder.container(keyedBy: AnyCodingKey.self)
            try c.encode(true, forKey: AnyCodingKey(stringValue: Self.anyCorrectKey))
        }
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(QuestionBasics.keys + ChoiceRules.keys + [Self.anyCorrectKey])
        basics = try QuestionBasics(from: decoder)
        (choices, shuffle) = try ChoiceRules.decode(from: decoder)
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        anyCorrect = try c.decodeIfPresent(Bool.self, forKey: AnyCodingKey(stringValue: Self.anyCorrectKey)) ?? false
    }

    static let anyCorrectKey = "any_correct"

    public func problems() -> [StepProblem] {
        var found = commonProblems() + ChoiceRules.problems(choices)
        let correct = choices.filter(\.isCorrect).count
        if anyCorrect {
            if correct < 2 {
                found.append(.error("'any_correct: true' needs two or more choices with 'correct: true' (it has \(correct)); with one, leave 'any_correct' out", field: "choices"))
            }
        } else if correct != 1 {
            let advice = correct > 1 ? "; if picking any one of them is right, add 'any_correct: true'; if all must be picked, use multiple_select" : ""
            found.append(.error("a single_choice question needs exactly one choice with 'correct: true' (it has \(correct))" + advice, field: "choices"))
        }
        return found
    }

    public func present(shuffling: Bool, using random: inout SeededRandom) -> Presentation {
        ChoiceRules.present(choices, shuffle: shuffling && shuffle, using: &random)
    }

    public func answerInstructions(for presentation: Presentation) -> String {
        "Type the letter of your answer (a–\(ChoiceInput.letter(presentation.options.count - 1)))."
    }

    public func evaluate(_ input: String, in presentation: Presentation) -> Evaluation {
        switch ChoiceInput.parse(input, optionCount: presentation.order.count, options: presentation.options, allowMany: false) {
        case let .failure(error):
            return .malformed(error.message(allowMany: false, optionCount: presentation.order.count))
        case let .success(picked):
            let choice = choices[presentation.order[picked[0]]]
            return .graded(Grade(isCorrect: choice.isCorrect,
                                 feedback: choice.isCorrect ? [] : [choice.feedback].compactMap { $0 },
                                 recordedAnswer: choice.text))
        }
    }

    public func correctAnswer(in presentation: Presentation) -> String {
        let right = presentation.order.indices.filter { choices[presentation.order[$0]].isCorrect }
        return right.map { ChoiceRules.describe([$0], in: presentation) }.joined(separator: " or ")
    }

    public func selfCheck() -> SelfCheck {
        SelfCheck(mustPass: choices.indices.filter { choices[$0].isCorrect }.map(ChoiceInput.letter),
                  mustFail: choices.indices.filter { !choices[$0].isCorrect }.map(ChoiceInput.letter))
    }
}

/// Rules shared by the choice question types.
enum ChoiceRules {
    static let keys = ["choices", "shuffle"]

    static func decode(from decoder: any Decoder) throws -> (choices: [Choice], shuffle: Bool) {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        return (try c.decode([Choice].self, forKey: AnyCodingKey(stringValue: "choices")),
                try c.decodeIfPresent(Bool.self, forKey: AnyCodingKey(stringValue: "shuffle")) ?? true)
    }

    static func problems(_ choices: [Choice]) -> [StepProblem] {
        var found: [StepProblem] = []
        if choices.count < 2 { found.append(.error("a choice question needs at least two choices", field: "choices")) }
        if choices.count > 26 { found.append(.error("at most 26 choices (one per letter)", field: "choices")) }
        if choices.contains(where: { $0.text.trimmingWhitespace().isEmpty }) {
            found.append(.error("a choice has empty text", field: "choices"))
        }
        let texts = choices.map { AnswerNormalizer.optionKey($0.text) }
        if Set(texts).count != texts.count { found.append(.error("two choices have the same text", field: "choices")) }
        return found
    }

    static func encode(_ choices: [Choice], shuffle: Bool, to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(choices, forKey: AnyCodingKey(stringValue: "choices"))
        if !shuffle { try c.encode(false, forKey: AnyCodingKey(stringValue: "shuffle")) }
    }

    static func present(_ choices: [Choice], shuffle: Bool, using random: inout SeededRandom) -> Presentation {
        var order = Array(choices.indices)
        if shuffle { order.shuffle(using: &random) }
        return Presentation(options: order.map { choices[$0].text }, order: order)
    }

    static func describe(_ positions: [Int], in presentation: Presentation) -> String {
        positions.map { "\(ChoiceInput.letter($0))) \(presentation.options[$0])" }.joined(separator: "; ")
    }
}
