import Foundation

/// Figures over many learners' exported progress, for instructors: completion per learner
/// and module, item difficulty, the questions missed most and the wrong answers chosen most,
/// and time spent. Build it with ``init(library:learners:now:)``; the work is linear in the
/// total number of attempts.
public struct CohortReport: Codable, Sendable, Equatable {
    /// The version of the JSON shape; raise it when a key changes meaning or disappears.
    public static let schemaVersion = 2
    /// How many questions `mostMissed` and answers `commonWrongAnswers` list.
    public static let listLimit = 10

    public var cohortSchemaVersion: Int
    public var generatedAt: Date
    public var learnerCount: Int
    public var attempts: Int
    /// Seconds on questions, all learners together.
    public var seconds: Double
    /// The modules of the packs, in path order.
    public var modules: [CohortModule]
    /// One entry per progress file or LRS account, by the learner's name (its display name,
    /// else its account name or email, else the profile name).
    public var learners: [CohortLearner]
    /// Every scenario of the packs that someone played, in curriculum order.
    public var scenarios: [CohortScenarioSummary]
    /// Every question anyone answered, hardest first (lowest share right on the first try).
    public var items: [CohortItem]
    /// The hardest questions answered by at least ``minimumLearnersForDifficulty`` learners
    /// (or by anyone, when none was answered by that many).
    public var mostMissed: [CohortItem]
    /// The wrong answers given most often, over every question.
    public var commonWrongAnswers: [CohortWrongAnswer]
    /// Which discrimination index ``itemStatistics`` uses.
    public var discriminationMethod: String
    /// Item analysis (facility, discrimination, choice frequencies, flags) per question of
    /// the packs that someone answered, in course order.
    public var itemStatistics: [CohortItemStatistics]
    /// The works the prompts and choices of the listed questions cite inline (`[@key]`), each
    /// with the pack declaring it; absent when nothing is cited.
    public var references: [CitedReference]?

    /// Learners a question needs before it can be among the most missed.
    public static let minimumLearnersForDifficulty = 3
}

/// One module across the cohort.
public struct CohortModule: Codable, Sendable, Equatable {
    public var pack: String
    public var id: String
    public var title: String
    public var lessonsTotal: Int
    public var itemsTotal: Int
    public var learnersStarted: Int
    public var learnersCompleted: Int
    /// Learners who completed it with a mastery score at the pack's threshold.
    public var learnersMastered: Int
    /// Learners the placement quiz marked as tested out of it.
    public var learnersTestedOut: Int
    /// `learnersCompleted / learnerCount`.
    public var completionRate: Double
    /// Share of first answers that were right, over every learner's answered items.
    public var firstTryAccuracy: Double?
    /// Mean seconds on the module's questions per learner who started it.
    public var meanSeconds: Double
}

/// One learner's figures.
public struct CohortLearner: Codable, Sendable, Equatable {
    public var profile: String
    /// Where the learner's records come from: their xAPI account (`name on https://…`, or the
    /// email address) when it is known, as in the LRS and in exported files; else the file.
    public var source: String
    public var lessonsCompleted: Int
    public var lessonsTotal: Int
    public var completion: Double
    public var modulesCompleted: Int
    public var modulesMastered: Int
    public var modulesTestedOut: Int
    public var itemsAnswered: Int
    public var firstTryCorrect: Int
    public var firstTryAccuracy: Double?
    public var attempts: Int
    public var seconds: Double
    /// The time of the learner's latest answer, lesson start or lesson completion.
    public var lastActive: Date?
    /// Per module, in the order of ``CohortReport/modules``.
    public var modules: [CohortLearnerModule]
    /// The portfolio pieces the learner wrote, with their rubric self-scores.
    public var artifacts: [CohortArtifact] = []
    /// The scenarios the learner played, in curriculum order.
    public var scenarios: [CohortScenario] = []
}

/// One portfolio piece of one learner: its title, length and rubric self-scores.
public struct CohortArtifact: Codable, Sendable, Equatable {
    public var pack: String
    public var step: String
    public var title: String
    public var words: Int
    /// Whether the learner revised it after the model answer.
    public var revised: Bool
    /// Checklist items ticked, of how many.
    public var checked: Int
    public var checklistTotal: Int
    /// The rubric criteria with the level the learner gave (see ``PortfolioArtifact/RubricScore``).
    public var selfScores: [PortfolioArtifact.RubricScore]

    /// "Problem 2/3; Measure 1/2", or "–" without a rubric.
    public var selfScoreSummary: String {
        guard !selfScores.isEmpty else { return "–" }
        return selfScores.map { "\($0.criterion) \($0.selfScore.map(String.init) ?? "–")/\($0.levels.count)" }.joined(separator: "; ")
    }
}

/// One learner in one module.
public struct CohortLearnerModule: Codable, Sendable, Equatable {
    public var pack: String
    public var module: String
    public var lessonsCompleted: Int
    public var lessonsTotal: Int
    public var itemsAnswered: Int
    public var firstTryCorrect: Int
    public var seconds: Double
    public var completed: Bool
    /// The module's mastery score (see ``Mastery``), to hundredths.
    public var masteryScore: Double
    /// Completed, with the mastery score at the pack's threshold.
    public var mastered: Bool
    /// Passed in the placement quiz.
    public var testedOut: Bool
}

/// One question across the cohort.
public struct CohortItem: Codable, Sendable, Equatable {
    public var pack: String
    public var question: String
    /// Absent when no installed pack has the question any more.
    public var module: String?
    public var lesson: String?
    public var type: String?
    public var prompt: String?
    public var learnersAnswered: Int
    public var firstTryCorrect: Int
    /// Item difficulty: the share of learners right on their first try (lower is harder).
    public var firstTryShare: Double
    public var attempts: Int
    public var wrongAttempts: Int
    /// Mean seconds per learner who answered.
    public var meanSeconds: Double
    /// The wrong answers given most often to this question, most frequent first.
    public var wrongAnswers: [AnswerCount]

    /// A wrong answer and how many times it was given.
    public struct AnswerCount: Codable, Sendable, Equatable {
        public var answer: String
        public var count: Int
    }
}

/// A wrong answer to one question and how often it was given.
public struct CohortWrongAnswer: Codable, Sendable, Equatable {
    public var pack: String
    public var question: String
    public var prompt: String?
    public var answer: String
    public var count: Int
    /// How many different learners gave it.
    public var learners: Int
}
