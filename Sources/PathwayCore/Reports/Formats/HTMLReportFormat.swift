import Foundation

/// The report as one self-contained HTML file: inline CSS, inline SVG charts (progress per
/// track and module, skills, activity over time, review forecast), strongest and weakest
/// topics, every answer and the portfolio. Prints well; every text is escaped.
public struct HTMLReportFormat: ReportFormat {
    public let id = "html"
    public let fileExtension = "html"
    public let summary = "one self-contained HTML page with charts, printable"

    /// The most days the activity chart shows (the latest ones).
    public static let activityDays = 60

    public init() {}

    public func render(_ data: ReportData) throws -> String {
        let profile = data.profile
        let timeZone = ReportText.timeZone(data.timeZone)
        let citations = ReportCitations(data.references ?? [])
        var body: HTML = "<header><h1>Progress report</h1>\n<p class=\"meta\">Learner: <strong>\(profile)</strong> · generated "
            + HTMLDocument.time(data.generatedAt, ReportText.readableDateTime(data.generatedAt, in: timeZone))
            + " · days counted in \(data.timeZone)</p></header>\n"
        var main = summarySection(data) + tracksSection(data) + skillsSection(data) + topicsSection(data)
        main += activitySection(data) + reviewSection(data) + answersSection(data, citations: citations)
        main += section("cases", "Cases", ScenarioReportText.html(data.scenarios, citations: citations))
        main += "<section id=\"portfolio\" aria-labelledby=\"portfolio-h\"><h2 id=\"portfolio-h\">Portfolio</h2>\n"
        main += data.portfolio.isEmpty ? "<p>No portfolio pieces written yet.</p>\n"
            : data.portfolio.map { HTMLPortfolio.article($0, headingLevel: 3, citations: citations, timeZone: timeZone) }.joined(separator: "\n")
        main += "</section>\n" + citations.htmlList()
        let referencesEntry: HTML = citations.cited.isEmpty ? "" : "<li><a href=\"#references\">References</a></li>"
        body += """
        <nav aria-label="Contents"><ol><li><a href="#summary">Summary</a></li><li><a href="#tracks">Progress by track</a></li>\
        <li><a href="#skills">Skills</a></li><li><a href="#topics">Strongest and weakest topics</a></li>\
        <li><a href="#activity">Activity</a></li><li><a href="#review">Review forecast</a></li>\
        <li><a href="#answers">Answers</a></li><li><a href="#cases">Cases</a></li><li><a href="#portfolio">Portfolio</a></li>\(referencesEntry)</ol></nav>
        <main>

        """
        body += main + "</main>\n<footer>Made with Pathway. Figures count graded questions of the installed packs.</footer>"
        return HTMLDocument.page(title: "Progress report: \(data.profile)", body: body)
    }

    private func section(_ id: String, _ title: String, _ content: HTML) -> HTML {
        "<section id=\"\(id)\" aria-labelledby=\"\(id)-h\"><h2 id=\"\(id)-h\">\(title)</h2>\n\(content)</section>\n"
    }

