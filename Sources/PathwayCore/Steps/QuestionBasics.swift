/// What every question has: its id, prompt, explanation and hints.
public struct QuestionBasics: Sendable, Equatable {
    public var id: String
    public var prompt: String
    public var explanation: String?
    public var hints: [String]

    public init(id: String, prompt: String, explanation: String? = nil, hints: [String] = []) {
        self.id = id
        self.prompt = prompt
        self.explanation = explanation
        self.hints = hints
    }

    /// The keys these fields take in a step, with `type`.
    static let keys = ["type", "id", "prompt", "explanation", "hints"]

    /// Reads the shared fields of a question step; the question type reads its own.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        id = try c.decode(String.self, forKey: AnyCodingKey(stringValue: "id"))
        prompt = try c.decode(String.self, forKey: AnyCodingKey(stringValue: "prompt"))
        explanation = try c.decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: "explanation"))
        hints = try c.decodeIfPresent([String].self, forKey: AnyCodingKey(stringValue: "hints")) ?? []
    }
}
