import Foundation

/// The cohort report as one self-contained HTML page for instructors: completion per module
/// and per learner, the hardest questions and the wrong answers chosen most, time spent.
public struct CohortHTMLFormat: CohortFormat {
    public let id = "html"
    public let fileExtension = "html"

    public init() { timeZone = ReportText.timeZone("UTC") }

    /// The time zone dates are shown in (the exact UTC time is in each `<time>` element).
    public var timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    public func render(_ report: CohortReport) throws -> String {
        let citations = ReportCitations(report.references ?? [])
        var body: HTML = "<header><h1>Cohort report</h1>\n<p class=\"meta\">\(Plural.count(report.learnerCount, "learner")) · "
            + "generated " + HTMLDocument.time(report.generatedAt, ReportText.readableDateTime(report.generatedAt, in: timeZone))
            + "</p></header>\n<main>\n"
        let completed = report.learners.filter { $0.lessonsTotal > 0 && $0.lessonsCompleted == $0.lessonsTotal }.count
        let meanCompletion = report.learners.isEmpty ? 0 : report.learners.reduce(0) { $0 + $1.completion } / Double(report.learners.count)
        let figures: [(String, String)] = [
            ("Learners", "\(report.learnerCount)"), ("Finished every lesson", "\(completed)"),
            ("Mean completion", ReportText.percent(meanCompletion)), ("Answers", "\(report.attempts)"),
            ("Time on questions", ReportText.minutes(report.seconds)),
            ("Mean time per learner", ReportText.minutes(report.learnerCount == 0 ? 0 : report.seconds / Double(report.learnerCount))),
        ]
        body += section("summary", "Summary", "<dl class=\"figures\">" + figures.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }.joined() + "</dl>\n")
        body += modulesSection(report) + difficultySection(report, citations) + statisticsSection(report, citations) + scenariosSection(report) + learnersSection(report)
        body += citations.htmlList()
        body += "</main>\n<footer>Made with Pathway from the learning records of \(Plural.count(report.learnerCount, "learner")).</footer>"
        return HTMLDocument.page(title: "Cohort report", body: body)
    }

    private func section(_ id: String, _ title: String, _ content: HTML) -> HTML {
        "<section id=\"\(id)\" aria-labelledby=\"\(id)-h\"><h2 id=\"\(id)-h\">\(title)</h2>\n\(content)</section>\n"
    }

    private func modulesSection(_ report: CohortReport) -> HTML {
        let chart = SVGChart.bars(
            id: "chart-completion", title: "Share of learners who completed each module",
            description: report.modules.map { "\($0.title): \(ReportText.percent($0.completionRate))" }.joined(separator: "; "),
            bars: report.modules.map { .init(label: $0.title, value: $0.completionRate, maximum: 1,
                                             caption: "\($0.learnersCompleted) of \(report.learnerCount)") })
        let table = HTMLDocument.table(
            caption: nil, header: ["Module", "Started", "Completed", "Mastered", "Tested out", "Right first try", "Mean time"],
            rows: report.modules.map { ["\($0.title)", "\($0.learnersStarted)", "\($0.learnersCompleted)", "\($0.learnersMastered)",
                                        "\($0.learnersTestedOut)", "\(ReportText.percent($0.firstTryAccuracy))", "\(ReportText.minutes($0.meanSeconds))"] },
            numeric: [1, 2, 3, 4, 5, 6])
        return section("modules", "Completion by module", chart + "\n" + table + "\n")
    }

    private func difficultySection(_ report: CohortReport, _ citations: ReportCitations) -> HTML {
        var html: HTML = "<p>Difficulty is the share of learners who answered a question right on their first try; lower is harder.</p>\n"
        if !report.mostMissed.isEmpty {
            html += SVGChart.bars(
                id: "chart-missed", title: "Most missed questions: share right on the first try",
                description: report.mostMissed.map { "\($0.question): \(ReportText.percent($0.firstTryShare)) of \($0.learnersAnswered)" }
                    .joined(separator: "; "),
                bars: report.mostMissed.map { .init(label: Self.plainLabel($0, citations), value: $0.firstTryShare, maximum: 1,
                                                    caption: "\(ReportText.percent($0.firstTryShare)) of \($0.learnersAnswered)") }) + "\n"
        }
        html += "<h3>Wrong answers chosen most</h3>\n"
        html += report.commonWrongAnswers.isEmpty ? "<p>No wrong answers yet.</p>\n" : HTMLDocument.table(
            caption: nil, header: ["Question", "Wrong answer", "Times", "Learners"],
            rows: report.commonWrongAnswers.map { [Self.label(pack: $0.pack, question: $0.question, prompt: $0.prompt, citations),
                                                   "\($0.answer)", "\($0.count)", "\($0.learners)"] },
            numeric: [2, 3]) + "\n"
        html += "<h3>Every question, hardest first</h3>\n" + HTMLDocument.table(
            caption: nil, header: ["Question", "Learners", "Right first try", "Answers", "Mean time", "Most common wrong answer"],
            rows: report.items.map { item in
                [Self.label(pack: item.pack, question: item.question, prompt: item.prompt, citations), "\(item.learnersAnswered)", "\(ReportText.percent(item.firstTryShare))", "\(item.attempts)",
                 "\(ReportText.minutes(item.meanSeconds))",
                 item.wrongAnswers.first.map { "\($0.answer) (\($0.count))" } ?? "–"]
            }, numeric: [1, 2, 3, 4]) + "\n"
        return section("difficulty", "Item difficulty", html)
    }

    private func statisticsSection(_ report: CohortReport, _ citations: ReportCitations) -> HTML {
        guard !report.itemStatistics.isEmpty else { return "" }
        var html: HTML = "<p>From each learner's first attempt. <b>Facility</b>: the mean first-attempt score (0 to 100%). "
            + "<b>Discrimination</b>: \(report.discriminationMethod); below 0.20 it is flagged as near zero, below 0 as negative. "
            + "With fewer than \(CohortItemStatistics.indicativeBelow) learners the figures are indicative only.</p>\n"
        html += HTMLDocument.table(
            caption: nil, header: ["Question", "Learners", "Facility", "Discrimination", "Choices picked (first attempts)", "Flags"],
            rows: report.itemStatistics.map { item in
                let choices = item.choices.map { choice -> HTML in
                    "\(citations.html(line: choice.text, pack: item.pack))\(choice.correct ? " ✓" : ""): \(choice.count) (\(ReportText.percent(choice.share)))"
                }.joined(separator: "<br>")
                let flags = item.flags.map { flag -> HTML in "⚠ \(flag)" }.joined(separator: "<br>")
                return [Self.label(pack: item.pack, question: item.question, prompt: item.prompt, citations), "\(item.learners)",
                        "\(ReportText.percent(item.facility))", "\(item.discrimination.map { ReportText.decimal($0, places: 2) } ?? "–")",
                        item.choices.isEmpty ? "–" : choices, item.flags.isEmpty ? "–" : flags]
            }, numeric: [1, 2, 3]) + "\n"
        return section("statistics", "Item statistics", html)
    }

    private func learnersSection(_ report: CohortReport) -> HTML {
        var html = HTMLDocument.table(
            caption: nil, header: ["Learner", "Lessons", "Completion", "Answered", "Right first try", "Time", "Last active"],
            rows: report.learners.map { learner in
                ["\(learner.profile)<br><span class=\"meta\">\(learner.source)</span>",
                 "\(learner.lessonsCompleted)/\(learner.lessonsTotal)", "\(ReportText.percent(learner.completion))",
                 "\(learner.itemsAnswered)", "\(ReportText.percent(learner.firstTryAccuracy))", "\(ReportText.minutes(learner.seconds))",
                 learner.lastActive.map { HTMLDocument.day($0, in: timeZone) } ?? "–"]
            }, numeric: [1, 2, 3, 4, 5]) + "\n"
        if !report.modules.isEmpty {
            html += "<h3 id=\"matrix-h\">Lessons completed per learner and module</h3>\n"
                + "<div class=\"scroll\" role=\"region\" aria-labelledby=\"matrix-h\" tabindex=\"0\">" + HTMLDocument.table(
                caption: nil, header: ["Learner"] + report.modules.map(\.title),
                rows: report.learners.map { learner in
                    ["\(learner.profile)"] + learner.modules.map { module -> HTML in
                        "\(module.lessonsCompleted)/\(module.lessonsTotal)\(module.mastered ? " ✓ mastered" : module.completed ? " ✓" : "")"
                            + "\(module.testedOut ? " (tested out)" : "")"
                    }
                }, numeric: Set(1...report.modules.count)) + "</div>\n"
        }
        let artifacts = report.learners.flatMap { learner in learner.artifacts.map { (learner, $0) } }
        if !artifacts.isEmpty {
            html += "<h3>Portfolio pieces and rubric self-scores</h3>\n" + HTMLDocument.table(
                caption: nil, header: ["Learner", "Piece", "Words", "Self-check", "Rubric self-scores (level / levels)", "Revised"],
                rows: artifacts.map { learner, artifact in
                    ["\(learner.profile)", "\(artifact.title)", "\(artifact.words)",
                     artifact.checklistTotal > 0 ? "\(artifact.checked)/\(artifact.checklistTotal)" : "–",
                     "\(artifact.selfScoreSummary)", artifact.revised ? "yes" : "no"]
                }, numeric: [2]) + "\n"
        }
        return section("learners", "Learners", html)
    }

    private func scenariosSection(_ report: CohortReport) -> HTML {
        guard !report.scenarios.isEmpty else { return "" }
        let score: (Double?) -> String = { $0.map { ReportText.percent($0) } ?? "–" }
        var html: HTML = "<p>A run's score is the mean of its decision scores; a replay keeps the first finished run and adds the best.</p>\n"
        html += HTMLDocument.table(
            caption: nil, header: ["Case", "Learners who played", "Finished", "Mean first run", "Mean best run"],
            rows: report.scenarios.map { ["\($0.title)", "\($0.learnersPlayed)", "\($0.learnersFinished)", "\(score($0.meanFirstScore))",
                                          "\(score($0.meanBestScore))"] },
            numeric: [1, 2, 3, 4]) + "\n"
        let played = report.learners.flatMap { learner in learner.scenarios.map { (learner, $0) } }
        html += "<h3>Runs per learner</h3>\n" + HTMLDocument.table(
            caption: nil, header: ["Learner", "Case", "Runs", "First run", "Best run"],
            rows: played.map { learner, scenario in
                ["\(learner.profile)", "\(scenario.title)", "\(scenario.runs)", "\(score(scenario.firstScore))", "\(score(scenario.bestScore))"]
            }, numeric: [2, 3, 4]) + "\n"
        return section("scenarios", "Scenarios", html)
    }


    /// A question for a chart label: its prompt as plain text, cut short, and its id.
    private static func plainLabel(_ item: CohortItem, _ citations: ReportCitations) -> String {
        guard let prompt = item.prompt else { return "\(item.pack)/\(item.question)" }
        return citations.plain(line: prompt, pack: item.pack, limit: 70) + " (\(item.question))"
    }

    /// A question for a table cell: its prompt cut short, citations linked, and its id.
    private static func label(pack: String, question: String, prompt: String?, _ citations: ReportCitations) -> HTML {
        guard let prompt else { return "\(pack)/\(question)" }
        return citations.html(line: prompt, pack: pack, limit: 70) + " (\(question))"
    }
}
