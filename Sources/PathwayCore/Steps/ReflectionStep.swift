/// Free writing saved to the learner's portfolio and checked by the learner against a list.
/// Not graded.
public struct ReflectionStep: Step, Decodable {
    public static let typeName = "reflection"
    public var reflectionID: String
    public var prompt: String
    /// The portfolio title of this piece, e.g. `AI feature PRD`.
    public var artifact: String?
    public var checklist: [String]
    public var minimumWords: Int?

    public var id: String? { reflectionID }

    public init(id: String, prompt: String, artifact: String? = nil, checklist: [String] = [], minimumWords: Int? = nil) {
        self.reflectionID = id
        self.prompt = prompt
        self.artifact = artifact
        self.checklist = checklist
        self.minimumWords = minimumWords
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, id, prompt, artifact, checklist
        case minimumWords = "min_words"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.typeName, forKey: .type)
        try c.encode(reflectionID, forKey: .id)
        try c.encode(prompt, forKey: .prompt)
        try c.encodeIfPresent(artifact, forKey: .artifact)
        if !checklist.isEmpty { try c.encode(checklist, forKey: .checklist) }
        try c.encodeIfPresent(minimumWords, forKey: .minimumWords)
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reflectionID = try c.decode(String.self, forKey: .id)
        prompt = try c.decode(String.self, forKey: .prompt)
        artifact = try c.decodeIfPresent(String.self, forKey: .artifact)
        checklist = try c.decodeIfPresent([String].self, forKey: .checklist) ?? []
        minimumWords = try c.decodeIfPresent(Int.self, forKey: .minimumWords)
    }

    public func problems() -> [StepProblem] {
        var found: [StepProblem] = []
        if prompt.trimmingWhitespace().isEmpty { found.append(.error("the prompt is empty", field: "prompt")) }
        if checklist.contains(where: { $0.trimmingWhitespace().isEmpty }) {
            found.append(.error("a checklist item is empty", field: "checklist"))
        }
        if let minimumWords, minimumWords < 0 { found.append(.error("min_words must not be negative", field: "min_words")) }
        return found
    }

    /// The number of words in `text`, as the minimum is counted.
    public static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
