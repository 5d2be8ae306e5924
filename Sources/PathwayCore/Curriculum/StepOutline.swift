/// What the pack index knows of one step without decoding it: its kind and the ids progress is
/// keyed on. Start-up, `path`, `list` and `progress` work from outlines; a lesson's steps are
/// decoded when it is opened.
public struct StepOutline: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
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

    enum CodingKeys: String, CodingKey { case kind = "k", id = "i", key = "p" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        // The key is written only when it differs from the id.
        key = try c.decodeIfPresent(String.self, forKey: .key) ?? (kind == .other ? nil : id)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(id, forKey: .id)
        if key != (kind == .other ? nil : id) { try c.encodeIfPresent(key, forKey: .key) }
    }
}
