import Foundation
import PathwayCore

extension Repl {
    /// Commands that write reports.
    static var reportCommands: [Command] {
        [
            Command("report", usage: "report [format] [file]",
                    summary: "a progress report (\(ReportRegistry.standard.ids.joined(separator: ", "))), shown or saved to a file",
                    detail: """
                    Formats: \(ReportRegistry.standard.formats.map { "`\($0.id)` \($0.summary)" }.joined(separator: "; ")). \
                    The default is `md`. With a file name the report is saved there (`report html report.html`); \
                    a file name alone picks the format from its extension (`report progress.csv`).
                    """,
                    arguments: { _ in ReportRegistry.standard.ids }, run: { repl, args in repl.writeReport(args) }),
        ]
    }

    private func writeReport(_ args: [String]) {
        guard !args.isEmpty else {
            showReportSummary()
            return
        }
        let registry = ReportRegistry.standard
        var arguments = args[...]
        var renderer: (any ReportFormat)?
        if let first = arguments.first, let format = registry.format(id: first) {
            renderer = format
            arguments = arguments.dropFirst()
        }
        let file = arguments.first
        if arguments.count > 1 {
            out.line("Usage: report [format] [file]  (a file name may not contain spaces here)")
            return
        }
        if renderer == nil, let file {
            let suffix = URL(fileURLWithPath: file).pathExtension.lowercased()
            renderer = registry.formats.first { $0.fileExtension == suffix && $0.id != "xapi" }
            if renderer == nil {
                out.line("Cannot tell the report format from '\(TerminalSafeText.sanitize(args[0]))'. Formats: \(registry.ids.joined(separator: ", ")).")
                return
            }
        }
        var format: any ReportFormat = renderer ?? MarkdownReportFormat()
        var data = ReportData(library: tutor.library, progress: tutor.progress, now: Date(), timeZone: .current,
                              reviewForecast: tutor.reviewForecast)
        if let identity {
            data.profile = identity.label
            if format is XAPIReportFormat { format = XAPIReportFormat(configuration: identity.xapiConfiguration()) }
        }
        do {
            let text = try format.render(data)
            guard let file else {
                // On a terminal Markdown is rendered (and paged when long); a pipe gets the
                // Markdown itself, to save or to process.
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
            out.line("Saved the \(format.id) report to \(TerminalSafeText.sanitize(path)).")
        } catch {
            errors.line(style.red("Could not write the report: \(error)"))
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
        out.line("  Portfolio    \(summary.reflectionsWritten) of \(summary.reflectionsTotal) pieces written")
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
