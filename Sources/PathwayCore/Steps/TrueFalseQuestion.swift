/// A statement the learner marks true or false.
public struct TrueFalseQuestion: Question, Decodable {
    public static let typeName = "true_false"
    public static let displayName = "true or false"
    public var basics: QuestionBasics
    public var answer: Bool
    /// Shown when the learner picks the wrong value.
    public var wrongFeedback: String?

    public init(id: String, prompt: String, answer: Bool, explanation: String? = nil,
                hints: [String] = [], wrongFeedback: String? = nil) {
        basics = QuestionBasics(id: id, prompt: prompt, explanation: explanation, hints: hints)
        self.answer = answer
        self.wrongFeedback = wrongFeedback
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case answer
        case wrongFeedback = "wrong_feedback"
    }

    public func encode(to encoder: any Encoder) throws {
        try basics.encode(to: encoder, type: Self.typeName)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(answer, forKey: .answer)
        try c.encodeIfPresent(wrongFeedback, forKey: .wrongFeedback)
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(QuestionBasics.keys + CodingKeys.allCases.map(\.stringValue))
        basics = try QuestionBasics(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
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
