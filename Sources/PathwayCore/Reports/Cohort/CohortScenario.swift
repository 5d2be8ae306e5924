/// One learner's play of one scenario: the runs with at least one decision, and the scores of
/// the first finished run and the best (each the mean decision score, to hundredths).
public struct CohortScenario: Codable, Sendable, Equatable {
    public var pack: String
    public var step: String
    public var title: String
    /// Runs with a decision or an ending.
    public var runs: Int
    public var finishedRuns: Int
    public var firstScore: Double?
    public var bestScore: Double?
    /// What the scenario counts towards mastery (see ``Mastery/scenarioScore(_:)``).
    public var masteryScore: Double

    /// `record` as the cohort shows it, or nil when no run has a decision.
    init?(pack: String, step: String, title: String, record: ScenarioRecord) {
        let played = record.runs.filter { !$0.decisions.isEmpty || $0.isFinished }
        guard !played.isEmpty else { return nil }
        self.pack = pack
        self.step = step
        self.title = title
        runs = played.count
        finishedRuns = record.finishedRuns.count
        firstScore = record.firstRun.map { ReportText.hundredths($0.score) }
        bestScore = record.bestRun.map { ReportText.hundredths($0.score) }
        masteryScore = ReportText.hundredths(Mastery.scenarioScore(record))
    }
}

/// One scenario across the cohort.
public struct CohortScenarioSummary: Codable, Sendable, Equatable {
    public var pack: String
    public var step: String
    public var title: String
    public var learnersPlayed: Int
    public var learnersFinished: Int
    /// The mean score of the learners' first finished runs, and of their best runs.
    public var meanFirstScore: Double?
    public var meanBestScore: Double?
}
