import ArgumentParser
import Foundation
import PathwayShell

extension Pathway.PackCommand {
    /// Runs a pack in the tutor without saving anything.
    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a pack (or one of its lessons) in the tutor without touching any progress."
        )

        @Argument(help: "The pack folder.") var folder: String
        @Argument(help: "A lesson id to open (default: the first lesson).") var lesson: String?
        @Option(help: "Seed for shuffling choices.") var seed: UInt64?
        @Flag(help: "Reload and check the pack whenever one of its files changes (polled twice a second).") var watch = false

        func run() throws {
            var launcher = Launcher()
            launcher.seed = seed
            let status = try launcher.runPreview(folder: folder, lesson: lesson, watch: watch)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
