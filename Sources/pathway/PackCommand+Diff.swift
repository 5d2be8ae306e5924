import ArgumentParser
import Foundation
import PathwayCore

extension Pathway.PackCommand {
    /// `pathway pack diff OLD NEW`: what changed between two versions of a pack.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two versions of a pack (folders or zips): steps added, removed and changed by id.",
            discussion: """
                Shows changed answer keys, changed choices under a kept id, and removed or re-keyed questions that \
                learners of the data directory have answered. A changed answer key under a kept id is an error (exit 1) \
                unless the step's 'revision:' was raised or it was given a new id.
                """
        )
        @Argument(help: "The old version: a pack folder or zip.") var old: String
        @Argument(help: "The new version: a pack folder or zip.") var new: String
        @Option(name: .customLong("data-dir"), help: "The data directory whose learners' answers are checked.")
        var dataDirectory: String?

        func run() throws {
            let scratch = FileManager.default.temporaryDirectory.appending(path: "pathway-diff-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let diff: PackDiff
            do {
                let before = try PackDiff.loadPack(URL(fileURLWithPath: old), display: old, scratch: scratch.appending(path: "old"))
                let after = try PackDiff.loadPack(URL(fileURLWithPath: new), display: new, scratch: scratch.appending(path: "new"))
                guard before.id == after.id else { fail("\(old) holds pack '\(before.id)' and \(new) holds pack '\(after.id)'; compare two versions of one pack") }
                diff = PackDiff(old: before, new: after)
            } catch let error as PackagingError {
                if case let .invalidPack(_, diagnostics) = error { printDiagnostics(diagnostics) }
                fail(error.description)
            }
            let data = try? DataDirectory.resolve(explicit: dataDirectory, environment: ProcessInfo.processInfo.environment)
            for line in diff.lines(answered: diff.answered(by: data.map(Learners.all) ?? [])) { print(line) }
            if !diff.unbumpedKeyChanges.isEmpty { throw ExitCode.failure }
        }
    }
}

/// The learners (profiles) of a data directory, with their progress and journal.
enum Learners {
    static func all(in data: DataDirectory) -> [(name: String, progress: LearnerProgress)] {
        data.profiles().compactMap { profile in
            guard let progress = try? JournaledProgressStore(directory: data.profileDirectory(profile), readOnly: true).load() else { return nil }
            return (profile, progress)
        }
    }
}
