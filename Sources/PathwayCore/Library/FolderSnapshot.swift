import Foundation

/// The files of a folder with their sizes and modification times, to notice edits by polling
/// (`pack preview --watch`). Hidden files and editor backups are ignored, so a save that only
/// writes a swap file does not count.
public struct FolderSnapshot: Sendable, Equatable {
    private var files: [String: Stamp]

    private struct Stamp: Sendable, Equatable {
        var size: Int
        var modified: Date
    }

    /// The snapshot of `folder` now (empty when it cannot be read).
    public static func take(_ folder: URL) -> FolderSnapshot {
        var files: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true,
                  !PackFileList.isBackup(url.lastPathComponent) else { continue }
            files[url.path] = Stamp(size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast)
        }
        return FolderSnapshot(files: files)
    }
}

/// Tells whether a folder changed since it last looked.
public final class FolderWatcher: @unchecked Sendable {
    private let folder: URL
    private var last: FolderSnapshot
    private let lock = NSLock()

    public init(folder: URL) {
        self.folder = folder
        last = FolderSnapshot.take(folder)
    }

    /// Whether any file was added, removed or changed since the previous call.
    public func changed() -> Bool {
        let now = FolderSnapshot.take(folder)
        return lock.withLock {
            defer { last = now }
            return now != last
        }
    }
}
