import Foundation

/// Where Pathway keeps a learner's data: `PATHWAY_HOME`, else `$XDG_DATA_HOME/pathway`,
/// else `$HOME/.local/share/pathway`. Foundation's home directory ignores `$HOME` on
/// Linux, so the environment is read directly.
public struct DataDirectory: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// Resolves the directory from an explicit choice or the environment.
    public static func resolve(explicit: String? = nil, environment: [String: String]) throws -> DataDirectory {
        if let explicit, !explicit.isEmpty { return DataDirectory(root: URL(fileURLWithPath: explicit)) }
        if let home = environment["PATHWAY_HOME"], !home.isEmpty { return DataDirectory(root: URL(fileURLWithPath: home)) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return DataDirectory(root: URL(fileURLWithPath: xdg).appending(path: "pathway"))
        }
        if let home = environment["HOME"], !home.isEmpty {
            return DataDirectory(root: URL(fileURLWithPath: home).appending(path: ".local/share/pathway"))
        }
        throw DataDirectoryError.noHome
    }

    /// The folder of a profile: its progress snapshot, journal and lock.
    public func profileDirectory(_ profile: String) -> URL {
        root.appending(path: "profiles/\(profile)")
    }

    /// The progress snapshot of a profile.
    public func progressFile(profile: String) -> URL {
        profileDirectory(profile).appending(path: "progress.json")
    }

    /// The REPL's line history.
    public var historyFile: URL { root.appending(path: "history") }

    /// Packs the learner installed.
    public var packsDirectory: URL { root.appending(path: "packs") }
}

public enum DataDirectoryError: Error, CustomStringConvertible {
    case noHome

    public var description: String {
        "cannot find a place for Pathway's data: set PATHWAY_HOME (or HOME), or pass --data-dir DIR"
    }
}
