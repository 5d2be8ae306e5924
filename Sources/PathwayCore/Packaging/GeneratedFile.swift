import Foundation

/// A file of a pack Pathway writes (an import or a new pack): its path inside the pack
/// folder and its text.
public struct GeneratedFile: Sendable, Equatable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Writes `files` into `folder`, which must not exist or be empty. The files go into a
    /// temporary folder beside it first, which is renamed into place at the end, so a failure
    /// leaves nothing half-written.
    public static func write(_ files: [GeneratedFile], to folder: URL) throws {
        guard !files.isEmpty else { throw GeneratedFileError.nothingToWrite }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            let children = isDirectory.boolValue ? (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] : ["file"]
            guard children.isEmpty else { throw GeneratedFileError.exists(folder.path) }
            try manager.removeItem(at: folder)
        }
        let parent = folder.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appending(path: ".\(folder.lastPathComponent).new-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: staging) }
        for file in files {
            guard !file.path.hasPrefix("/"), !file.path.split(separator: "/").contains("..") else {
                throw GeneratedFileError.outside(file.path)
            }
            let url = staging.appending(path: file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
        }
        try manager.moveItem(at: staging, to: folder)
    }
}

/// Why a generated pack could not be written.
public enum GeneratedFileError: Error, CustomStringConvertible, Equatable {
    case nothingToWrite
    case exists(String)
    case outside(String)

    public var description: String {
        switch self {
        case .nothingToWrite: return "there are no files to write, so no pack was written"
        case let .exists(path): return "'\(TerminalSafeText.sanitize(path))' already exists and is not empty; choose another --out folder or remove it"
        case let .outside(path): return "'\(TerminalSafeText.sanitize(path))' would be written outside the pack folder"
        }
    }
}
