/// A lesson: an ordered list of steps.
///
/// A lesson read from the pack index has its title and the outline of its steps at once, and
/// decodes the steps themselves the first time they are used (see ``LessonBody``).
public struct Lesson: Sendable, Codable {
    public var id: String
    public var title: String
    public var minutes: Int?
    public var sources: [String]
    private var body: LessonBody
    /// The file the lesson was read from, relative to the pack folder.
    public var file: String = ""

    /// The steps, decoded on first use for a lesson read from the pack index.
    public var steps: [any Step] {
        get { body.decodedSteps }
        set { body = LessonBody(steps: newValue) }
    }

    /// Each step's kind and ids, known without decoding the steps.
    public var outline: [StepOutline] { body.stepOutline }

    /// Whether the steps have been decoded.
    var stepsDecoded: Bool { body.isDecoded }

    public init(id: String, title: String, minutes: Int? = nil, sources: [String] = [], steps: [any Step], file: String = "") {
        self.id = id
        self.title = title
        self.minutes = minutes
        self.sources = sources
        body = LessonBody(steps: steps)
        self.file = file
    }

    /// A lesson whose steps `load` decodes when first needed (`outline` in its text form).
    init(id: String, title: String, minutes: Int?, sources: [String], file: String, outline: String, counts: StepCounts,
         load: @escaping @Sendable () -> [any Step]) {
        self.id = id
        self.title = title
        self.minutes = minutes
        self.sources = sources
        body = LessonBody(outline: outline, counts: counts, load: load)
        self.file = file
    }

    /// The graded steps, in order.
    public var questions: [any Question] { steps.compactMap { $0 as? any Question } }

    /// The index of the step whose id is `id`.
    public func stepIndex(id: String) -> Int? { outline.firstIndex { $0.id == id } }

    /// How many questions, graded items and reflections the lesson has (known without its outline).
    public var counts: StepCounts { body.stepCounts }

    /// How many questions the lesson has.
    public var questionCount: Int { counts.questions }

    enum CodingKeys: String, CodingKey, CaseIterable { case id, title, minutes, sources, steps }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(minutes, forKey: .minutes)
        if !sources.isEmpty { try c.encode(sources, forKey: .sources) }
        var list = c.nestedUnkeyedContainer(forKey: .steps)
        for step in steps { try step.encode(to: list.superEncoder()) }
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        minutes = try c.decodeIfPresent(Int.self, forKey: .minutes)
        sources = try c.decodeIfPresent([String].self, forKey: .sources) ?? []
        body = LessonBody(steps: try c.decode([AnyStep].self, forKey: .steps).map(\.step))
    }
}

/// Decodes a step of any registered type by its `type` key.
struct AnyStep: Decodable {
    static let registryKey = CodingUserInfoKey(rawValue: "pathway.stepRegistry")!
    var step: any Step

    enum TypeKey: String, CodingKey { case type }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: TypeKey.self)
        let type = try c.decode(String.self, forKey: .type)
        let registry = decoder.userInfo[Self.registryKey] as? StepRegistry ?? .standard
        guard let decode = registry.decoder(for: type) else {
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription:
                "unknown step type '\(type)'; known types: \(registry.typeNames.joined(separator: ", "))")
        }
        step = try decode(decoder)
    }
}
