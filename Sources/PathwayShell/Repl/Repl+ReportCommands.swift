import Foundation
import PathwayCore

extension Repl {
    /// Commands that write reports. Their words are read by ``ReportArguments``, as on the
    /// command line.
    static var reportCommands: [Command] {
        [
            Command("report", usage: "report [FORMAT] [FILE]",
                    summary: "a progress report (\(ReportRegistry.standard.ids.joined(separator: ", "))), shown or saved to a file",
                    detail: """
                    Formats: \(ReportRegistry.standard.formats.map { "`\($0.id)` \($0.summary)" }.joined(separator: "; ")). \
                    Alone, `report` shows a one-screen summary; `report md` shows the full report. With a file name the report \
                    is saved there (`report html report.html`); a file name alone picks the format from its extension \
                    (`report progress.csv`). The command line's options work too: `report --format html --out report.html` \
                    (`-o` for `--out`). Put a file name with spaces in quotes: `report html "my report.html"`.
                    """,
                    arguments: { _ in ReportRegistry.standard.ids }, completesFiles: true, run: { repl, args in repl.writeReport(args) }),
            Command("portfolio", usage: "portfolio [FORMAT] [FILE]",
                    summary: "the portfolio pieces you wrote (\(ReportRegistry.portfolio.ids.joined(separator: ", "))), shown or saved to a file",
                    detail: """
                    Formats: \(ReportRegistry.portfolio.formats.map { "`\($0.id)` \($0.summary)" }.joined(separator: "; ")). \
                    The words are those of `report`: `portfolio html ~/portfolio.html`, or \
                    `portfolio --format html --out "my portfolio.html"`.
                    """,
                    arguments: { _ in ReportRegistry.portfolio.ids }, completesFiles: true, run: { repl, args in repl.writePortfolio(args) }),
        ]
    }

    private func writeReport(_ args: [String]) {
        guard let request = reportRequest(args, kind: ProgressReportKind.self) else { return }
        if request.namesNothing {
            showReportSummary()
            return
        }
        var format = request.format
        var data = ReportData(library: tutor.library, progress: tutor.progress, now: Date(), timeZone: .current,
                              reviewForecast: tutor.reviewForecast)
        if let identity {
            data.profile = identity.label
            if format is XAPIReportFormat { format = XAPIReportFormat(configuration: identity.xapiConfiguration()) }
        }
        deliver(format, data: data, to: request.file, noun: ProgressReportKind.noun)
    }

    private func writePortfolio(_ args: [String]) {
        guard let request = reportRequest(args, kind: PortfolioReportKind.self) else { return }
        var data = ReportData(library: tutor.library, progress: tutor.progress, now: Date(), timeZone: .current)
        if let identity { data.profile = identity.label }
        deliver(request.format, data: data, to: request.file, noun: PortfolioReportKind.noun)
    }

    /// What the words ask for; nil when they asked for help or were wrong (and that was said).
    private func reportRequest<Kind: ReportKind>(_ args: [String], kind: Kind.Type) -> ReportRequest? {
        if args.contains("--help") || args.contains("-h") {
            help([Kind.noun])
            return nil
        }
        do {
            return try ReportArguments<Kind>.request(from: args)
        } catch {
            out.line(safe: TerminalText(error.description))
            return nil
        }
    }

    /// Renders and shows `format` (Markdown rendered on a terminal, paged when long; a pipe
    /// gets the text itself), or saves it to `file`.
    private func deliver(_ format: any ReportFormat, data: ReportData, to file: String?, noun: String) {
        do {
            let text = try format.render(data)
            guard let file else {
                if format.id == MarkdownReportFormat().id, out.isTerminal {
                    showLong(markdown.render(text))
                } else if out.isTerminal {
                    showLong(TerminalSafeText.sanitize(text))
                } else {
                    out.write(TerminalSafeText.sanitize(text.hasSuffix("\n") ? text : text + "\n"))
                }
                return
            }
            var path = file
            if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { path = home + path.dropFirst() }
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: path))
            out.line(safe: "Saved the \(format.id) \(noun) to \(path).")
        } catch {
            errors.line(style.red("Could not write the \(noun): \(TerminalSafeText.sanitize("\(error)"))"))
        }
    }

    /// One screen: the headline figures, and how to see or save the full report.
    private func showReportSummary() {
        let data = ReportData(library: tutor.library, progress: tutor.progress, now: tutor.now, timeZone: .current,
                              reviewForecast: tutor.reviewForecast)
        let summary = data.summary
        out.line(style.bold("Progress report") + style.dim("  (profile \(TerminalSafeText.sanitize(data.profile)))"))
        out.line("  Lessons      \(summary.lessonsCompleted) of \(summary.lessonsTotal) completed")
        let accuracy = summary.firstTryAccuracy.map { " (\(Int(($0 * 100).rounded()))%)" } ?? ""
        out.line("  Questions    \(summary.itemsAnswered) of \(summary.itemsTotal) answered, \(summary.firstTryCorrect) right on the first try\(accuracy)")
        out.line("  Portfolio    \(summary.reflectionsWritten) of \(Plural.count(summary.reflectionsTotal, "piece")) written")
        if let forecast = data.reviewForecast {
            out.line("  Review       \(forecast.dueNow) due now, \(forecast.dueWithin7Days) within 7 days")
        }
        let practised = data.skills.filter { $0.itemsSeen > 0 }.map { SkillLevel.name(of: $0.skill) }
        if !practised.isEmpty { out.line("  Skills       " + practised.joined(separator: ", ")) }
        if let weakest = data.weakest.first { out.line("  To revisit   " + TerminalSafeText.sanitize(weakest.title)) }
        out.line()
        out.line("The full report: " + style.bold("report md") + " shows it here; " + style.bold("report md FILE")
                 + " saves it (also html, json, csv or xapi, e.g. " + style.bold("report html ~/pathway-report.html") + ").")
    }
}