    private func summarySection(_ data: ReportData) -> HTML {
        let s = data.summary
        let figures: [(String, String)] = [
            ("Lessons completed", "\(s.lessonsCompleted) of \(s.lessonsTotal)"),
            ("Modules completed", "\(s.modulesCompleted) of \(s.modulesTotal)"),
            ("Questions answered", "\(s.itemsAnswered) of \(s.itemsTotal)"),
            ("Right on the first try", ReportText.percent(s.firstTryAccuracy)),
            ("Time on questions", ReportText.minutes(s.seconds)),
            ("Portfolio pieces", "\(s.reflectionsWritten) of \(s.reflectionsTotal)"),
        ]
        var html: HTML = "<dl class=\"figures\">" + figures.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }.joined() + "</dl>\n"
        html += "<p>\(Plural.count(s.attempts, "answer")) in all; \(Plural.count(s.answeredCorrectly, "question")) answered right in the end"
            + (s.skipped > 0 ? "; \(s.skipped) skipped" : "") + ".</p>\n"
        return section("summary", "Summary", html)
    }

    private func tracksSection(_ data: ReportData) -> HTML {
        var html = SVGChart.bars(
            id: "chart-tracks", title: "Lessons completed per track",
            description: data.tracks.map { "\($0.title): \($0.lessonsCompleted) of \(Plural.count($0.lessonsTotal, "lesson"))" }.joined(separator: "; "),
            bars: data.tracks.map { .init(label: $0.title, value: Double($0.lessonsCompleted), maximum: Double($0.lessonsTotal),
                                          caption: "\($0.lessonsCompleted)/\(Plural.count($0.lessonsTotal, "lesson"))") }) + "\n"
        for (index, track) in data.tracks.enumerated() {
            let state = track.completed ? "completed" : track.locked ? "locked" : "open"
            html += "<h3>\(track.title)</h3>\n<p class=\"meta\">\(state) · \(track.lessonsCompleted) of \(Plural.count(track.lessonsTotal, "lesson"))</p>\n"
            html += SVGChart.bars(
                id: "chart-track-\(index + 1)", title: "Lessons completed per module: \(track.title)",
                description: track.modules.map { "\($0.title): \($0.lessonsCompleted) of \($0.lessonsTotal)" }.joined(separator: "; "),
                bars: track.modules.map { .init(label: $0.title, value: Double($0.lessonsCompleted), maximum: Double($0.lessonsTotal),
                                                caption: "\($0.lessonsCompleted)/\($0.lessonsTotal)") }) + "\n"
            html += HTMLDocument.table(
                caption: nil, header: ["Module", "State", "Lessons", "Answered", "First try", "Time"],
                rows: track.modules.map { module in
                    ["\(module.title)", "\(Self.describe(module))",
                     "\(module.lessonsCompleted)/\(module.lessonsTotal)", "\(module.itemsAnswered)/\(module.itemsTotal)",
                     "\(ReportText.percent(module.firstTryAccuracy))", "\(ReportText.minutes(module.seconds))"]
                }, numeric: [2, 3, 4, 5]) + "\n"
        }
        return section("tracks", "Progress by track", html)
    }

    static func describe(_ module: ModuleReport) -> String {
        switch module.state {
        case .mastered: return "mastered"
        case .testedOut: return "tested out"
        case .completed: return "completed"
        case .inProgress: return "in progress"
        case .available: return "available"
        case .locked: return "locked" + (module.lockedReason.map { ": " + $0 } ?? "")
        }
    }

    private func skillsSection(_ data: ReportData) -> HTML {
        guard !data.skills.isEmpty else { return section("skills", "Skills", "<p>The packs name no skills.</p>\n") }
        let chart = SVGChart.bars(
            id: "chart-skills", title: "Share right on the first try, per skill",
            description: data.skills.map { "\(SkillLevel.name(of: $0.skill)): \(ReportText.percent($0.accuracy)) over \(Plural.count($0.itemsSeen, "item")) seen" }
                .joined(separator: "; "),
            bars: data.skills.map { .init(label: SkillLevel.name(of: $0.skill), value: $0.accuracy ?? 0, maximum: 1,
                                          caption: $0.accuracy == nil ? "not started" : "\(ReportText.percent($0.accuracy)) of \($0.itemsSeen) seen") })
        let table = HTMLDocument.table(
            caption: nil, header: ["Skill", "Items seen", "Right first try", "Share"],
            rows: data.skills.map { ["\(SkillLevel.name(of: $0.skill))", "\($0.itemsSeen)/\($0.itemsTotal)", "\($0.firstTryCorrect)",
                                     "\(ReportText.percent($0.accuracy))"] }, numeric: [1, 2, 3])
        return section("skills", "Skills", "<p>Skills come from the modules' skill tags: the share of questions answered right on the first try in the modules that build each skill.</p>\n" + chart + "\n" + table + "\n")
    }

    private func topicsSection(_ data: ReportData) -> HTML {
        func list(_ standings: [ModuleStanding]) -> HTML {
            "<ol>" + standings.map { standing -> HTML in "<li><strong>\(standing.title)</strong>: \(ReportText.percent(standing.accuracy)) right on the first try (\(Plural.count(standing.itemsAnswered, "question")))</li>" }.joined() + "</ol>\n"
        }
        guard !data.strongest.isEmpty || !data.weakest.isEmpty else {
            return section("topics", "Strongest and weakest topics", "<p>Answer a few questions to see your strongest and weakest topics.</p>\n")
        }
        let bar = ReportText.percent(ReportData.strongAccuracy)
        var html: HTML = "<h3>Strongest</h3>\n" + (data.strongest.isEmpty ? "<p>No topic at \(bar) or more right on the first try yet.</p>\n" : list(data.strongest))
        html += "<h3>To revisit</h3>\n" + (data.weakest.isEmpty ? "<p>No other topic measured yet.</p>\n" : list(data.weakest))
        return section("topics", "Strongest and weakest topics", html)
    }

    private func activitySection(_ data: ReportData) -> HTML {
        let days = Self.recentDays(data, limit: Self.activityDays)
        guard !days.isEmpty else { return section("activity", "Activity", "<p>No answers yet.</p>\n") }
        let busiest = days.max { $0.attempts < $1.attempts }!
        let total = days.reduce(0) { $0 + $1.attempts }
        let chart = SVGChart.columns(
            id: "chart-activity", title: "Answers per day",
            description: "\(Plural.count(total, "answer")) over \(Plural.count(days.count, "day")) from \(days.first!.date) to \(days.last!.date); busiest day \(busiest.date) with \(Plural.count(busiest.attempts, "answer")).",
            columns: days.map { .init(label: $0.date, value: Double($0.attempts), caption: "\(Plural.count($0.attempts, "answer")), \($0.correct) right, \(ReportText.minutes($0.seconds))") })
        let table = HTMLDocument.table(
            caption: "Days with activity", header: ["Day", "Answers", "Right", "Time", "Lessons completed"],
            rows: data.activity.reversed().map { ["\($0.date)", "\($0.attempts)", "\($0.correct)", "\(ReportText.minutes($0.seconds))", "\($0.lessonsCompleted)"] },
            numeric: [1, 2, 3, 4])
        return section("activity", "Activity", chart + "\n" + table + "\n")
    }

    /// Consecutive days, quiet ones as zeros, at most `limit` of them, ending at the report's
    /// day when the last activity falls within that window (so recent quiet days show), else
    /// at the last active day (so old activity is not charted as a blank).
    static func recentDays(_ data: ReportData, limit: Int) -> [DayActivity] {
        guard let first = data.activity.first, let last = data.activity.last else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: data.timeZone) ?? TimeZone(identifier: "UTC")!
        guard let lastDay = calendar.date(from: dayComponents(last.date)) else { return [] }
        var end = lastDay
        if let today = calendar.date(from: dayComponents(ReportText.day(data.generatedAt, in: calendar))),
           let gap = calendar.dateComponents([.day], from: lastDay, to: today).day, gap > 0, gap < limit {
            end = today
        }
        let byDay = Dictionary(data.activity.map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
        var days: [DayActivity] = []
        var cursor = end
        while days.count < limit {
            let day = ReportText.day(cursor, in: calendar)
            days.append(byDay[day] ?? DayActivity(date: day, attempts: 0, correct: 0, seconds: 0, lessonsCompleted: 0))
            if day <= first.date { break }
            guard let previous = calendar.date(byAdding: .day, value: -1, to: cursor) else { break }
            cursor = previous
        }
        return days.reversed()
    }

    private static func dayComponents(_ day: String) -> DateComponents {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        return DateComponents(year: parts.first, month: parts.count > 1 ? parts[1] : 1, day: parts.count > 2 ? parts[2] : 1, hour: 12)
    }

    private func reviewSection(_ data: ReportData) -> HTML {
        guard let forecast = data.reviewForecast else {
            return section("review", "Review forecast", "<p>No review schedule is available for this report.</p>\n")
        }
        let maximum = Double(max(forecast.dueWithin30Days, forecast.dueWithin7Days, forecast.dueNow, 1))
        let chart = SVGChart.bars(
            id: "chart-review", title: "Questions due for review",
            description: "\(forecast.dueNow) due now, \(forecast.dueWithin7Days) within 7 days, \(forecast.dueWithin30Days) within 30 days.",
            bars: [.init(label: "Due now", value: Double(forecast.dueNow), maximum: maximum, caption: "\(forecast.dueNow)"),
                   .init(label: "Within 7 days", value: Double(forecast.dueWithin7Days), maximum: maximum, caption: "\(forecast.dueWithin7Days)"),
                   .init(label: "Within 30 days", value: Double(forecast.dueWithin30Days), maximum: maximum, caption: "\(forecast.dueWithin30Days)")])
        return section("review", "Review forecast", chart + "\n<p>Counts include the items due sooner.</p>\n")
    }

    private func answersSection(_ data: ReportData, citations: ReportCitations) -> HTML {
        var html: HTML = ""
        for module in data.modules where module.itemsAnswered > 0 {
            html += "<h3>\(module.title)</h3>\n"
            for lesson in module.lessons where lesson.itemsAnswered > 0 {
                html += "<h4>\(lesson.title)</h4>\n"
                let rows: [[HTML]] = lesson.questions.flatMap { question in
                    question.attempts.map { attempt in
                        [citations.html(line: question.prompt, pack: module.pack, limit: 90), "\(attempt.number)", "\(attempt.answer)",
                         attempt.correct ? "<span class=\"right\">✓ right</span>" : "<span class=\"wrong\">✗ wrong</span>",
                         "\(ReportText.decimal(attempt.seconds, places: 1))", "\(attempt.hintsUsed)"]
                    }
                }
                html += HTMLDocument.table(caption: nil, header: ["Question", "Try", "Answer", "Result", "Seconds", "Hints"],
                                           rows: rows, numeric: [1, 4, 5]) + "\n"
            }
        }
        if let retired = data.retired, !retired.isEmpty {
            html += "<h3>Retired questions</h3>\n<p>Answers to questions a newer version of a pack removed or re-keyed; they no longer count.</p>\n"
            html += HTMLDocument.table(caption: nil, header: ["Pack", "Question", "Try", "Answer", "Result", "Seconds", "Hints"],
                                       rows: retired.map { attempt in
                                           ["\(attempt.pack)", "\(attempt.question) (retired)", "\(attempt.number)",
                                            "\(attempt.answer)", attempt.correct ? "right" : "wrong",
                                            "\(ReportText.decimal(attempt.seconds, places: 1))", "\(attempt.hintsUsed)"]
                                       }, numeric: [2, 5, 6]) + "\n"
        }
        return section("answers", "Answers", html.isEmpty ? "<p>No answers yet.</p>\n" : html)
    }

    /// A prompt on one line with Markdown emphasis marks removed.
    static func plain(_ markdown: String) -> String {
        markdown.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "**", with: "")
            .replacingOccurrences(of: "`", with: "")
    }
}
