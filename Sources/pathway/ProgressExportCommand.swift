import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

extension Pathway {
    /// `pathway progress export|import`.
    struct ProgressCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress", abstract: "Move your progress between computers.",
            subcommands: [ProgressExport.self, ProgressImport.self])
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
            let opened = try common.openProfile(for: .read)
            guard !opened.isNew else {
                throw CommandFailure("profile '\(opened.name)' has no progress yet (\(opened.store.location))")
            }
            if FileManager.default.fileExists(atPath: file) && !force {
                throw CommandFailure("\(file) exists; pass --force to replace it")
            }
            var progress = opened.progress
            // The file names the learner, so that a cohort report shows who it is.
            progress.learner = try ReportOutput.identity(common, profile: progress.profile).stored
            try ProgressTransfer.export(progress, to: URL(fileURLWithPath: file))
            let answers = progress.items.values.reduce(0) { $0 + $1.attempts.count }
            print("Exported profile '\(progress.profile)': \(Plural.count(progress.lessons.count, "lesson")), \(Plural.count(answers, "answer")), \(Plural.count(progress.reflections.count, "portfolio piece")), to \(file).")
        }
    }
}
