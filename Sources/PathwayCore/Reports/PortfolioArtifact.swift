import Foundation

/// A piece the learner wrote in a reflection step, as it goes into the portfolio.
public struct PortfolioArtifact: Codable, Sendable, Equatable {
    public var pack: String
    /// The module and lesson holding the step; absent when the pack no longer has it.
    public var module: String?
    public var lesson: String?
    /// The titles of that module and lesson, for the reader.
    public var moduleTitle: String?
    public var lessonTitle: String?
    /// The reflection step's id.
    public var step: String
    /// The artifact's title (the step's `artifact`, else the lesson title, else the step id).
    public var title: String
    /// What the learner was asked to write.
    public var prompt: String?
    public var text: String
    public var words: Int
    public var checklist: [ChecklistEntry]
    public var checkedCount: Int
    public var checklistTotal: Int
    public var savedAt: Date

    /// One self-check statement and whether the learner ticked it.
    public struct ChecklistEntry: Codable, Sendable, Equatable {
        public var text: String
        public var checked: Bool
    }
}
