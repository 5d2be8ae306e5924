/// A question where the learner picks every right choice; right only when the set is exact.
public struct MultipleSelectQuestion: Question, Decodable {
    public static let typeName = "multiple_select"
    public static let displayName = "select all that apply"
    public var basics: QuestionBasics
    public var choices: [Choice]
    /// Whether the choices may be shuffled.
    public var shuffle: Bool

    public init(id: String, prompt: String, choices: [Choice], explanation: String? = nil,
                hints: [String] = [], shuffle: Bool = true) {
        basics = QuestionBasics(id: id, prompt: prompt, explanation: explanation, hints: hints)
        self.choices = choices
        self.shuffle = shuffle
    }

    public func encode(to encoder: any Encoder) throws {
        try basics.encode(to: encoder, type: Self.typeName)
        try ChoiceRules.encode(choices, shuffle: shuffle, to: encoder)
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(QuestionBasics.keys + ChoiceRules.keys)
        basics = try QuestionBasics(from: decoder)
        (choices, shuffle) = try ChoiceRules.decode(from: decoder)
    }

    public func problems() -> [StepProblem] {
        var found = commonProblems() + ChoiceRules.problems(choices)
        if !choices.contains(where: \.isCorrect) {
            found.append(.error("a multiple_select question needs at least one choice with 'correct: true'", field: "choices"))
        }
        return found
    }

    public func present(shuffling: Bool, using random: inout SeededRandom) -> Presentation {
        ChoiceRules.present(choices, shuffle: shuffling && shuffle, using: &random)
    }

    public func answerInstructions(for presentation: Presentation) -> String {
        let key = Set(presentation.order.indices.filter { choices[presentation.order[$0]].isCorrect })
        return "Select all that apply: type letters separated by commas, e.g. \(ExampleAnswer.set(optionCount: presentation.order.count, avoiding: key))."
    }

    public func evaluate(_ input: String, in presentation: Presentation) -> Evaluation {
        switch ChoiceInput.parse(input, optionCount: presentation.order.count, options: presentation.options, allowMany: true) {
        case let .failure(error):
            return .malformed(error.message(allowMany: true, optionCount: presentation.order.count))
        case let .success(picked):
            let pickedChoices = Set(picked.map { presentation.order[$0] })
            let correctChoices = Set(choices.indices.filter { choices[$0].isCorrect })
            var feedback: [String] = []
            for position in presentation.order.indices {
                let index = presentation.order[position]
                let choice = choices[index]
                // Only the wrong picks get their own feedback: the feedback of a right choice
                // left out would name the rest of the answer.
                guard pickedChoices.contains(index), !choice.isCorrect, let text = choice.feedback else { continue }
                feedback.append("\(ChoiceInput.letter(position))) \(text)")
            }
            let missing = correctChoices.subtracting(pickedChoices).count
            let extra = pickedChoices.subtracting(correctChoices).count
            if missing > 0 || (extra > 0 && feedback.isEmpty) {
                feedback.append(summary(missing: missing, extra: extra))
            }
            let recorded = pickedChoices.sorted().map { choices[$0].text }.joined(separator: " | ")
            // Partial credit: right picks minus wrong picks, over the right choices, never below 0.
            let hits = Double(correctChoices.intersection(pickedChoices).count)
            let score = max(0, (hits - Double(extra)) / Double(max(correctChoices.count, 1)))
            return .graded(Grade(isCorrect: missing == 0 && extra == 0, score: score, feedback: feedback, recordedAnswer: recorded))
        }
    }

    private func summary(missing: Int, extra: Int) -> String {
        switch (missing, extra) {
        case (0, _): return "You picked \(Plural.count(extra, "choice")) too many."
        case (_, 0): return "You missed \(Plural.count(missing, "right choice"))."
        default: return "Some of your picks are wrong, and you missed \(Plural.count(missing, "right choice"))."
        }
    }

    public func correctAnswer(in presentation: Presentation) -> String {
        ChoiceRules.describe(presentation.order.indices.filter { choices[presentation.order[$0]].isCorrect }, in: presentation)
    }

    public func selfCheck() -> SelfCheck {
        let correct = choices.indices.filter { choices[$0].isCorrect }
        let wrong = choices.indices.filter { !choices[$0].isCorrect }
        var mustFail = wrong.map { (correct + [$0]).sorted().map(ChoiceInput.letter).joined(separator: ",") }
        if correct.count > 1 {
            mustFail += correct.map { left in correct.filter { $0 != left }.map(ChoiceInput.letter).joined(separator: ",") }
        }
        return SelfCheck(mustPass: [correct.map(ChoiceInput.letter).joined(separator: ",")], mustFail: mustFail)
    }
}
