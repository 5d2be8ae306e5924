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

    /// The piece's anchor in an HTML page: pack and step apart by `:`, which no id holds (with
    /// `-` between them, pack `a-b` step `c` and pack `a` step `b-c` shared one anchor).
    public var anchor: String { "artifact-\(pack):\(step)" }
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
    /// The rubric and the level the learner gave their text on each criterion.
    public var rubric: [RubricScore] = []
    /// The first version, when the learner revised the text after reading the model answer.
    public var firstDraft: String?

    /// One rubric criterion, its levels (lowest first) and the one the learner picked.
    public struct RubricScore: Codable, Sendable, Equatable {
        public var criterion: String
        public var levels: [String]
        /// The level picked, 1-based; nil when the learner has not scored this criterion.
        public var selfScore: Int?

        /// "2 of 3: Partial: …", or "not scored".
        public var summary: String {
            guard let selfScore, levels.indices.contains(selfScore - 1) else { return "not scored" }
            return "\(selfScore) of \(levels.count): \(levels[selfScore - 1])"
        }
    }

    /// The rubric of `step` with the self-scores of `record`.
    static func rubric(of step: ReflectionStep, record: ReflectionRecord) -> [RubricScore] {
        step.rubric.enumerated().map { index, criterion in
            let score = record.selfScores.flatMap { $0.indices.contains(index) ? $0[index] + 1 : nil }
            return RubricScore(criterion: criterion.criterion, levels: criterion.levels, selfScore: score)
        }
    }

    /// One self-check statement and whether the learner ticked it.
    public struct ChecklistEntry: Codable, Sendable, Equatable {
        public var text: String
        public var checked: Bool
    }
}
