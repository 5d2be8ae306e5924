/// A question answered with a word or a few words, compared after normalising.
public struct ShortTextQuestion: Question, Decodable {
    public static let typeName = "short_text"
    public static let displayName = "short answer"
    public var basics: QuestionBasics
    /// Accepted answers; the first is shown when the answer is revealed.
    public var answers: [String]
    /// Likely wrong answers with their own feedback.
    public var wrong: [WrongAnswer]
    /// Regular expressions an answer may match instead (whole answer, case-insensitive); they
    /// run in linear time (see ``SafePattern``).
    public var patterns: [SafePattern]
    /// Whether a leading article counts (`the`, `a`, `an`); by default `the GDPR` is read as `GDPR`.
    public var keepArticles = false

    /// A likely wrong answer and what to tell the learner who gives it.
    public struct WrongAnswer: Sendable, Equatable, Codable {
        public var answer: String
        public var feedback: String

        public init(answer: String, feedback: String) {
            self.answer = answer
            self.feedback = feedback
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case answer, feedback }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            answer = try c.decode(String.self, forKey: .answer)
            feedback = try c.decode(String.self, forKey: .feedback)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try basics.encode(to: encoder, type: Self.typeName)
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !answers.isEmpty { try c.encode(answers, forKey: .answers) }
        if !wrong.isEmpty { try c.encode(wrong, forKey: .wrong) }
        if !patterns.isEmpty { try c.encode(patterns.map(\.description), forKey: .patterns) }
        if keepArticles { try c.encode(true, forKey: .keepArticles) }
    }

    public init(id: String, prompt: String, answers: [String], wrong: [WrongAnswer] = [], patterns: [SafePattern] = [],
                explanation: String? = nil, hints: [String] = []) {
        self.patterns = patterns
        basics = QuestionBasics(id: id, prompt: prompt, explanation: explanation, hints: hints)
        self.answers = answers
        self.wrong = wrong
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case answers, wrong, patterns
        case keepArticles = "keep_articles"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(QuestionBasics.keys + CodingKeys.allCases.map(\.stringValue))
        basics = try QuestionBasics(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        answers = try c.decodeIfPresent([String].self, forKey: .answers) ?? []
        wrong = try c.decodeIfPresent([WrongAnswer].self, forKey: .wrong) ?? []
        keepArticles = try c.decodeIfPresent(Bool.self, forKey: .keepArticles) ?? false
        // Every bad pattern is reported, each at its own line, not only the first.
        var patterns: [SafePattern] = []
        for (index, text) in (try c.decodeIfPresent([String].self, forKey: .patterns) ?? []).enumerated() {
            do {
                patterns.append(try SafePattern(text))
            } catch let error as SafePatternError {
                try decoder.recover(DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath + [CodingKeys.patterns, PathKey(index)],
                    debugDescription: error.description)))
                rejectedPatterns += 1
            }
        }
        self.patterns = patterns
    }

    /// Patterns that did not compile (already reported); the question is not checked for
    /// having no pattern at all when some were given.
    var rejectedPatterns = 0

    public func problems() -> [StepProblem] {
        var found = commonProblems()
        if answers.isEmpty && patterns.isEmpty && rejectedPatterns == 0 {
            found.append(.error("a short_text question needs at least one accepted answer or pattern", field: "answers"))
        }
        if answers.contains(where: { AnswerNormalizer.normalize($0).isEmpty }) {
            found.append(.error("an accepted answer is empty once punctuation and spaces are removed", field: "answers"))
        }
        return found
    }

    public func present(shuffling: Bool, using random: inout SeededRandom) -> Presentation { Presentation() }

    public func answerInstructions(for presentation: Presentation) -> String { "Type a short answer." }

    public func evaluate(_ input: String, in presentation: Presentation) -> Evaluation {
        // A short answer is short: the cap bounds the grading work whatever the patterns.
        guard input.count <= SafePattern.maximumInputLength else {
            return .malformed("That is \(input.count) characters; a short answer may be at most \(SafePattern.maximumInputLength). Type a word or a few words.")
        }
        let given = AnswerNormalizer.normalize(input)
        if given.isEmpty { return .malformed("Type a word or a few words.") }
        let recorded = input.trimmingWhitespace()
        // Patterns match the normalised answer, once, like accepted answers.
        if answers.contains(where: { AnswerNormalizer.normalize($0) == given })
            || patterns.contains(where: { $0.matches(given) }) {
            return .graded(Grade(isCorrect: true, recordedAnswer: recorded))
        }
        if let wrongAnswer = wrong.first(where: { AnswerNormalizer.normalize($0.answer) == given }) {
            return .graded(Grade(isCorrect: false, feedback: [wrongAnswer.feedback], recordedAnswer: recorded))
        }
        // A leading article does not make a right answer wrong, unless the question says so.
        if !keepArticles {
            let bare = WrongForm.withoutArticle(given)
            if answers.contains(where: { WrongForm.withoutArticle(AnswerNormalizer.normalize($0)) == bare })
                || patterns.contains(where: { $0.matches(bare) }) {
                return .graded(Grade(isCorrect: true, recordedAnswer: recorded))
            }
        }
        let feedback = wrong.first { WrongForm.withoutArticle(AnswerNormalizer.normalize($0.answer)) == WrongForm.withoutArticle(given) }
            .map { [$0.feedback] } ?? []
        return .graded(Grade(isCorrect: false, feedback: feedback, recordedAnswer: recorded))
    }

    public func correctAnswer(in presentation: Presentation) -> String {
        answers.first ?? patterns.first.map { "an answer matching \($0)" } ?? ""
    }

    public func selfCheck() -> SelfCheck {
        SelfCheck(mustPass: answers, mustFail: wrong.map(\.answer), mustPassField: "answers", mustFailField: "wrong")
    }
}
