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
            abstract: "Your progress report (the default): pathway report [FORMAT] [FILE], or --format FORMAT --out FILE",
            discussion: "Formats: \(ReportRegistry.standard.ids.joined(separator: ", ")). The REPL's report command takes the same words."
        )

        @OptionGroup var common: CommonOptions

        @OptionGroup var report: ReportArguments<ProgressReportKind>

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
            let request = try ReportOutput.request(report)
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
            guard let renderer = registry.format(id: request.format.id) else { throw ReportOutput.unknown(request.format.id, in: registry.ids) }
            var data = ReportData(library: library, progress: progress, now: Date(), timeZone: .current,
                                  reviewForecast: ReviewForecast(cards: progress.cards.values, now: Date()))
            data.profile = identity.label
            try ReportOutput(file: request.file).write(try renderer.render(data))
        }
    }
}
