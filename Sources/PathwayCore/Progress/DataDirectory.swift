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

    /// The profiles that exist, sorted.
    public func profiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appending(path: "profiles").path)) ?? []
        return names.filter(Identifier.isValid).sorted()
    }

    /// The profile used when none is named: the one chosen with `profile switch`, else `default`.
    public func currentProfile() -> String {
        let text = (try? String(contentsOf: root.appending(path: "current-profile"), encoding: .utf8)) ?? ""
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return Identifier.isValid(name) ? name : "default"
    }

    /// Creates a profile's folder.
    public func createProfile(_ name: String) throws {
        guard Identifier.isValid(name) else { throw DataDirectoryError.invalidProfile(name) }
        try FileManager.default.createDirectory(at: profileDirectory(name), withIntermediateDirectories: true)
    }

    /// Makes `name` the profile used when none is named.
    public func switchProfile(to name: String) throws {
        guard Identifier.isValid(name) else { throw DataDirectoryError.invalidProfile(name) }
        try createProfile(name)
        try AtomicFile.write(Data((name + "\n").utf8), to: root.appending(path: "current-profile"))
    }

    /// The REPL's line history.
    public var historyFile: URL { root.appending(path: "history") }

    /// Packs the learner installed.
    public var packsDirectory: URL { root.appending(path: "packs") }
}

public enum DataDirectoryError: Error, CustomStringConvertible {
    case noHome
    case invalidProfile(String)

    public var description: String {
        switch self {
        case .noHome: return "cannot find a place for Pathway's data: set PATHWAY_HOME (or HOME), or pass --data-dir DIR"
        case let .invalidProfile(name): return "profile name '\(TerminalSafeText.sanitize(name))' is not valid: \(Identifier.rule)"
        }
    }
}
