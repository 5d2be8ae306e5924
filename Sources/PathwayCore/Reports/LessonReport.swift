import Foundation

/// One lesson: whether it was opened and finished, and every question in it.
public struct LessonReport: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var started: Bool
    public var completed: Bool
    public var startedAt: Date?
    public var completedAt: Date?
    public var itemsTotal: Int
    public var itemsAnswered: Int
    public var firstTryCorrect: Int
    public var seconds: Double
    public var questions: [QuestionReport]
}

/// One graded item and every answer given to it.
public struct QuestionReport: Codable, Sendable, Equatable {
    public var id: String
    /// The step type, e.g. `single_choice`.
    public var type: String
    /// The question as the pack words it (Markdown).
    public var prompt: String
    public var attempts: [AttemptReport]
    public var hintsUsed: Int
    public var skipped: Bool
    public var revealed: Bool
    public var seconds: Double
    /// How the question maps onto an xAPI interaction; not part of the JSON report.
    public var interaction: XAPIInteraction = .other

    enum CodingKeys: String, CodingKey {
        case id, type, prompt, attempts, hintsUsed, skipped, revealed, seconds
    }

    public var answered: Bool { !attempts.isEmpty }
    public var firstTryCorrect: Bool { attempts.first?.correct ?? false }
    public var answeredCorrectly: Bool { attempts.contains { $0.correct } }
}

/// One answer, with everything needed to place it without the rest of the report.
public struct AttemptReport: Codable, Sendable, Equatable {
    public var pack: String
    public var module: String
    public var lesson: String
    public var question: String
    public var questionType: String
    /// 1 for the first answer to this question, 2 for the second, and so on.
    public var number: Int
    /// The answer as recorded: choice texts for choice questions, the typed text otherwise.
    public var answer: String
    public var correct: Bool
    public var at: Date
    public var seconds: Double
    /// Hints revealed before this answer.
    public var hintsUsed: Int
    /// Partial credit from 0 to 1 for an answer partly right (select-all questions); absent
    /// when it was all right or all wrong.
    public var score: Double?
    /// True for an answer to a question the installed pack no longer counts (removed, or
    /// re-keyed under a raised revision); absent otherwise.
    public var retired: Bool?
}
