import Foundation

/// The report as Markdown: headings and tables that read well as plain text and render on
/// any Markdown viewer. Text from packs and progress is escaped (see `MarkdownText`).
public struct MarkdownReportFormat: ReportFormat {
    public let id = "md"
    public let fileExtension = "md"
    public let summary = "Markdown, readable as plain text"

    public init() {}

    public func render(_ data: ReportData) throws -> String {
        var lines: [String] = []
        let s = data.summary
        let timeZone = ReportText.timeZone(data.timeZone)
        let citations = ReportCitations(data.references ?? [])
        lines += ["# Progress report: \(MarkdownText.inline(data.profile))", "",
                  "Generated \(MarkdownText.inline(ReportText.readableDateTime(data.generatedAt, in: timeZone))); days counted in \(MarkdownText.inline(data.timeZone)).", "",
                  "## Summary", "",
                  "| | |", "|---|---|",
                  "| Lessons completed | \(s.lessonsCompleted) of \(s.lessonsTotal) |",
                  "| Modules completed | \(s.modulesCompleted) of \(s.modulesTotal) |",
                  "| Questions answered | \(s.itemsAnswered) of \(s.itemsTotal) (\(Plural.count(s.attempts, "answer"))) |",
                  "| Right on the first try | \(s.firstTryCorrect) (\(ReportText.percent(s.firstTryAccuracy))) |",
                  "| Answered right in the end | \(s.answeredCorrectly) |",
                  "| Skipped | \(s.skipped) |",
                  "| Time on questions | \(ReportText.minutes(s.seconds)) |",
                  "| Portfolio pieces | \(s.reflectionsWritten) of \(s.reflectionsTotal) |", ""]
        if let forecast = data.reviewForecast {
            lines += ["## Review forecast", "",
                      "| Due now | Within 7 days | Within 30 days |", "|---:|---:|---:|",
                      "| \(forecast.dueNow) | \(forecast.dueWithin7Days) | \(forecast.dueWithin30Days) |", ""]
        }
        lines += ["## Progress by track", ""]
        for track in data.tracks {
            lines += ["### \(MarkdownText.inline(track.title))", "",
                      "\(track.lessonsCompleted) of \(Plural.count(track.lessonsTotal, "lesson"))\(track.completed ? ", completed" : track.locked ? ", locked" : "").", "",
                      "| Module | State | Lessons | Answered | First try |", "|---|---|---:|---:|---:|"]
            for module in track.modules {
                lines.append("| \(MarkdownText.inline(module.title)) | \(Self.describe(module)) | \(module.lessonsCompleted)/\(module.lessonsTotal) | "
                             + "\(module.itemsAnswered)/\(module.itemsTotal) | \(ReportText.percent(module.firstTryAccuracy)) |")
            }
            lines.append("")
        }
        lines += skills(data) + standings(data) + activity(data) + answers(data) + ScenarioReportText.markdown(data.scenarios, citations: citations)
        if !data.portfolio.isEmpty {
            lines += ["## Portfolio", ""]
            for artifact in data.portfolio {
                lines += ["### \(MarkdownText.inline(artifact.title))", ""]
                lines += PortfolioMarkdownFormat.briefLines(artifact, citations: citations)
                lines += [MarkdownText.block(artifact.text), ""]
                if artifact.checklistTotal > 0 {
                    lines += ["Self-check: \(artifact.checkedCount) of \(artifact.checklistTotal)", ""]
                    lines += artifact.checklist.map { "- [\($0.checked ? "x" : " ")] \(MarkdownText.inline($0.text))" } + [""]
                }
                lines += PortfolioMarkdownFormat.rubricLines(artifact, citations: citations)
            }
        }
        lines += citations.markdownList()
        return lines.joined(separator: "\n")
    }

    static func describe(_ module: ModuleReport) -> String {
        switch module.state {
        case .mastered: return "mastered"
        case .testedOut: return "tested out"
        case .completed: return "completed"
        case .inProgress: return "in progress"
        case .available: return "available"
        case .locked: return "locked" + (module.lockedReason.map { ": " + MarkdownText.inline($0) } ?? "")
        }
    }

    private func skills(_ data: ReportData) -> [String] {
        guard !data.skills.isEmpty else { return [] }
        return ["## Skills", "", "| Skill | Items seen | First try |", "|---|---:|---:|"]
            + data.skills.map { "| \(MarkdownText.inline(SkillLevel.name(of: $0.skill))) | \($0.itemsSeen)/\($0.itemsTotal) | \(ReportText.percent($0.accuracy)) |" }
            + [""]
    }

    private func standings(_ data: ReportData) -> [String] {
        guard !data.strongest.isEmpty || !data.weakest.isEmpty else { return [] }
        func list(_ standings: [ModuleStanding]) -> [String] {
            standings.map { "- \(MarkdownText.inline($0.title)): \(ReportText.percent($0.accuracy)) of \($0.itemsAnswered) right on the first try" }
        }
        let strongest = data.strongest.isEmpty ? ["No topic at \(ReportText.percent(ReportData.strongAccuracy)) or more right on the first try yet."] : list(data.strongest)
        var lines = ["## Strongest and weakest topics", "", "Strongest:", ""] + strongest + [""]
        if !data.weakest.isEmpty { lines += ["To revisit:", ""] + list(data.weakest) + [""] }
        return lines
    }

    private func activity(_ data: ReportData) -> [String] {
        guard !data.activity.isEmpty else { return [] }
        return ["## Activity", "", "| Day | Answers | Right | Time | Lessons completed |", "|---|---:|---:|---:|---:|"]
            + data.activity.map { "| \($0.date) | \($0.attempts) | \($0.correct) | \(ReportText.minutes($0.seconds)) | \($0.lessonsCompleted) |" }
            + [""]
    }

    private func answers(_ data: ReportData) -> [String] {
        var lines: [String] = []
        for module in data.modules where module.itemsAnswered > 0 {
            for lesson in module.lessons where lesson.itemsAnswered > 0 {
                if lines.isEmpty { lines += ["## Answers", ""] }
                lines += ["### \(MarkdownText.inline(module.title)): \(MarkdownText.inline(lesson.title))", "",
                          "| Question | # | Answer | Result | Seconds | Hints |", "|---|---:|---|---|---:|---:|"]
                for attempt in lesson.questions.flatMap(\.attempts) {
                    lines.append("| \(MarkdownText.inline(attempt.question)) | \(attempt.number) | \(MarkdownText.inline(attempt.answer)) | "
                                 + "\(attempt.correct ? "right" : "wrong") | \(ReportText.decimal(attempt.seconds, places: 1)) | \(attempt.hintsUsed) |")
                }
                lines.append("")
            }
        }
        if let retired = data.retired, !retired.isEmpty {
            lines += ["## Retired questions", "", "Answers to questions a newer version of a pack removed or re-keyed; they no longer count.", "",
                      "| Pack | Question | # | Answer | Result | Seconds | Hints |", "|---|---|---:|---|---|---:|---:|"]
            for attempt in retired {
                lines.append("| \(MarkdownText.inline(attempt.pack)) | \(MarkdownText.inline(attempt.question)) (retired) | \(attempt.number) | "
                             + "\(MarkdownText.inline(attempt.answer)) | \(attempt.correct ? "right" : "wrong") | "
                             + "\(ReportText.decimal(attempt.seconds, places: 1)) | \(attempt.hintsUsed) |")
            }
            lines.append("")
        }
        return lines
    }
}
