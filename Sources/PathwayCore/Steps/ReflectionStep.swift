/// Free writing saved to the learner's portfolio and checked by the learner against a list,
/// or scored by the learner against a rubric before seeing a model answer. Not graded.
public struct ReflectionStep: Step, Decodable {
    /// One criterion of a rubric, with its described levels, lowest first.
    public struct Criterion: Sendable, Equatable, Codable {
        public static let levelRange = 2...4
        public var criterion: String
        public var levels: [String]

        public init(criterion: String, levels: [String]) {
            self.criterion = criterion
            self.levels = levels
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case criterion, levels }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            criterion = try c.decode(String.self, forKey: .criterion)
            levels = try c.decode([String].self, forKey: .levels)
        }
    }

    public static let typeName = "reflection"
    public var reflectionID: String
    public var prompt: String
    /// The portfolio title of this piece, e.g. `AI feature PRD`.
    public var artifact: String?
    public var checklist: [String]
    public var minimumWords: Int?
    /// Criteria the learner scores their text against, after writing.
    public var rubric: [Criterion]
    /// An example answer in Markdown, shown after self-scoring.
    public var modelAnswer: String?

    public var id: String? { reflectionID }

    public init(id: String, prompt: String, artifact: String? = nil, checklist: [String] = [], minimumWords: Int? = nil,
                rubric: [Criterion] = [], modelAnswer: String? = nil) {
        self.reflectionID = id
        self.prompt = prompt
        self.artifact = artifact
        self.checklist = checklist
        self.minimumWords = minimumWords
        self.rubric = rubric
        self.modelAnswer = modelAnswer
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, id, prompt, artifact, checklist, rubric
        case minimumWords = "min_words"
        case modelAnswer = "model_answer"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.typeName, forKey: .type)
        try c.encode(reflectionID, forKey: .id)
        try c.encode(prompt, forKey: .prompt)
        try c.encodeIfPresent(artifact, forKey: .artifact)
        if !checklist.isEmpty { try c.encode(checklist, forKey: .checklist) }
        try c.encodeIfPresent(minimumWords, forKey: .minimumWords)
        if !rubric.isEmpty { try c.encode(rubric, forKey: .rubric) }
        try c.encodeIfPresent(modelAnswer, forKey: .modelAnswer)
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reflectionID = try c.decode(String.self, forKey: .id)
        prompt = try c.decode(String.self, forKey: .prompt)
        artifact = try c.decodeIfPresent(String.self, forKey: .artifact)
        checklist = try c.decodeIfPresent([String].self, forKey: .checklist) ?? []
        minimumWords = try c.decodeIfPresent(Int.self, forKey: .minimumWords)
        rubric = try c.decodeIfPresent([Criterion].self, forKey: .rubric) ?? []
        modelAnswer = try c.decodeIfPresent(String.self, forKey: .modelAnswer)
    }

    public func problems() -> [StepProblem] {
        var found: [StepProblem] = []
        if prompt.trimmingWhitespace().isEmpty { found.append(.error("the prompt is empty", field: "prompt")) }
        if checklist.contains(where: { $0.trimmingWhitespace().isEmpty }) {
            found.append(.error("a checklist item is empty", field: "checklist"))
        }
        for (i, criterion) in rubric.enumerated() {
            if criterion.criterion.trimmingWhitespace().isEmpty {
                found.append(.error("a rubric criterion has no name", field: "rubric[\(i)].criterion"))
            }
            if !Criterion.levelRange.contains(criterion.levels.count) {
                found.append(.error("criterion '\(criterion.criterion)' has \(Plural.count(criterion.levels.count, "level")); give it 2–4, lowest first", field: "rubric[\(i)].levels"))
            }
            if criterion.levels.contains(where: { $0.trimmingWhitespace().isEmpty }) {
                found.append(.error("criterion '\(criterion.criterion)' has an empty level", field: "rubric[\(i)].levels"))
            }
        }
        if let modelAnswer, modelAnswer.trimmingWhitespace().isEmpty {
            found.append(.error("the model answer is empty", field: "model_answer"))
        }
        if let minimumWords, minimumWords < 0 { found.append(.error("min_words must not be negative", field: "min_words")) }
        return found
    }

    /// The number of words in `text`, as the minimum is counted.
    public static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
