import ArgumentParser
import Foundation
import PathwayShell

extension Pathway {
    /// The interactive tutor (the default command).
    struct Learn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "learn",
            abstract: "Start the interactive tutor (the default)."
        )

        @OptionGroup var common: CommonOptions

        @Option(help: "Seed for shuffling choices, so a scripted session sees the same order every time.")
        var seed: UInt64?

        @Flag(name: .customLong("no-shuffle"), help: "Show choices in the order the pack lists them.")
        var noShuffle = false

        @Option(help: "The career path to follow (saved in the profile; also PATHWAY_PATH). See the paths command.")
        var path: String?

        func run() throws {
            var launcher = common.launcher()
            launcher.seed = seed ?? ProcessInfo.processInfo.environment["PATHWAY_SEED"].flatMap(UInt64.init)
            launcher.shuffle = !noShuffle
            launcher.path = path
            launcher.exitsWhenDone = true
            let status = try launcher.runInteractive()
            if status != 0 { throw ExitCode(status) }
        }
    }
}
