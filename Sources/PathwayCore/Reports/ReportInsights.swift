/// What the learner did on one calendar day.
public struct DayActivity: Codable, Sendable, Equatable {
    /// `YYYY-MM-DD` in the report's time zone.
    public var date: String
    public var attempts: Int
    public var correct: Int
    public var seconds: Double
    public var lessonsCompleted: Int
}

/// How the learner does on one skill tag, over the modules that carry it.
public struct SkillReport: Codable, Sendable, Equatable {
    public var skill: String
    /// The modules with this tag, as `pack/module`.
    public var modules: [String]
    /// Graded items in those modules.
    public var itemsTotal: Int
    /// Items with at least one attempt.
    public var itemsSeen: Int
    public var firstTryCorrect: Int
    /// `firstTryCorrect / itemsSeen`; absent when nothing was seen.
    public var accuracy: Double?
}

/// A module's place in the strongest or weakest list.
public struct ModuleStanding: Codable, Sendable, Equatable {
    public var pack: String
    public var module: String
    public var title: String
    /// Share of answered items right on the first try.
    public var accuracy: Double
    public var itemsAnswered: Int
}
