/// The cohort as CSV (RFC 4180): one row per learner and module (`progress`, the default), or
/// one row per question with its difficulty and most common wrong answer (`items`), or the item
/// analysis, one row per question and option (`statistics`; one row for questions without
/// options), or one row per learner and scenario played (`scenarios`). Text cells
/// are always guarded against formulas: one learner's answer or profile name lands in the
/// instructor's spreadsheet.
public struct CohortCSVFormat: CohortFormat {
    /// Which table to write.
    public enum Table: String, Sendable, CaseIterable {
        case progress, items, statistics, scenarios
    }

    public let id = "csv"
    public let fileExtension = "csv"
    public var table: Table

    public init(table: Table = .progress) { self.table = table }

    public static let progressColumns = ["profile", "source", "pack", "module", "lessons_completed", "lessons_total", "completed",
                                         "items_answered", "first_try_correct", "seconds", "mastery_score", "mastered", "tested_out"]
    public static let itemColumns = ["pack", "question", "module", "lesson", "type", "learners_answered", "first_try_correct",
                                     "first_try_share", "attempts", "wrong_attempts", "mean_seconds", "top_wrong_answer",
                                     "top_wrong_answer_count"]

    public static let scenarioColumns = ["profile", "source", "pack", "scenario", "title", "runs", "finished_runs", "first_score",
                                         "best_score", "mastery_score"]

    public static let statisticsColumns = ["pack", "question", "module", "type", "learners", "facility", "discrimination",
                                           "choice", "choice_correct", "choice_count", "choice_share", "flags"]

    public func render(_ report: CohortReport) throws -> String {
        var csv = CSVWriter()
        switch table {
        case .progress:
            csv.row(Self.progressColumns)
            for learner in report.learners {
                for module in learner.modules {
                    csv.row([.text(learner.profile), .text(learner.source), .text(module.pack), .text(module.module),
                             .integer(module.lessonsCompleted), .integer(module.lessonsTotal), module.completed ? "true" : "false",
                             .integer(module.itemsAnswered), .integer(module.firstTryCorrect), .number(ReportText.decimal(module.seconds)),
                             .number(ReportText.decimal(module.masteryScore)), module.mastered ? "true" : "false",
                             module.testedOut ? "true" : "false"])
                }
            }
        case .items:
            csv.row(Self.itemColumns)
            for item in report.items {
                csv.row([.text(item.pack), .text(item.question), .text(item.module ?? ""), .text(item.lesson ?? ""), .text(item.type ?? ""),
                         .integer(item.learnersAnswered), .integer(item.firstTryCorrect),
                         .number(ReportText.decimal(item.firstTryShare, places: 4)), .integer(item.attempts), .integer(item.wrongAttempts),
                         .number(ReportText.decimal(item.meanSeconds)), .text(item.wrongAnswers.first?.answer ?? ""),
                         item.wrongAnswers.first.map { .integer($0.count) } ?? .number("")])
            }
        case .scenarios:
            csv.row(Self.scenarioColumns)
            for learner in report.learners {
                for scenario in learner.scenarios {
                    csv.row([.text(learner.profile), .text(learner.source), .text(scenario.pack), .text(scenario.step), .text(scenario.title),
                             .integer(scenario.runs), .integer(scenario.finishedRuns),
                             .number(scenario.firstScore.map { ReportText.decimal($0) } ?? ""),
                             .number(scenario.bestScore.map { ReportText.decimal($0) } ?? ""),
                             .number(ReportText.decimal(scenario.masteryScore))])
                }
            }
        case .statistics:
            csv.row(Self.statisticsColumns)
            for item in report.itemStatistics {
                // Discrimination may be negative: a number cell, never guarded.
                let common: [CSVCell] = [.text(item.pack), .text(item.question), .text(item.module ?? ""), .text(item.type ?? ""),
                                         .integer(item.learners), .number(ReportText.decimal(item.facility, places: 3)),
                                         .number(item.discrimination.map { ReportText.decimal($0, places: 3) } ?? "")]
                let flags = CSVCell.text(item.flags.joined(separator: "; "))
                if item.choices.isEmpty {
                    csv.row(common + ["", "", "", "", flags])
                }
                for choice in item.choices {
                    csv.row(common + [.text(choice.text), choice.correct ? "true" : "false", .integer(choice.count),
                                      .number(ReportText.decimal(choice.share, places: 4)), flags])
                }
            }
        }
        return csv.text
    }
}
