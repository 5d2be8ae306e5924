/// What every question has: its id, prompt, explanation, hints and cognitive level.
public struct QuestionBasics: Sendable, Equatable {
    public var id: String
    public var prompt: String
    public var explanation: String?
    public var hints: [String]
    /// The kind of thinking the question asks for; nil when the author has not said.
    public var level: CognitiveLevel?

    public init(id: String, prompt: String, explanation: String? = nil, hints: [String] = [], level: CognitiveLevel? = nil) {
        self.id = id
        self.prompt = prompt
        self.explanation = explanation
        self.hints = hints
        self.level = level
    }

    /// The keys these fields take in a step, with `type`.
    static let keys = ["type", "id", "prompt", "explanation", "hints", "level"]

    /// Writes the shared fields of a question step, with its `type`.
    func encode(to encoder: any Encoder, type: String) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(type, forKey: AnyCodingKey(stringValue: "type"))
        try c.encode(id, forKey: AnyCodingKey(stringValue: "id"))
        try c.encode(prompt, forKey: AnyCodingKey(stringValue: "prompt"))
        try c.encodeIfPresent(explanation, forKey: AnyCodingKey(stringValue: "explanation"))
        if !hints.isEmpty { try c.encode(hints, forKey: AnyCodingKey(stringValue: "hints")) }
        try c.encodeIfPresent(level?.rawValue, forKey: AnyCodingKey(stringValue: "level"))
    }

    /// Reads the shared fields of a question step; the question type reads its own.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        id = try c.decode(String.self, forKey: AnyCodingKey(stringValue: "id"))
        prompt = try c.decode(String.self, forKey: AnyCodingKey(stringValue: "prompt"))
        explanation = try c.decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: "explanation"))
        hints = try c.decodeIfPresent([String].self, forKey: AnyCodingKey(stringValue: "hints")) ?? []
        level = try CognitiveLevel.decode(from: c, forKey: AnyCodingKey(stringValue: "level"))
    }
}
