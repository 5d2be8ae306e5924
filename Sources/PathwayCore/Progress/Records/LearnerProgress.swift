import Foundation

/// Everything Pathway knows about one learner's work, saved as JSON after every change.
///
/// Records are kept by ``ProgressKey`` (saved as `pack/lesson` or `pack/step`), so editing a
/// pack's text or moving a question between lessons keeps the learner's answers. The tutor
/// changes progress only through ``RecordedProgress``, which notes every change for the journal.
public struct LearnerProgress: Codable, Sendable, Equatable {
    /// The schema this build writes. Version 2 added `journalSequence`; version 1 files load
    /// with it as 0.
    public static let currentSchemaVersion = 2

    public var schemaVersion: Int
    public var profile: String
    public var createdAt: Date
    public var updatedAt: Date
    /// Where the learner was last: `continue` goes back here.
    public var current: Position?
    /// Every record, by kind and key.
    public var records: RecordMaps
    /// The last journal entry this snapshot includes; later entries are replayed on load.
    public var journalSequence: Int
    /// Who the learner is (name and xAPI account), written into exported files so that a
    /// cohort report can name them; nil in the profile's own file (see ``IdentityStore``).
    public var learner: LearnerIdentity?

    public var lessons: [ProgressKey: LessonRecord] {
        get { records.lessons }
        _modify { yield &records.lessons }
    }
    public var items: [ProgressKey: ItemRecord] {
        get { records.items }
        _modify { yield &records.items }
    }
    public var reflections: [ProgressKey: ReflectionRecord] {
        get { records.reflections }
        _modify { yield &records.reflections }
    }
    /// Spaced-review cards, by question key.
    public var cards: [ProgressKey: ReviewCard] {
        get { records.cards }
        _modify { yield &records.cards }
    }

    /// Scenario runs, by scenario key.
    public var scenarios: [ProgressKey: ScenarioRecord] {
        get { records.scenarios }
        _modify { yield &records.scenarios }
    }
    /// Placement results, by module key.
    public var placements: [ProgressKey: PlacementRecord] {
        get { records.placements }
        _modify { yield &records.placements }
    }

    /// The learner's choices, such as the career path.
    public var settings: [ProgressKey: String] {
        get { records.settings }
        _modify { yield &records.settings }
    }

    public init(profile: String, now: Date) {
        schemaVersion = Self.currentSchemaVersion
        self.profile = profile
        createdAt = now
        updatedAt = now
        records = RecordMaps()
        journalSequence = 0
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, profile, createdAt, updatedAt, current, journalSequence, learner
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        profile = try c.decode(String.self, forKey: .profile)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        current = try c.decodeIfPresent(Position.self, forKey: .current)
        // Every kind may be missing (cards were added in schema 2).
        records = try RecordMaps(from: decoder)
        journalSequence = try c.decodeIfPresent(Int.self, forKey: .journalSequence) ?? 0
        learner = try c.decodeIfPresent(LearnerIdentity.self, forKey: .learner)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(profile, forKey: .profile)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encodeIfPresent(current, forKey: .current)
        try c.encode(journalSequence, forKey: .journalSequence)
        try c.encodeIfPresent(learner, forKey: .learner)
        try records.encode(to: encoder, omittingEmpty: false)
    }
}

/// A place in a lesson.
public struct Position: Codable, Sendable, Equatable {
    public var pack: String
    public var lesson: String
    /// The index of the step; `stepID` wins when the pack has changed since.
    public var step: Int
    public var stepID: String?

    public init(pack: String, lesson: String, step: Int, stepID: String?) {
        self.pack = pack
        self.lesson = lesson
        self.step = step
        self.stepID = stepID
    }
}

/// A learner's state in one lesson.
public struct LessonRecord: Codable, Sendable, Equatable {
    public var position: Int
    public var positionStepID: String?
    public var completed: Bool
    public var startedAt: Date
    public var completedAt: Date?
    public var lastVisitedAt: Date

    public init(startedAt: Date) {
        position = 0
        completed = false
        self.startedAt = startedAt
        lastVisitedAt = startedAt
    }
}

/// Everything recorded about one question.
public struct ItemRecord: Codable, Sendable, Equatable {
    public var attempts: [Attempt]
    /// Hints revealed so far.
    public var hintsUsed: Int
    /// Whether the learner skipped it without answering it right.
    public var skipped: Bool
    /// Whether the answer was shown after the last allowed wrong attempt.
    public var revealed: Bool
    /// Seconds spent on the question across attempts.
    public var secondsSpent: Double

    public init() {
        attempts = []
        hintsUsed = 0
        skipped = false
        revealed = false
        secondsSpent = 0
    }

    /// Whether any attempt was right.
    public var answeredCorrectly: Bool { attempts.contains { $0.correct } }
    /// Whether the first attempt was right.
    public var firstTryCorrect: Bool { attempts.first?.correct ?? false }
}

/// One answer given to a question.
public struct Attempt: Codable, Sendable, Equatable {
    public var answer: String
    public var correct: Bool
    /// Partial credit from 0 to 1, for question types that give it.
    public var score: Double?
    public var at: Date
    public var seconds: Double
    /// Hints revealed before this attempt.
    public var hintsUsed: Int
    /// True for an answer given in a spaced review rather than in the lesson.
    public var review: Bool?

    public init(answer: String, correct: Bool, score: Double? = nil, at: Date, seconds: Double, hintsUsed: Int) {
        self.answer = answer
        self.correct = correct
        self.score = score
        self.at = at
        self.seconds = seconds
        self.hintsUsed = hintsUsed
    }
}

/// A portfolio piece the learner wrote in a reflection step.
public struct ReflectionRecord: Codable, Sendable, Equatable {
    public var artifact: String?
    public var text: String
    /// The self-check items the learner ticked, by index.
    public var checked: [Int]
    public var savedAt: Date
    /// The level the learner gave their text on each rubric criterion (0 = lowest), in rubric order.
    public var selfScores: [Int]?
    /// The text as first written, kept when the learner revised it after the model answer.
    public var firstDraft: String?

    public init(artifact: String?, text: String, checked: [Int], savedAt: Date, selfScores: [Int]? = nil, firstDraft: String? = nil) {
        self.artifact = artifact
        self.text = text
        self.checked = checked
        self.savedAt = savedAt
        self.selfScores = selfScores
        self.firstDraft = firstDraft
    }
}
