import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

extension Pathway.ReportCommand {
    /// `pathway report cohort`: a class view from many learners' exported progress files.
    struct CohortReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cohort",
            abstract: "Aggregate many learners' exported progress files (folders are searched for .json files)."
        )

        @OptionGroup var common: CommonOptions

        @Argument(help: "Exported progress files, or folders holding them.")
        var inputs: [String]

        @Option(help: "html, csv or json.")
        var format = "html"

        @Option(help: "For csv: 'progress' (a row per learner and module) or 'items' (a row per question).")
        var table = "progress"

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        func validate() throws {
            if inputs.isEmpty { throw ValidationError("name at least one progress file or folder") }
            if CohortCSVFormat.Table(rawValue: table) == nil { throw ValidationError("--table must be 'progress' or 'items'") }
        }

        func run() throws {
            var registry = CohortRegistry.standard
            registry.register(CohortCSVFormat(table: CohortCSVFormat.Table(rawValue: table) ?? .progress))
            guard let renderer = registry.format(id: format) else { throw ReportOutput.unknown(format, in: registry.ids) }
            let launcher = common.launcher()
            let data = try? DataDirectory.resolve(explicit: common.dataDirectory, environment: launcher.environment)
            let library = PackLibrary.load(launcher.packSources(data: data))
            // Files are streamed through the builder: only one batch is in memory at a time.
            var builder = CohortReport.Builder(library: library)
            var count = 0
            let problems = CohortLoader.forEach(inputs.map { URL(fileURLWithPath: $0) }) { input in
                if input.repairedValues > 0 {
                    Console.warning("\(input.source): \(input.repairedValues) impossible value(s) (times, scores) were replaced by safe ones")
                }
                builder.add(input)
                count += 1
            }
            for problem in problems { Console.warning("skipped \(problem)") }
            guard count > 0 else { throw CommandFailure("no progress file could be read") }
            try ReportOutput(file: out).write(try renderer.render(builder.report(now: Date())))
        }
    }
}
