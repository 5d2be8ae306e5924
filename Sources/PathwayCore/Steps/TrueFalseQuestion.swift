/// A statement the learner marks true or false.
public struct TrueFalseQuestion: Question, Decodable {
    public static let typeName = "true_false"
    public static let displayName = "true or false"
    public var questionID: String
    public var prompt: String
    public var explanation: String?
    public var hints: [String]
    public var answer: Bool
    /// Shown when the learner picks the wrong value.
    public var wrongFeedback: String?

    public init(id: String, prompt: String, answer: Bool, explanation: String? = nil,
                hints: [String] = [], wrongFeedback: String? = nil) {
        self.questionID = id
        self.prompt = prompt
        self.answer = answer
        self.explanation = explanation
        self.hints = hints
        self.wrongFeedback = wrongFeedback
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, id, prompt, explanation, hints, answer
        case wrongFeedback = "wrong_feedback"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        questionID = try c.decode(String.self, forKey: .id)
        prompt = try c.decode(String.self, forKey: .prompt)
        explanation = try c.decodeIfPresent(String.self, forKey: .explanation)
        hints = try c.decodeIfPresent([String].self, forKey: .hints) ?? []
        answer = try c.decode(Bool.self, forKey: .answer)
        wrongFeedback = try c.decodeIfPresent(String.self, forKey: .wrongFeedback)
    }

    public func problems() -> [StepProblem] { commonProblems() }

    public func present(shuffling: Bool, using random: inout SeededRandom) -> Presentation {
        Presentation()
    }

    public func answerInstructions(for presentation: Presentation) -> String {
        "Type true or false (t/f)."
    }

    public func evaluate(_ input: String, in presentation: Presentation) -> Evaluation {
        let word = AnswerNormalizer.normalize(input)
        let value: Bool
        switch word {
        case "true", "t", "yes", "y", "1", "wahr", "vrai": value = true
        case "false", "f", "no", "n", "0", "falsch", "faux": value = false
        default:
            return .malformed(word.isEmpty ? "Type true or false." : "Answer with true or false (or t/f).")
        }
        let right = value == answer
        return .graded(Grade(isCorrect: right,
                             feedback: right ? [] : [wrongFeedback].compactMap { $0 },
                             recordedAnswer: value ? "true" : "false"))
    }

    public func correctAnswer(in presentation: Presentation) -> String { answer ? "true" : "false" }

    public func selfCheck() -> SelfCheck {
        SelfCheck(mustPass: [answer ? "true" : "false"], mustFail: [answer ? "false" : "true"])
    }
}
