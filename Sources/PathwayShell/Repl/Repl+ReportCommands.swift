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
        let format = renderer ?? MarkdownReportFormat()
        let data = ReportData(library: tutor.library, progress: tutor.progress, now: Date(), timeZone: .current,
                              reviewForecast: tutor.reviewForecast)
        do {
            let text = try format.render(data)
            guard let file else {
                out.write(TerminalSafeText.sanitize(text.hasSuffix("\n") ? text : text + "\n"))
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
}
