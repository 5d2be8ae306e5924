/// One track of a career path, or a pack no path mentions.
public struct TrackReport: Codable, Sendable, Equatable {
    /// The path's id; absent for a pack outside every path.
    public var path: String?
    /// The track id (the pack id for a pack outside every path).
    public var id: String
    public var title: String
    public var pack: String
    public var completed: Bool
    public var locked: Bool
    public var lessonsCompleted: Int
    public var lessonsTotal: Int
    public var modules: [ModuleReport]
}

/// Where a learner stands in a module.
public enum ModuleState: String, Codable, Sendable, Equatable {
    case locked, available, inProgress, completed, mastered, testedOut
}

/// One module: its state and how the learner did in it.
public struct ModuleReport: Codable, Sendable, Equatable {
    public var pack: String
    public var id: String
    public var title: String
    public var state: ModuleState
    /// What must be completed first, when the module is locked.
    public var lockedReason: String?
    public var skills: [String]
    public var lessonsCompleted: Int
    public var lessonsTotal: Int
    /// Graded items in the module.
    public var itemsTotal: Int
    public var itemsAnswered: Int
    public var answeredCorrectly: Int
    public var firstTryCorrect: Int
    /// `firstTryCorrect / itemsAnswered`; absent before the first answer.
    public var firstTryAccuracy: Double?
    public var seconds: Double
    public var lessons: [LessonReport]

    /// `pack/module`.
    public var key: String { "\(pack)/\(id)" }

    /// Whether every lesson is completed.
    public var isCompleted: Bool { state == .completed || state == .mastered }
}
