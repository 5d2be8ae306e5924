import Foundation

/// The files of a pack folder to archive or install: plain files and folders only, hidden
/// ones (`.git`, `.DS_Store`) and editor backups (`lesson.yaml~`, `#lesson.yaml#`, `.swp`,
/// `.bak`, `.orig`) left out, within ``ArchiveLimits``.
struct PackFileList {
    /// Paths relative to the folder; folders end with `/`. Sorted, so archives are reproducible.
    private(set) var entries: [String] = []
    /// Editor backups that were left out, to be named in a warning.
    private(set) var leftOut: [String] = []

    /// Whether a file name is an editor's backup or swap file.
    static func isBackup(_ name: String) -> Bool {
        name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#"))
            || [".swp", ".swo", ".bak", ".orig", ".rej", ".tmp"].contains { name.lowercased().hasSuffix($0) }
    }

    init(folder: URL, limits: ArchiveLimits) throws {
        let manager = FileManager.default
        let keys: [URLResourceKey] = [.isSymbolicLinkKey, .isDirectoryKey, .isRegularFileKey, .fileSizeKey]
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        guard let enumerator = manager.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else {
            throw PackagingError.notAPack(folder.path)
        }
        var total: UInt64 = 0
        for case let url as URL in enumerator {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            let values = try url.resourceValues(forKeys: Set(keys))
            if values.isSymbolicLink == true { throw PackagingError.symbolicLink(relative) }
            if values.isDirectory == true {
                entries.append(relative + "/")
            } else if values.isRegularFile == true {
                if Self.isBackup(url.lastPathComponent) {
                    leftOut.append(relative)
                    continue
                }
                total += UInt64(values.fileSize ?? 0)
                guard total <= limits.maximumTotalBytes else { throw PackagingError.tooLarge(limit: limits.maximumTotalBytes) }
                entries.append(relative)
            } else {
                throw PackagingError.unsupportedEntry(relative)
            }
            guard entries.count <= limits.maximumEntries else { throw PackagingError.tooManyEntries(limit: limits.maximumEntries) }
        }
        entries.sort()
        leftOut.sort()
    }
}
