import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

extension Pathway {
    /// `pathway report`: the learner's progress report, or a cohort report for instructors.
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write a progress report (md, html, json, csv, xapi), or a cohort report for instructors.",
            subcommands: [LearnerReport.self, CohortReportCommand.self],
            defaultSubcommand: LearnerReport.self
        )
    }
}

extension Pathway.ReportCommand {
    struct LearnerReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "learner",
            abstract: "Your progress report (the default): pathway report [--format md|html|json|csv|xapi] [--out FILE]"
        )

        @OptionGroup var common: CommonOptions

        @Option(help: "md, html, json, csv (one row per answer) or xapi (xAPI 1.0.3 statements).")
        var format = "md"

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @Option(name: .customLong("xapi-base"), help: "The IRI xAPI activity ids are built under.")
        var xapiBase = "https://pathway.example/xapi/"

        @Option(name: .customLong("xapi-home-page"), help: "The xAPI actor's account homePage.")
        var xapiHomePage = "https://pathway.example"

        @Option(name: .customLong("xapi-account"), help: "The xAPI actor's account name (default: the profile name).")
        var xapiAccount: String?

        @Option(name: .customLong("xapi-name"), help: "The learner's name to put in xAPI statements (default: none).")
        var xapiName: String?

        @Flag(name: .customLong("csv-exact"), help: "In CSV, keep answers byte for byte, even those a spreadsheet would run as formulas (by default they get a leading ').")
        var csvExact = false

        func run() throws {
            var registry = ReportRegistry.standard
            registry.register(XAPIReportFormat(configuration: XAPIConfiguration(
                baseIRI: xapiBase, homePage: xapiHomePage, accountName: xapiAccount, actorName: xapiName)))
            if csvExact { registry.register(CSVReportFormat(formulas: .exact)) }
            guard let renderer = registry.format(id: format) else { throw ReportOutput.unknown(format, in: registry.ids) }
            let (library, progress) = try ReportOutput.load(common)
            let data = ReportData(library: library, progress: progress, now: Date(), timeZone: .current,
                                  reviewForecast: ReviewForecast(cards: progress.cards.values, now: Date()))
            try ReportOutput(file: out).write(try renderer.render(data))
        }
    }
}
