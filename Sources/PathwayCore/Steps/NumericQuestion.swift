/// A question answered with a number, right within a tolerance.
public struct NumericQuestion: Question, Decodable {
    public static let typeName = "numeric"
    public static let displayName = "number"
    public var basics: QuestionBasics
    public var answer: Double
    /// Absolute tolerance: values within `answer ± tolerance` are right.
    public var tolerance: Double
    /// Instead of an answer and tolerance: every value from `range[0]` to `range[1]` is right.
    public var range: ClosedRange<Double>?
    public var unit: String?
    /// Likely wrong values with their own feedback.
    public var wrong: [WrongValue]

    /// A likely wrong value and what to tell the learner who gives it.
    public struct WrongValue: Sendable, Equatable, Codable {
        public var value: Double
        public var feedback: String

        public init(value: Double, feedback: String) {
            self.value = value
            self.feedback = feedback
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case value, feedback }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            value = try c.decode(Double.self, forKey: .value)
            feedback = try c.decode(String.self, forKey: .feedback)
        }
    }

    public init(id: String, prompt: String, answer: Double, tolerance: Double = 0, unit: String? = nil,
                wrong: [WrongValue] = [], explanation: String? = nil, hints: [String] = []) {
        basics = QuestionBasics(id: id, prompt: prompt, explanation: explanation, hints: hints)
        self.answer = answer
        self.tolerance = tolerance
        self.range = nil
        self.unit = unit
        self.wrong = wrong
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case answer, tolerance, range, unit, wrong
    }

    public func encode(to encoder: any Encoder) throws {
        try basics.encode(to: encoder, type: Self.typeName)
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let range {
            try c.encode([range.lowerBound, range.upperBound], forKey: .range)
        } else {
            try c.encode(answer, forKey: .answer)
            if tolerance != 0 { try c.encode(tolerance, forKey: .tolerance) }
        }
        try c.encodeIfPresent(unit, forKey: .unit)
        if !wrong.isEmpty { try c.encode(wrong, forKey: .wrong) }
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(QuestionBasics.keys + CodingKeys.allCases.map(\.stringValue))
        basics = try QuestionBasics(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let bounds = try c.decodeIfPresent([Double].self, forKey: .range) {
            guard bounds.count == 2, bounds[0] <= bounds[1], !c.contains(.answer) else {
                throw DecodingError.dataCorruptedError(forKey: .range, in: c,
                    debugDescription: "'range' is [lowest, highest] with lowest <= highest, and replaces 'answer'")
            }
            range = bounds[0]...bounds[1]
            answer = (bounds[0] + bounds[1]) / 2
            tolerance = (bounds[1] - bounds[0]) / 2
        } else {
            range = nil
            answer = try c.decode(Double.self, forKey: .answer)
            tolerance = try c.decodeIfPresent(Double.self, forKey: .tolerance) ?? 0
        }
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        wrong = try c.decodeIfPresent([WrongValue].self, forKey: .wrong) ?? []
    }

    public func problems() -> [StepProblem] {
        var found = commonProblems()
        if !answer.isFinite { found.append(.error("the answer is not a finite number", field: "answer")) }
        if !tolerance.isFinite || tolerance < 0 { found.append(.error("the tolerance must be zero or positive", field: "tolerance")) }
        return found
    }

    public func present(shuffling: Bool, using random: inout SeededRandom) -> Presentation {
        Presentation(unit: unit)
    }

    public func answerInstructions(for presentation: Presentation) -> String {
        if let unit, !unit.isEmpty { return "Type a number (in \(unit))." }
        return "Type a number."
    }

    public func evaluate(_ input: String, in presentation: Presentation) -> Evaluation {
        guard let value = NumberInput.parse(input, unit: unit) else {
            return .malformed("Type a number such as 0.75 or 12" + (unit == "%" ? " (a % sign is fine)." : "."))
        }
        let recorded = NumberInput.format(value)
        if matches(value, answer) { return .graded(Grade(isCorrect: true, recordedAnswer: recorded)) }
        if !wrong.contains(where: { matches(value, $0.value) }),
           let question = WrongForm.fractionForPercent(input, value: value, unit: unit) {
            return .malformed(question)
        }
        let feedback = wrong.first { matches(value, $0.value) }.map { [$0.feedback] } ?? []
        return .graded(Grade(isCorrect: false, feedback: feedback, recordedAnswer: recorded))
    }

    private func matches(_ value: Double, _ target: Double) -> Bool {
        abs(value - target) <= tolerance + 1e-9 * max(1, abs(target))
    }

    public func correctAnswer(in presentation: Presentation) -> String {
        let suffix = unit.map { $0 == "%" ? $0 : " \($0)" } ?? ""
        if let range { return "any value from \(NumberInput.format(range.lowerBound)) to \(NumberInput.format(range.upperBound))\(suffix)" }
        let value = NumberInput.format(answer) + suffix
        return tolerance > 0 ? "\(value) (± \(NumberInput.format(tolerance)))" : value
    }

    public func selfCheck() -> SelfCheck {
        var pass = [NumberInput.format(answer)]
        if tolerance > 0 {
            pass += [NumberInput.format(answer + tolerance * 0.99), NumberInput.format(answer - tolerance * 0.99)]
        }
        return SelfCheck(mustPass: pass, mustFail: wrong.map { NumberInput.format($0.value) }, mustFailField: "wrong")
    }
}
