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
                       warnings: load.diagnostics.filter { $0.severity == .warning }
                           + fileWarnings(list, pack: pack, display: displayPath ?? folder.path))
    }

    /// Files an author may not mean to share: backups left out, and files the pack never uses.
    static func fileWarnings(_ list: PackFileList, pack: Pack, display: String) -> [PackDiagnostic] {
        var used = Set(PackLoader.manifestNames + pack.manifest.modules)
        for module in pack.modules {
            used.insert(module.file)
            for lesson in module.lessons {
                used.insert(lesson.file)
                for step in lesson.steps { used.formUnion(step.referencedFiles) }
            }
        }
        let normalized = Set(used.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: "/")).standardizedFileURL.path.dropFirst() }.map(String.init))
        let kept = ["readme", "license", "licence", "changelog", "notice", "authors", "contributing"]
        var warnings = list.leftOut.map {
            PackDiagnostic(.warning, file: "\(display)/\($0)", message: "editor backup left out of the zip")
        }
        for entry in list.entries where !entry.hasSuffix("/") && !normalized.contains(entry) {
            let base = (entry.split(separator: "/").last.map(String.init) ?? entry).lowercased()
            if kept.contains(where: { base.hasPrefix($0) }) { continue }
            warnings.append(PackDiagnostic(.warning, file: "\(display)/\(entry)",
                message: "not used by the pack (no manifest, module or lesson refers to it) but included in the zip; remove it if it is a stray note"))
        }
        return warnings
    }
}
