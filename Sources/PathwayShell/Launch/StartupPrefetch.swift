import Foundation
import PathwayCore

/// Starts reading the library (``LibraryPrefetch``) before the command line is parsed, for the
/// tutor (`pathway`, `learn`, `placement`), which then opens the learner's profile while the
/// library is read, and for `pack list`, which joins the read once its command line is parsed.
///
/// The words are read here only far enough to find the command, `--data-dir` and `--pack-path`;
/// ArgumentParser still parses them all. A misreading costs nothing but the read: the command
/// uses what was read only when it asks for the very same search path and loader.
public enum StartupPrefetch {
    /// Options of those commands that take a value.
    private static let valued: Set = ["--profile", "--seed", "--path"]

    /// What the words of `arguments` (the program's name first) tell of the library the
    /// command will load; nil for a command that loads none at once.
    static func plan(_ arguments: [String]) -> (dataDirectory: String?, packPaths: [String])? {
        var words = arguments.dropFirst()[...]
        var dataDirectory: String?
        var packPaths: [String] = []
        var command: [String] = []
        while let word = words.popFirst() {
            if word == "--data-dir" {
                dataDirectory = words.popFirst()
            } else if word.hasPrefix("--data-dir=") {
                dataDirectory = String(word.dropFirst("--data-dir=".count))
            } else if word == "--pack-path" {
                if let path = words.popFirst() { packPaths.append(path) }
            } else if word.hasPrefix("--pack-path=") {
                packPaths.append(String(word.dropFirst("--pack-path=".count)))
            } else if valued.contains(word) {
                _ = words.popFirst()
            } else if word.hasPrefix("-") {
                // Help and version end at once; `--` and short options are left to the parser.
                guard word.hasPrefix("--"), word.count > 2, !["--help", "--version"].contains(word) else { return nil }
            } else {
                command.append(word)
            }
        }
        guard command.isEmpty || command == ["learn"] || command.first == "placement" || command == ["pack", "list"] else { return nil }
        return (dataDirectory, packPaths)
    }

    /// Starts reading the library the command in `arguments` will load, if it loads one at once.
    public static func begin(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let (dataDirectory, packPaths) = plan(arguments) else { return }
        var launcher = Launcher(environment: environment)
        launcher.dataDirectory = dataDirectory
        launcher.packPaths = packPaths
        let data = try? DataDirectory.resolve(explicit: dataDirectory, environment: environment)
        LibraryPrefetch.start(launcher.packSources(data: data), loader: launcher.packLoader(data: data))
    }
}
