/// How a question is described to a Learning Record Store: its xAPI interaction type, its
/// choices and its correct responses pattern (xAPI 1.0.3, "Interaction Activities").
public struct XAPIInteraction: Sendable, Equatable {
    /// `choice`, `true-false`, `fill-in`, `numeric` or `other`.
    public var type: String
    /// Choice texts in pack order; their xAPI ids are the letters `a`, `b`, `c`…
    public var choices: [String]
    public var correctResponsesPattern: [String]
    /// Whether several choices may be picked (their texts are recorded joined by ` | `).
    public var multipleSelect: Bool

    public init(type: String, choices: [String] = [], correctResponsesPattern: [String] = [], multipleSelect: Bool = false) {
        self.type = type
        self.choices = choices
        self.correctResponsesPattern = correctResponsesPattern
        self.multipleSelect = multipleSelect
    }

    /// For question types that have no mapping.
    public static let other = XAPIInteraction(type: "other")

    /// The xAPI id of the choice at `index` in pack order.
    public static func choiceID(_ index: Int) -> String { ChoiceInput.letter(index) }

    /// The `result.response` for a recorded answer: choice ids joined by `[,]` for choice
    /// questions (when every picked text is still a choice), the answer itself otherwise.
    public func response(for answer: String) -> String {
        guard type == "choice" else { return answer }
        let picked = multipleSelect ? answer.components(separatedBy: " | ") : [answer]
        let ids = picked.compactMap { text in choices.firstIndex(of: text).map(Self.choiceID) }
        guard ids.count == picked.count, !answer.isEmpty else { return answer }
        return ids.joined(separator: "[,]")
    }
}

/// A question type that knows its xAPI interaction. Conform a new question type in its own
/// extension; types that do not conform are exported as `other`.
public protocol XAPIInteractionDescribing {
    var xapiInteraction: XAPIInteraction { get }
}

extension SingleChoiceQuestion: XAPIInteractionDescribing {
    public var xapiInteraction: XAPIInteraction {
        XAPIInteraction(type: "choice", choices: choices.map(\.text),
                        correctResponsesPattern: choices.indices.filter { choices[$0].isCorrect }.map(XAPIInteraction.choiceID))
    }
}

extension MultipleSelectQuestion: XAPIInteractionDescribing {
    public var xapiInteraction: XAPIInteraction {
        XAPIInteraction(type: "choice", choices: choices.map(\.text),
                        correctResponsesPattern: [choices.indices.filter { choices[$0].isCorrect }
                            .map(XAPIInteraction.choiceID).joined(separator: "[,]")],
                        multipleSelect: true)
    }
}

extension TrueFalseQuestion: XAPIInteractionDescribing {
    public var xapiInteraction: XAPIInteraction {
        XAPIInteraction(type: "true-false", correctResponsesPattern: [answer ? "true" : "false"])
    }
}

extension ShortTextQuestion: XAPIInteractionDescribing {
    public var xapiInteraction: XAPIInteraction {
        XAPIInteraction(type: "fill-in", correctResponsesPattern: answers.map { "{case_matters=false}" + $0 })
    }
}

extension NumericQuestion: XAPIInteractionDescribing {
    public var xapiInteraction: XAPIInteraction {
        let pattern = tolerance == 0 ? NumberInput.format(answer)
            : ReportText.decimal(answer - tolerance, places: 9) + "[:]" + ReportText.decimal(answer + tolerance, places: 9)
        return XAPIInteraction(type: "numeric", correctResponsesPattern: [pattern])
    }
}
