/// Counts of what a pack holds, for `pathway pack stats`.
public struct PackStatistics: Sendable, Codable, Equatable {
    public var pack: String
    public var version: String
    public var modules: Int
    public var lessons: Int
    /// Graded items by step type.
    public var gradedByType: [String: Int]
    public var gradedItems: Int
    public var itemsWithHints: Int
    public var hints: Int
    public var itemsWithExplanation: Int
    public var textSteps: Int
    public var reflectionSteps: Int
    /// Reflection steps that name a portfolio artifact.
    public var artifactSteps: Int
    /// The fewest graded items in any lesson.
    public var minimumGradedPerLesson: Int
    public var skills: [String]
    /// Scenario steps (branching cases).
    public var scenarioSteps: Int
    /// Graded items (questions and scenarios) by cognitive level; `unlabelled` counts those without one.
    public var levels: [String: Int]
    /// The share of graded items (questions and scenarios) at `apply` level or above.
    public var applyOrAboveShare: Double

    public init(_ pack: Pack) {
        self.pack = pack.id
        version = pack.manifest.version.description
        modules = pack.modules.count
        let lessons = pack.lessons.map(\.lesson)
        self.lessons = lessons.count
        let steps = lessons.flatMap(\.steps)
        let questions = steps.compactMap { $0 as? any Question }
        gradedByType = Dictionary(grouping: questions, by: { $0.typeName }).mapValues(\.count)
        gradedItems = questions.count
        itemsWithHints = questions.filter { !$0.hints.isEmpty }.count
        hints = questions.reduce(0) { $0 + $1.hints.count }
        itemsWithExplanation = questions.filter { !($0.explanation ?? "").trimmingWhitespace().isEmpty }.count
        textSteps = steps.filter { $0 is TextStep }.count
        let reflections = steps.compactMap { $0 as? ReflectionStep }
        reflectionSteps = reflections.count
        artifactSteps = reflections.filter { $0.artifact != nil }.count
        minimumGradedPerLesson = lessons.map { $0.questions.count }.min() ?? 0
        skills = Array(Set(pack.modules.flatMap(\.skills))).sorted()
        let graded = pack.modules.flatMap(\.gradedItems)
        scenarioSteps = graded.count - questions.count
        levels = Dictionary(grouping: graded, by: { $0.level?.rawValue ?? "unlabelled" }).mapValues(\.count)
        applyOrAboveShare = graded.isEmpty ? 0 : Double(graded.filter { $0.level?.isApplyOrAbove == true }.count) / Double(graded.count)
    }
}
