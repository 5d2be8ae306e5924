import ArgumentParser
import PathwayCore
import PathwayShell

@main
struct Pathway: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "pathway",
        abstract: "A terminal tutor for the AI Product Manager career path.",
        discussion: """
        Run with no subcommand to start the interactive tutor. Progress is saved after every answer \
        in the data directory: --data-dir, else $PATHWAY_HOME, else $XDG_DATA_HOME/pathway, else \
        ~/.local/share/pathway. Piped input (pathway < answers.txt) is read line by line with no prompts.
        """,
        version: version,
        subcommands: [
            Learn.self,
            PackCommand.self,
            ProfileCommand.self,
            ReportCommand.self,
            PlacementCommand.self,
            PortfolioCommand.self,
            ProgressCommand.self,
            SyncCommand.self,
        ],
        defaultSubcommand: Learn.self
    )

    /// Parses the command line and runs the command. Every command ends by returning or by
    /// throwing; this is the one place that turns an error into a message and an exit status.
    static func main() {
        StartupPrefetch.begin(CommandLine.arguments)
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            finish(with: error)
        }
    }

    /// Ends the process for `error`: help, usage errors and explicit exit codes as
    /// ArgumentParser shows them; anything else as `error: MESSAGE` on standard error,
    /// terminal-safe.
    static func finish(with error: any Error) -> Never {
        // Help, version, usage errors and explicit exit codes are ArgumentParser's to show.
        if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { exit(withError: error) }
        let failure = error as? CommandFailure ?? CommandFailure("\(error)")
        Console.error(failure.message)
        exit(withError: ExitCode(failure.status))
    }
}

/// Options every command that loads packs shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Where progress and history are kept.")
    var dataDirectory: String?

    @Option(name: .customLong("pack-path"), help: "A folder of packs (or one pack) to load as well; repeatable.")
    var packPaths: [String] = []

    @Option(help: "The learner profile to use (default: the one chosen with 'pathway profile switch', else 'default').")
    var profile: String?

    func launcher() -> Launcher {
        var launcher = Launcher()
        launcher.dataDirectory = dataDirectory
        launcher.packPaths = packPaths
        launcher.profile = profile
        return launcher
    }
}
