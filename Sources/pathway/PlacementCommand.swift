import ArgumentParser
import Foundation
import PathwayShell

extension Pathway {
    /// `pathway placement [track]`: the tutor, starting with the placement quiz.
    struct PlacementCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "placement",
            abstract: "Take the placement quiz of a track (default: the first not completed), then go on in the tutor."
        )

        @OptionGroup var common: CommonOptions

        @Argument(help: "The track id (see the path command).")
        var track: String?

        @Option(help: "The career path to follow (saved in the profile; also PATHWAY_PATH).")
        var path: String?

        @Flag(name: .customLong("no-shuffle"), help: "Show choices in the order the pack lists them.")
        var noShuffle = false

        func run() throws {
            var launcher = common.launcher()
            launcher.seed = ProcessInfo.processInfo.environment["PATHWAY_SEED"].flatMap(UInt64.init)
            launcher.shuffle = !noShuffle
            launcher.path = path
            launcher.initialCommands = ["placement" + (track.map { " \($0)" } ?? "")]
            launcher.exitsWhenDone = true
            let status = try launcher.runInteractive()
            if status != 0 { throw ExitCode(status) }
        }
    }
}
