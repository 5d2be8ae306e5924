import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

extension Pathway.ProgressCommand {
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
            var imported: LearnerProgress
            do {
                imported = try ProgressTransfer.read(URL(fileURLWithPath: file))
            } catch let error as ProgressError {
                throw CommandFailure("\(error)\nNothing was changed.")
            }
            let opened = try common.openProfile(for: dryRun ? .read : .write)
            defer { opened.lock?.release() }
            let repaired = imported.repairImpossibleValues()
            if repaired > 0 {
                print("Note: \(Plural.count(repaired, "impossible value")) in the file (times, scores) \(Plural.noun(repaired, "was", "were")) replaced by safe ones.")
            }
            let existing = opened.progress
            var (merged, summary) = ProgressTransfer.merge(imported, into: existing)
            if imported.profile != existing.profile {
                print("Note: the file is profile '\(TerminalSafeText.sanitize(imported.profile))'; merging into profile '\(existing.profile)'.")
            }
            if dryRun {
                print("Would merge \(file): \(summary). Nothing was saved.")
                return
            }
            merged.updatedAt = max(merged.updatedAt, Date())
            do {
                try opened.store.save(merged)
            } catch {
                throw CommandFailure("\(error)\nNothing was changed.")
            }
            print("Merged \(file) into profile '\(existing.profile)': \(summary).")
        }
    }
}
