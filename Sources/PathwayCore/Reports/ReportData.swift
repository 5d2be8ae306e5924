import Foundation

/// Everything a progress report shows, computed once from the packs, the learner's progress
/// and the time; every ``ReportFormat`` renders this one value.
///
/// Build it with ``init(library:progress:now:timeZone:reviewForecast:)``. It is `Codable`:
/// the JSON format writes it as is, and `docs/report-schema.json` documents that shape.
public struct ReportData: Codable, Sendable, Equatable {
    /// The version of the JSON shape; raise it when a key changes meaning or disappears.
    public static let schemaVersion = 1

    public var reportSchemaVersion: Int
    public var generatedAt: Date
    public var profile: String
    /// The time zone days are counted in, e.g. `Europe/Paris`.
    public var timeZone: String
    public var summary: ReportSummary
    /// The career path's tracks in order, then one entry per pack that no path mentions.
    public var tracks: [TrackReport]
    /// Days with answers or completed lessons, oldest first.
    public var activity: [DayActivity]
    public var skills: [SkillReport]
    /// Modules with the best first-try accuracy, best first.
    public var strongest: [ModuleStanding]
    /// Modules with the lowest first-try accuracy, weakest first (never also in `strongest`).
    public var weakest: [ModuleStanding]
    /// The learner's reflections, in curriculum order.
    public var portfolio: [PortfolioArtifact]
    /// What is due for review, when spaced review provides it.
    public var reviewForecast: ReviewForecast?
    /// The scenarios played, in curriculum order.
    public var scenarios: [ScenarioReport] = []
    /// Answers to questions the installed packs no longer count (removed, or re-keyed under a
    /// raised revision), kept and marked retired; absent when there are none.
    public var retired: [AttemptReport]?
    /// The works the pack texts in the report cite inline (`[@key]` in a question's prompt, a
    /// reflection's brief…), each with the pack declaring it; absent when nothing is cited.
    public var references: [CitedReference]?
    /// Placement results, by pack and module; absent when the learner took no placement quiz.
    public var placements: [PlacementReport]?

    /// Every module once (a module listed by two tracks appears once), in path order.
    public var modules: [ModuleReport] {
        var seen: Set<String> = []
        return tracks.flatMap(\.modules).filter { seen.insert($0.key).inserted }
    }

    /// Every recorded attempt on a question of the packs, in curriculum order.
    public var attempts: [AttemptReport] {
        modules.flatMap { $0.lessons.flatMap { $0.questions.flatMap(\.attempts) } } + (retired ?? [])
    }
}

/// Totals over the whole curriculum.
public struct ReportSummary: Codable, Sendable, Equatable {
    public var lessonsCompleted: Int
    public var lessonsTotal: Int
    public var modulesCompleted: Int
    public var modulesTotal: Int
    /// Graded items in the packs.
    public var itemsTotal: Int
    /// Items with at least one attempt.
    public var itemsAnswered: Int
    public var answeredCorrectly: Int
    public var firstTryCorrect: Int
    /// `firstTryCorrect / itemsAnswered`; absent before the first answer.
    public var firstTryAccuracy: Double?
    public var attempts: Int
    /// Items skipped and never answered right.
    public var skipped: Int
    /// Seconds spent on questions.
    public var seconds: Double
    public var reflectionsWritten: Int
    public var reflectionsTotal: Int
    /// Records in the progress file whose question or reflection no pack has any more.
    public var unmatchedRecords: Int
}

/// The placement quiz's result for one module.
public struct PlacementReport: Codable, Sendable, Equatable {
    public var pack: String
    public var module: String
    /// The pack version the quiz was taken on.
    public var packVersion: String
    /// The weighted share of the module's placement items answered right.
    public var score: Double
    /// Whether the module was marked tested out.
    public var testedOut: Bool
    public var at: Date
}
