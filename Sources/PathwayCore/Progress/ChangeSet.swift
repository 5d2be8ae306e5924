/// Which records of a learner's progress changed since the last save.
public struct ChangeSet: Sendable, Equatable {
    public var items: Set<String> = []
    public var lessons: Set<String> = []
    public var reflections: Set<String> = []
    public var cards: Set<String> = []
    /// Keys removed (by `reset`), from any of the three maps.
    public var removed: Set<String> = []
    public var current = false

    public init() {}

    public var isEmpty: Bool {
        items.isEmpty && lessons.isEmpty && reflections.isEmpty && cards.isEmpty && removed.isEmpty && !current
    }
}
