import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

extension Pathway {
    /// `pathway portfolio export`.
    struct PortfolioCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "portfolio", abstract: "Export the portfolio pieces you wrote.", subcommands: [PortfolioExport.self])
    }
}

extension Pathway.PortfolioCommand {
    struct PortfolioExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write your portfolio as Markdown or one self-contained HTML page.")

        @OptionGroup var common: CommonOptions

        @Option(help: ArgumentHelp(ReportRegistry.portfolio.formats.map { "\($0.id): \($0.summary)" }.joined(separator: "; ")))
        var format = "md"

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @Option(help: "Your name, as the portfolio's title shows it (default: the profile's name, see 'pathway profile set name').")
        var name: String?

        func run() throws {
            guard let renderer = ReportRegistry.portfolio.format(id: format) else {
                throw ReportOutput.unknown(format, in: ReportRegistry.portfolio.ids)
            }
            let (library, progress) = try ReportOutput.load(common)
            var data = ReportData(library: library, progress: progress, now: Date(), timeZone: .current)
            data.profile = try name ?? ReportOutput.identity(common, profile: progress.profile).label
            try ReportOutput(file: out).write(try renderer.render(data))
        }
    }
}
