import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

extension Pathway {
    /// `pathway portfolio export`.
    struct PortfolioCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "portfolio", abstract: "Export the portfolio pieces you wrote.", subcommands: [PortfolioExport.self],
            defaultSubcommand: PortfolioExport.self)
    }
}

extension Pathway.PortfolioCommand {
    struct PortfolioExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write your portfolio as Markdown or one self-contained HTML page (the default): pathway portfolio [FORMAT] [FILE]")

        @OptionGroup var common: CommonOptions

        @OptionGroup var portfolio: ReportArguments<PortfolioReportKind>

        @Option(help: "Your name, as the portfolio's title shows it (default: the profile's name, see 'pathway profile set name').")
        var name: String?

        func run() throws {
            let request = try ReportOutput.request(portfolio)
            let (library, progress) = try ReportOutput.load(common)
            var data = ReportData(library: library, progress: progress, now: Date(), timeZone: .current)
            data.profile = try name ?? ReportOutput.identity(common, profile: progress.profile).label
            try ReportOutput(file: request.file).write(try request.format.render(data))
        }
    }
}
