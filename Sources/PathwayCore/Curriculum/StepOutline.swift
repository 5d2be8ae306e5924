/// What the pack index knows of one step without decoding it: its kind and the ids progress is
/// keyed on. Start-up, `path`, `list` and `progress` work from outlines; a lesson's steps are
/// decoded when it is opened.
public struct StepOutline: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case question, scenario, reflection, other
    }

    public var kind: Kind
    /// The step's id (a question's id without its revision).
    public var id: String?
    /// The id progress is keyed on (a question's id with its revision from 2 on); nil for a step
    /// that records nothing.
    public var key: String?

    public init(kind: Kind, id: String?, key: String?) {
        self.kind = kind
        self.id = id
        self.key = key
    }

    /// The outline of a decoded step.
    public init(_ step: any Step) {
        switch step {
        case let question as any Question: self.init(kind: .question, id: question.id, key: question.questionID)
        case let scenario as ScenarioStep: self.init(kind: .scenario, id: scenario.id, key: scenario.scenarioID)
        case let reflection as ReflectionStep: self.init(kind: .reflection, id: reflection.id, key: reflection.reflectionID)
        default: self.init(kind: .other, id: step.id, key: nil)
        }
    }

    /// Whether the step counts towards mastery (a question or a scenario).
    public var isGraded: Bool { kind == .question || kind == .scenario }

    /// A lesson's outline as one string for the pack index (one JSON value per lesson, not one
    /// object per step): kind, id and key of each step, separated by control characters, which
    /// valid ids never contain.
    static func text(_ outline: [StepOutline]) -> String {
        outline.map { [$0.kind.rawValue, $0.id ?? "", $0.key ?? ""].joined(separator: "\u{1F}") }.joined(separator: "\u{1E}")
    }

    /// The outline written by ``text(_:)``; nil when it is not one.
    static func parse(_ text: String) -> [StepOutline]? {
        guard !text.isEmpty else { return [] }
        var outline: [StepOutline] = []
        for step in text.split(separator: "\u{1E}", omittingEmptySubsequences: false) {
            let fields = step.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            guard fields.count == 3, let kind = Kind(rawValue: String(fields[0])) else { return nil }
            outline.append(StepOutline(kind: kind, id: fields[1].isEmpty ? nil : String(fields[1]), key: fields[2].isEmpty ? nil : String(fields[2])))
        }
        return outline
    }
}

/// How many steps of a lesson are questions, graded items and reflections.
public struct StepCounts: Sendable, Equatable {
    public var questions: Int
    public var graded: Int
    public var reflections: Int

    init(questions: Int, graded: Int, reflections: Int) {
        self.questions = questions
        self.graded = graded
        self.reflections = reflections
    }

    init(_ outline: [StepOutline]) {
        questions = outline.count { $0.kind == .question }
        graded = outline.count(where: \.isGraded)
        reflections = outline.count { $0.kind == .reflection }
    }

    static let zero = StepCounts(questions: 0, graded: 0, reflections: 0)

    static func + (a: StepCounts, b: StepCounts) -> StepCounts {
        StepCounts(questions: a.questions + b.questions, graded: a.graded + b.graded, reflections: a.reflections + b.reflections)
    }
}
