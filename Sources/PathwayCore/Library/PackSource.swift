import Foundation

/// A folder on the pack search path and where it came from.
public struct PackSource: Sendable, Equatable {
    public enum Origin: String, Sendable {
        case shipped, user, environment = "PATHWAY_PACKS", option = "--pack-path"
        /// A pack folder an author is working on (`pack preview`, `stats`, `validate`): its
        /// copy is used whatever the version of other copies on the search path.
        case working = "working folder"
    }

    public var folder: URL
    public var origin: Origin
    /// How to show the folder in messages (as the user typed it, when known).
    public var displayPath: String

    public init(folder: URL, origin: Origin, displayPath: String? = nil) {
        self.folder = folder
        self.origin = origin
        self.displayPath = displayPath ?? folder.path
    }

    /// The shipped curricula: `PATHWAY_CURRICULA`, else a `curricula` folder beside or above the
    /// executable (a source checkout or `share/pathway/curricula` of an install), else
    /// `./curricula`.
    public static func shipped(environment: [String: String], executable: URL, workingDirectory: URL) -> PackSource? {
        if let explicit = environment["PATHWAY_CURRICULA"], !explicit.isEmpty {
            return PackSource(folder: URL(fileURLWithPath: explicit), origin: .shipped, displayPath: explicit)
        }
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in ["curricula", "share/pathway/curricula"] {
                let url = folder.appending(path: candidate)
                if FileManager.default.fileExists(atPath: url.appending(path: "paths").path) {
                    return PackSource(folder: url, origin: .shipped)
                }
            }
            folder = folder.deletingLastPathComponent()
        }
        let local = workingDirectory.appending(path: "curricula")
        if FileManager.default.fileExists(atPath: local.path) {
            return PackSource(folder: local, origin: .shipped, displayPath: "curricula")
        }
        return nil
    }
}
