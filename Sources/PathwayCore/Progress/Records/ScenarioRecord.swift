import Foundation

/// Everything recorded about one scenario: each run, in order, with every decision.
///
/// The last run is under way when it has no `finishedAt`; resuming returns to the node its
/// last decision led to. A finished scenario may be run again; reports show the first finished
/// run and the best.
public struct ScenarioRecord: Codable, Sendable, Equatable {
    public var runs: [ScenarioRun]

    public init(runs: [ScenarioRun] = []) { self.runs = runs }

    /// The run under way, if any.
    public var currentRun: ScenarioRun? { runs.last.flatMap { $0.isFinished ? nil : $0 } }
    /// Finished runs, in order.
    public var finishedRuns: [ScenarioRun] { runs.filter(\.isFinished) }
    /// The first finished run.
    public var firstRun: ScenarioRun? { runs.first(where: \.isFinished) }
    /// The finished run with the highest score (the earliest on a tie).
    public var bestRun: ScenarioRun? {
        finishedRuns.reduce(nil) { best, run in (best.map { run.score > $0.score } ?? true) ? run : best }
    }
    /// Whether any run was finished.
    public var isFinished: Bool { firstRun != nil }
}

/// One play of a scenario from its start.
public struct ScenarioRun: Codable, Sendable, Equatable {
    public var startedAt: Date
    public var decisions: [ScenarioDecision]
    /// When the run reached an ending.
    public var finishedAt: Date?

    public init(startedAt: Date, decisions: [ScenarioDecision] = [], finishedAt: Date? = nil) {
        self.startedAt = startedAt
        self.decisions = decisions
        self.finishedAt = finishedAt
    }

    public var isFinished: Bool { finishedAt != nil }
    /// The mean decision score (see ``ScenarioStep/score(ofDecisions:)``).
    public var score: Double { ScenarioStep.score(ofDecisions: decisions.map(\.score)) }
    /// Seconds spent deciding.
    public var seconds: Double { decisions.reduce(0) { $0 + $1.seconds } }
}

/// One decision: at which node, which option (by its text and its position in the pack), when.
public struct ScenarioDecision: Codable, Sendable, Equatable {
    public var node: String
    /// The option's position among the node's options in the pack.
    public var option: Int
    /// The option's text, as the learner saw it.
    public var text: String
    public var score: Double
    /// The node it led to; nil at an ending.
    public var next: String?
    public var at: Date
    public var seconds: Double

    public init(node: String, option: Int, text: String, score: Double, next: String?, at: Date, seconds: Double) {
        self.node = node
        self.option = option
        self.text = text
        self.score = score
        self.next = next
        self.at = at
        self.seconds = seconds
    }
}
