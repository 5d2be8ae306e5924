import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

extension Pathway.ReportCommand {
    /// `pathway report cohort`: a class view from many learners' exported progress files.
    struct CohortReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cohort",
            abstract: "Aggregate many learners' exported progress files (folders are searched for .json files), or an LRS's statements.",
            discussion: """
            From files: pathway report cohort DIR-or-FILES... \
            From a Learning Record Store: pathway report cohort --lrs URL [--user U --password-file F] [--since DAY] [--activity PACK] \
            (the user and password default to those 'pathway sync' saved; PATHWAY_LRS_PASSWORD also works).
            """
        )

        @OptionGroup var common: CommonOptions

        @Argument(help: "Exported progress files, or folders holding them.")
        var inputs: [String] = []

        @OptionGroup var lrs: LRSSourceOptions

        @Option(help: "html, csv or json.")
        var format = "html"

        @Option(help: "For csv: 'progress' (a row per learner and module), 'items' (a row per question), 'statistics' (item analysis, a row per question and choice) or 'scenarios' (a row per learner and scenario played).")
        var table = "progress"

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @Option(name: .customLong("pack"), help: "Only this pack (repeat for several).")
        var packs: [String] = []

        @Option(help: "Only answers and completions from this day on (YYYY-MM-DD, UTC).")
        var since: String?

        @Option(help: "Only answers and completions up to the end of this day (YYYY-MM-DD, UTC).")
        var until: String?

        /// The day `text` names, or a usage error; `endOfDay` gives its last instant.
        static func day(_ text: String?, option: String, endOfDay: Bool = false) throws -> Date? {
            guard let text else { return nil }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd"
            guard text.count == 10, let date = formatter.date(from: text) else {
                throw ValidationError("\(option) takes a day as YYYY-MM-DD, such as 2026-03-01; got '\(text)'")
            }
            return endOfDay ? date.addingTimeInterval(86_400 - 0.001) : date
        }

        func validate() throws {
            if inputs.isEmpty && lrs.endpoint == nil { throw ValidationError("name at least one progress file or folder, or an LRS with --lrs URL") }
            if !inputs.isEmpty && lrs.endpoint != nil { throw ValidationError("read either progress files or an LRS (--lrs), not both") }
            _ = try Self.day(since, option: "--since")
            _ = try Self.day(until, option: "--until")
            if CohortCSVFormat.Table(rawValue: table) == nil {
                throw ValidationError("--table must be " + CohortCSVFormat.Table.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
            }
        }

        /// When the report says it was made: now, or `SOURCE_DATE_EPOCH` (seconds since 1970) when
        /// set, so that the same records give the same bytes.
        static func generatedAt(environment: [String: String]) throws -> Date {
            guard let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty else { return Date() }
            guard let seconds = Int(epoch), seconds >= 0 else {
                throw CommandFailure("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01; got '\(epoch)'")
            }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }

        func run() throws {
            var registry = CohortRegistry.standard
            registry.register(CohortCSVFormat(table: CohortCSVFormat.Table(rawValue: table) ?? .progress))
            guard let renderer = registry.format(id: format) else { throw ReportOutput.unknown(format, in: registry.ids) }
            let launcher = common.launcher()
            let now = try Self.generatedAt(environment: launcher.environment)
            let data = try? DataDirectory.resolve(explicit: common.dataDirectory, environment: launcher.environment)
            let packs = self.packs + (lrs.activity.map { [$0] } ?? [])
            let filter = CohortFilter(packs: Set(packs), since: try Self.day(since, option: "--since"),
                                      until: try Self.day(until, option: "--until", endOfDay: true))
            let everything = PackLibrary.load(launcher.packSources(data: data))
            for pack in packs where everything.pack(id: pack) == nil {
                throw CommandFailure("--pack \(pack): no such pack on the search path" + Suggestion.phrase(for: pack, among: everything.packs.map(\.id)))
            }
            let library = filter.apply(to: everything)
            var builder = CohortReport.Builder(library: library)
            if lrs.endpoint != nil {
                // The same filters as for files, after the LRS was asked for what it can filter itself.
                for input in try lrs.learners(data: data, environment: launcher.environment, since: filter.since,
                                              pack: packs.count == 1 ? packs.first : nil) {
                    var kept = input
                    kept.progress = filter.apply(to: input.progress)
                    builder.add(kept)
                }
                try ReportOutput(file: out).write(try renderer.render(builder.report(now: now)))
                return
            }
            // Files are streamed through the builder: only one batch is in memory at a time.
            var count = 0
            let problems = CohortLoader.forEach(inputs.map { URL(fileURLWithPath: $0) }) { input in
                if input.repairedValues > 0 {
                    Console.warning("\(input.source): \(input.repairedValues) impossible value(s) (times, scores) were replaced by safe ones")
                }
                var kept = input
                kept.progress = filter.apply(to: input.progress)
                builder.add(kept)
                count += 1
            }
            for problem in problems { Console.warning("skipped \(problem)") }
            guard count > 0 else { throw CommandFailure("no progress file could be read") }
            try ReportOutput(file: out).write(try renderer.render(builder.report(now: now)))
        }
    }
}
