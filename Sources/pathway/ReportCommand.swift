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

    /// `pathway portfolio export`.
    struct PortfolioCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "portfolio", abstract: "Export the portfolio pieces you wrote.", subcommands: [PortfolioExport.self])
    }

    /// `pathway progress export|import`.
    struct ProgressCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress", abstract: "Move your progress between computers.",
            subcommands: [ProgressExport.self, ProgressImport.self])
    }
}

/// Where a report goes: a file (written atomically) or standard output.
struct ReportOutput {
    var file: String?

    func write(_ text: String) throws {
        if let file {
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: file))
            FileHandle.standardError.write(Data("wrote \(file) (\(text.utf8.count) bytes)\n".utf8))
        } else {
            // Text from packs and progress never reaches a terminal raw.
            FileHandle.standardOutput.write(Data((isatty(STDOUT_FILENO) != 0 ? TerminalSafeText.sanitize(text) : text).utf8))
        }
    }

    /// The packs and this profile's progress, read-only.
    static func load(_ common: CommonOptions) throws -> (PackLibrary, LearnerProgress) {
        do {
            var launcher = common.launcher()
            let (tutor, _, _) = try launcher.makeTutor(preview: true)
            return (tutor.library, tutor.progress)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Says the format is unknown and which ones there are; the exit status is 64 (usage).
    static func unknown(_ format: String, in ids: [String]) -> ExitCode {
        FileHandle.standardError.write(Data("error: unknown format '\(format)'; choose one of: \(ids.joined(separator: ", "))\n".utf8))
        return ExitCode.validationFailure
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

        func run() throws {
            var registry = ReportRegistry.standard
            registry.register(XAPIReportFormat(configuration: XAPIConfiguration(
                baseIRI: xapiBase, homePage: xapiHomePage, accountName: xapiAccount, actorName: xapiName)))
            guard let renderer = registry.format(id: format) else { throw ReportOutput.unknown(format, in: registry.ids) }
            let (library, progress) = try ReportOutput.load(common)
            let data = ReportData(library: library, progress: progress, now: Date(), timeZone: .current,
                                  reviewForecast: ReviewForecast(cards: progress.cards.values, now: Date()))
            try ReportOutput(file: out).write(try renderer.render(data))
        }
    }

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
                    FileHandle.standardError.write(Data(TerminalSafeText.sanitize(
                        "warning: \(input.source): \(input.repairedValues) impossible value(s) (times, scores) were replaced by safe ones\n").utf8))
                }
                builder.add(input)
                count += 1
            }
            for problem in problems { FileHandle.standardError.write(Data("warning: skipped \(problem)\n".utf8)) }
            guard count > 0 else {
                FileHandle.standardError.write(Data("error: no progress file could be read\n".utf8))
                throw ExitCode.failure
            }
            try ReportOutput(file: out).write(try renderer.render(builder.report(now: Date())))
        }
    }
}

extension Pathway.PortfolioCommand {
    struct PortfolioExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write your portfolio as Markdown or one self-contained HTML page.")

        @OptionGroup var common: CommonOptions

        @Option(help: "md or html.")
        var format = "md"

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @Option(help: "Your name, as the portfolio's title shows it (default: the profile name).")
        var name: String?

        func run() throws {
            guard let renderer = ReportRegistry.portfolio.format(id: format) else {
                throw ReportOutput.unknown(format, in: ReportRegistry.portfolio.ids)
            }
            let (library, progress) = try ReportOutput.load(common)
            var data = ReportData(library: library, progress: progress, now: Date(), timeZone: .current)
            if let name { data.profile = name }
            try ReportOutput(file: out).write(try renderer.render(data))
        }
    }
}

extension Pathway.ProgressCommand {
    struct ProgressExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Copy this profile's progress to a file, to import on another computer.")

        @OptionGroup var common: CommonOptions

        @Argument(help: "The file to write.")
        var file: String

        @Flag(help: "Replace the file if it exists.")
        var force = false

        func run() throws {
            let (store, profile, _) = try Self.store(common, locking: false)
            guard let progress = try store.load() else {
                FileHandle.standardError.write(Data("error: profile '\(profile)' has no progress yet (\(store.location))\n".utf8))
                throw ExitCode.failure
            }
            if FileManager.default.fileExists(atPath: file) && !force {
                FileHandle.standardError.write(Data("error: \(file) exists; pass --force to replace it\n".utf8))
                throw ExitCode.failure
            }
            try ProgressTransfer.export(progress, to: URL(fileURLWithPath: file))
            let answers = progress.items.values.reduce(0) { $0 + $1.attempts.count }
            print("Exported profile '\(progress.profile)': \(progress.lessons.count) lessons, \(answers) answers, \(progress.reflections.count) portfolio pieces, to \(file).")
        }

        /// The profile's store, and for writing its lock (refused while another pathway holds it).
        static func store(_ common: CommonOptions, locking: Bool) throws -> (JournaledProgressStore, String, ProfileLock?) {
            let launcher = common.launcher()
            let data = try DataDirectory.resolve(explicit: common.dataDirectory, environment: launcher.environment)
            let profile = common.profile ?? data.currentProfile()
            guard Identifier.isValid(profile) else {
                throw ValidationError("profile name '\(profile)' is not valid: \(Identifier.rule)")
            }
            let directory = data.profileDirectory(profile)
            guard locking else { return (JournaledProgressStore(directory: directory), profile, nil) }
            let lock = ProfileLock(directory: directory)
            if case let .heldBy(holder) = try lock.acquire() {
                FileHandle.standardError.write(Data("error: profile '\(profile)' is in use by another pathway (\(holder.map(\.description) ?? "unknown process")); quit it first. Nothing was changed.\n".utf8))
                throw ExitCode.failure
            }
            return (JournaledProgressStore(directory: directory), profile, lock)
        }
    }

    struct ProgressImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Merge an exported progress file into this profile's progress; nothing on either side is lost.")

        @OptionGroup var common: CommonOptions

        @Argument(help: "A file written by 'pathway progress export' (or a progress.json).")
        var file: String

        @Flag(name: .customLong("dry-run"), help: "Say what would change without saving.")
        var dryRun = false

        func run() throws {
            let (store, profile, lock) = try ProgressExport.store(common, locking: !dryRun)
            defer { lock?.release() }
            do {
                var imported = try ProgressTransfer.read(URL(fileURLWithPath: file))
                let repaired = imported.repairImpossibleValues()
                if repaired > 0 {
                    print("Note: \(repaired) impossible value\(repaired == 1 ? "" : "s") in the file (times, scores) \(repaired == 1 ? "was" : "were") replaced by safe ones.")
                }
                let existing = try store.load() ?? LearnerProgress(profile: profile, now: Date())
                var (merged, summary) = ProgressTransfer.merge(imported, into: existing)
                if imported.profile != existing.profile {
                    print("Note: the file is profile '\(imported.profile)'; merging into profile '\(existing.profile)'.")
                }
                if dryRun {
                    print("Would merge \(file): \(summary). Nothing was saved.")
                    return
                }
                merged.updatedAt = max(merged.updatedAt, Date())
                try store.save(merged)
                print("Merged \(file) into profile '\(existing.profile)': \(summary).")
            } catch let error as ProgressError {
                FileHandle.standardError.write(Data("error: \(error)\nNothing was changed.\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
