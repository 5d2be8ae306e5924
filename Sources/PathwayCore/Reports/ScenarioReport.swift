import Foundation

/// One scenario the learner played: every run with its decisions, and which runs were the
/// first finished and the best.
public struct ScenarioReport: Codable, Sendable, Equatable {
    public var pack: String
    public var module: String
    public var lesson: String
    /// The scenario step's id.
    public var step: String
    public var title: String
    public var level: String?
    /// Every run, in order (the last may be under way).
    public var runs: [ScenarioRunReport]
    /// Indexes into `runs` of the first finished run and the best one.
    public var firstRun: Int?
    public var bestRun: Int?
    /// What the scenario counts towards mastery (see ``Mastery/scenarioScore(_:)``).
    public var masteryScore: Double

    public var first: ScenarioRunReport? { firstRun.map { runs[$0] } }
    public var best: ScenarioRunReport? { bestRun.map { runs[$0] } }
}

/// One play of a scenario.
public struct ScenarioRunReport: Codable, Sendable, Equatable {
    /// 1 for the first run.
    public var number: Int
    public var startedAt: Date
    public var finishedAt: Date?
    /// The mean decision score.
    public var score: Double
    public var seconds: Double
    public var decisions: [ScenarioDecisionReport]
}

/// One decision, with the node's options so that it can be reported as a choice interaction.
public struct ScenarioDecisionReport: Codable, Sendable, Equatable {
    public var node: String
    /// The situation, as plain text.
    public var situation: String
    /// The node's options in pack order, and which of them are best (score 1).
    public var options: [String]
    public var bestOptions: [Int]
    /// The option taken (its index in `options`) and its text.
    public var option: Int
    public var text: String
    public var score: Double
    public var at: Date
    public var seconds: Double
}

extension ReportData {
    /// Every scenario of the packs the learner has a record of, in curriculum order.
    static func scenarios(library: PackLibrary, progress: LearnerProgress) -> [ScenarioReport] {
        library.packs.flatMap { pack in
            pack.lessons.flatMap { module, lesson in
                lesson.steps.compactMap { $0 as? ScenarioStep }.compactMap { step -> ScenarioReport? in
                    guard let record = progress.scenarios[.scenario(pack, step)], !record.runs.isEmpty else { return nil }
                    let runs = record.runs.enumerated().map { number, run in
                        ScenarioRunReport(number: number + 1, startedAt: run.startedAt, finishedAt: run.finishedAt,
                                          score: ReportText.hundredths(run.score), seconds: ReportText.hundredths(run.seconds),
                                          decisions: run.decisions.map { decisionReport($0, in: step) })
                    }
                    return ScenarioReport(pack: pack.id, module: module.id, lesson: lesson.id, step: step.scenarioID,
                                          title: step.title ?? step.scenarioID, level: step.level?.rawValue, runs: runs,
                                          firstRun: record.firstRun.flatMap { record.runs.firstIndex(of: $0) },
                                          bestRun: record.bestRun.flatMap { record.runs.firstIndex(of: $0) },
                                          masteryScore: ReportText.hundredths(Mastery.scenarioScore(record)))
                }
            }
        }
    }

    private static func decisionReport(_ decision: ScenarioDecision, in step: ScenarioStep) -> ScenarioDecisionReport {
        let node = step.node(id: decision.node)
        let options = node?.options.map(\.text) ?? [decision.text]
        let option = node?.options.firstIndex { $0.text == decision.text } ?? (options.indices.contains(decision.option) ? decision.option : 0)
        return ScenarioDecisionReport(
            node: decision.node, situation: node.map { HTMLReportFormat.plain($0.text) } ?? decision.node,
            options: options, bestOptions: node?.options.indices.filter { node!.options[$0].score >= 1 } ?? [],
            option: option, text: decision.text, score: decision.score, at: decision.at, seconds: ReportText.hundredths(decision.seconds))
    }
}
