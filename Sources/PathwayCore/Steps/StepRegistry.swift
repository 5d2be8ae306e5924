/// The step types a lesson file may use, by their `type` value.
public struct StepRegistry: Sendable {
    /// Decodes one step of a registered type.
    public typealias Decode = @Sendable (any Decoder) throws -> any Step
    private var decoders: [String: Decode] = [:]

    public init() {}

    /// Adds a step type.
    public mutating func register<S: Step & Decodable>(_ type: S.Type) {
        decoders[S.typeName] = { try S(from: $0) }
    }

    /// The registered `type` values, sorted.
    public var typeNames: [String] { decoders.keys.sorted() }

    func decoder(for typeName: String) -> Decode? { decoders[typeName] }

    /// Every step type Pathway ships. Register a new type here.
    public static let standard: StepRegistry = {
        var registry = StepRegistry()
        registry.register(TextStep.self)
        registry.register(SingleChoiceQuestion.self)
        registry.register(MultipleSelectQuestion.self)
        registry.register(TrueFalseQuestion.self)
        registry.register(ShortTextQuestion.self)
        registry.register(NumericQuestion.self)
        registry.register(OrderingQuestion.self)
        registry.register(MatchingQuestion.self)
        registry.register(ReflectionStep.self)
        registry.register(ScenarioStep.self)
        return registry
    }()
}
