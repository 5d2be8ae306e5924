/// One CSV row per attempt (RFC 4180), for spreadsheets and analysis, then one per scenario decision.
public struct CSVReportFormat: ReportFormat {
    public let id = "csv"
    public let fileExtension = "csv"
    public let summary = "CSV, one row per answer (RFC 4180)"
    /// Whether answers a spreadsheet would run as formulas get a leading `'` (the default).
    public var formulas: CSVWriter.Formulas

    /// The header row.
    public static let columns = ["profile", "pack", "module", "lesson", "question", "question_type", "attempt",
                                 "answer", "correct", "timestamp", "seconds", "hints_used", "retired"]

    public init(formulas: CSVWriter.Formulas = .guarded) { self.formulas = formulas }

    public func render(_ data: ReportData) throws -> String {
        var csv = CSVWriter(formulas: formulas)
        csv.row(Self.columns)
        for attempt in data.attempts {
            csv.row([.text(data.profile), .text(attempt.pack), .text(attempt.module), .text(attempt.lesson), .text(attempt.question),
                     .text(attempt.questionType), .integer(attempt.number), .text(attempt.answer), attempt.correct ? "true" : "false",
                     .number(ReportText.timestamp(attempt.at)), .number(ReportText.decimal(attempt.seconds)), .integer(attempt.hintsUsed),
                     attempt.retired == true ? "true" : "false"])
        }
        // Scenario decisions: the question is `scenario#node`, the attempt the run, "correct" a best decision.
        for scenario in data.scenarios {
            for run in scenario.runs {
                for decision in run.decisions {
                    csv.row([data.profile, scenario.pack, scenario.module, scenario.lesson, "\(scenario.step)#\(decision.node)",
                             ScenarioStep.typeName, String(run.number), decision.text, decision.score >= 1 ? "true" : "false",
                             ReportText.timestamp(decision.at), ReportText.decimal(decision.seconds), "0", "false"])
                }
            }
        }
        return csv.text
    }
}
