/// A step that counts towards mastery: a question, or a scenario (scored by its decisions).
public enum GradedItem: Sendable {
    case question(any Question)
    case scenario(ScenarioStep)

    public init?(_ step: any Step) {
        if let question = step as? any Question {
            self = .question(question)
        } else if let scenario = step as? ScenarioStep {
            self = .scenario(scenario)
        } else {
            return nil
        }
    }

    /// The stable id progress is keyed on.
    public var id: String {
        switch self {
        case let .question(question): question.questionID
        case let .scenario(scenario): scenario.scenarioID
        }
    }

    public var level: CognitiveLevel? {
        switch self {
        case let .question(question): question.level
        case let .scenario(scenario): scenario.level
        }
    }

    /// The step's `type` value.
    public var typeName: String {
        switch self {
        case let .question(question): question.typeName
        case let .scenario(scenario): scenario.typeName
        }
    }
}

extension Lesson {
    /// The questions and scenarios, in order.
    public var gradedItems: [GradedItem] { steps.compactMap(GradedItem.init) }
}

extension Module {
    /// The questions and scenarios of every lesson, in order.
    public var gradedItems: [GradedItem] { lessons.flatMap(\.gradedItems) }
}

extension Pack {
    /// How many graded items sit at each level (nil: not labelled).
    public var levelCounts: [CognitiveLevel?: Int] {
        modules.flatMap(\.gradedItems).reduce(into: [:]) { $0[$1.level, default: 0] += 1 }
    }
}
