/// What every question has: its id, prompt, explanation, hints and cognitive level.
public struct QuestionBasics: Sendable, Equatable {
    public var id: String
    public var prompt: String
    public var explanation: String?
    public var hints: [String]
    /// The kind of thinking the question asks for; nil when the author has not said.
    public var level: CognitiveLevel?
    /// Raised by the author when the answer key changes under the same id (1 when absent):
    /// answers given to an earlier revision are kept but no longer count, and the question is
    /// asked again.
    public var revision: Int

    public init(id: String, prompt: String, explanation: String? = nil, hints: [String] = [], level: CognitiveLevel? = nil,
                revision: Int = 1) {
        self.id = id
        self.prompt = prompt
        self.explanation = explanation
        self.hints = hints
        self.level = level
        self.revision = revision
    }

    /// The keys these fields take in a step, with `type`.
    static let keys = ["type", "id", "revision", "prompt", "explanation", "hints", "level"]

    /// The id progress is keyed on: the id, with `@rN` from revision 2 on (`@` is never part
    /// of an id, so this cannot collide with another question).
    public var progressID: String { revision > 1 ? "\(id)@r\(revision)" : id }

    /// Writes the shared fields of a question step, with its `type`.
    func encode(to encoder: any Encoder, type: String) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(type, forKey: AnyCodingKey(stringValue: "type"))
        try c.encode(id, forKey: AnyCodingKey(stringValue: "id"))
        if revision != 1 { try c.encode(revision, forKey: AnyCodingKey(stringValue: "revision")) }
        try c.encode(prompt, forKey: AnyCodingKey(stringValue: "prompt"))
        try c.encodeIfPresent(explanation, forKey: AnyCodingKey(stringValue: "explanation"))
        if !hints.isEmpty { try c.encode(hints, forKey: AnyCodingKey(stringValue: "hints")) }
        try c.encodeIfPresent(level?.rawValue, forKey: AnyCodingKey(stringValue: "level"))
    }

    /// Reads the shared fields of a question step; the question type reads its own.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        id = try c.decode(String.self, forKey: AnyCodingKey(stringValue: "id"))
        revision = try c.decodeIfPresent(Int.self, forKey: AnyCodingKey(stringValue: "revision")) ?? 1
        prompt = try c.decode(String.self, forKey: AnyCodingKey(stringValue: "prompt"))
        explanation = try c.decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: "explanation"))
        hints = try c.decodeIfPresent([String].self, forKey: AnyCodingKey(stringValue: "hints")) ?? []
        level = try CognitiveLevel.decode(from: c, forKey: AnyCodingKey(stringValue: "level"))
    }
}
