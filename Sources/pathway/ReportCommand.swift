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
            abstract: "Your progress report (the default): pathway report [--format \(ReportRegistry.standard.ids.joined(separator: "|"))] [--out FILE]"
        )

        @OptionGroup var common: CommonOptions

        @Option(help: ArgumentHelp(ReportRegistry.standard.formats.map { "\($0.id): \($0.summary)" }.joined(separator: "; ")))
        var format = "md"

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @Option(name: .customLong("xapi-base"), help: "The IRI xAPI activity ids are built under.")
        var xapiBase = "https://pathway.example/xapi/"

        @Option(name: .customLong("xapi-home-page"), help: "The xAPI actor's account homePage (default: the profile's account).")
        var xapiHomePage: String?

        @Option(name: .customLong("xapi-account"), help: "The xAPI actor's account name (default: the profile's account).")
        var xapiAccount: String?

        @Option(name: .customLong("xapi-name"), help: "The learner's name to put in xAPI statements (default: the profile's name).")
        var xapiName: String?

        @Flag(name: .customLong("csv-exact"), help: "In CSV, keep answers byte for byte, even those a spreadsheet would run as formulas (by default they get a leading ').")
        var csvExact = false

        func run() throws {
            guard ReportRegistry.standard.format(id: format) != nil else { throw ReportOutput.unknown(format, in: ReportRegistry.standard.ids) }
            let (library, progress) = try ReportOutput.load(common)
            let identity = try ReportOutput.identity(common, profile: progress.profile)
            var xapi = identity.xapiConfiguration(base: XAPIConfiguration(baseIRI: xapiBase))
            if let xapiAccount {
                xapi.accountName = xapiAccount
                xapi.mbox = nil
            }
            if let xapiHomePage { xapi.homePage = xapiHomePage }
            if let xapiName { xapi.actorName = xapiName }
            var registry = ReportRegistry.standard
            registry.register(XAPIReportFormat(configuration: xapi))
            if csvExact { registry.register(CSVReportFormat(formulas: .exact)) }
            guard let renderer = registry.format(id: format) else { throw ReportOutput.unknown(format, in: registry.ids) }
            var data = ReportData(library: library, progress: progress, now: Date(), timeZone: .current,
                                  reviewForecast: ReviewForecast(cards: progress.cards.values, now: Date()))
            data.profile = identity.label
            try ReportOutput(file: out).write(try renderer.render(data))
        }
    }
}
