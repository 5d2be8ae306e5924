import Foundation

/// Zips a pack folder for sharing, after validating it: a pack with errors is refused with
/// its diagnostics. Entries sit under a folder named after the pack id and carry a fixed date,
/// so the same pack gives the same archive.
public enum PackArchiver {
    /// What was archived.
    public struct Summary: Sendable {
        public var id: String
        public var version: SemanticVersion
        public var files: Int
        public var archive: URL
        /// Warnings from validation (errors stop archiving).
        public var warnings: [PackDiagnostic]
    }

    /// Archives the pack in `folder` into `destination` (written to a temporary file beside it
    /// and renamed into place). `displayPath` names the folder in diagnostics.
    public static func archive(folder: URL, to destination: URL, displayPath: String? = nil,
                               limits: ArchiveLimits = .standard) throws -> Summary {
        guard PackLoader.isPack(folder) else { throw PackagingError.notAPack(displayPath ?? folder.path) }
        let load = PackLoader().load(folder, displayPath: displayPath)
        guard let pack = load.pack, !load.diagnostics.hasErrors else {
            throw PackagingError.invalidPack(displayPath ?? folder.path, load.diagnostics)
        }
        let list = try PackFileList(folder: folder, limits: limits)
        let manager = FileManager.default
        try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = destination.deletingLastPathComponent().appending(path: ".\(destination.lastPathComponent).\(UUID().uuidString)")
        defer { try? manager.removeItem(at: temporary) }
        let writer = try ZipWriter(creating: temporary)
        try writer.addDirectory(pack.id)
        var files = 0
        for relative in list.entries {
            if relative.hasSuffix("/") {
                try writer.addDirectory("\(pack.id)/\(relative)")
            } else {
                try writer.addFile("\(pack.id)/\(relative)", data: try Data(contentsOf: folder.appending(path: relative)))
                files += 1
            }
        }
        // rename(2) replaces an older archive in one step.
        guard rename(temporary.path, destination.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
        }
        return Summary(id: pack.id, version: pack.manifest.version, files: files, archive: destination,
                       warnings: load.diagnostics.filter { $0.severity == .warning })
    }
}
