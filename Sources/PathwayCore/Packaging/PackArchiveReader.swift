import Foundation
import ZIPFoundation

/// Reads a pack zip defensively. ``check()`` looks at every entry before anything is written:
/// paths must stay inside the target (no `..`, no absolute or drive paths, no backslashes), no
/// symbolic links, no duplicates, and the entry count and declared sizes must be within
/// ``ArchiveLimits``. ``extract(into:)`` then writes plain files and folders only, counting
/// the bytes actually inflated, so an entry that lies about its size is stopped too.
struct PackArchiveReader {
    let url: URL
    let limits: ArchiveLimits
    private let archive: Archive

    /// An entry that passed the checks, with its path split into components.
    struct CheckedEntry {
        var entry: Entry
        var components: [String]
        var isDirectory: Bool
    }

    init(url: URL, limits: ArchiveLimits) throws {
        self.url = url
        self.limits = limits
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw PackagingError.unreadableArchive(url.lastPathComponent, detail: "\(error)")
        }
    }

    /// Every entry, checked; throws at the first that is refused.
    func check() throws -> [CheckedEntry] {
        var checked: [CheckedEntry] = []
        var seen: Set<String> = []
        var total: UInt64 = 0
        for entry in archive {
            guard checked.count < limits.maximumEntries else { throw PackagingError.tooManyEntries(limit: limits.maximumEntries) }
            let path = entry.path
            let components = try Self.components(of: path, limits: limits)
            switch entry.type {
            case .symlink: throw PackagingError.symbolicLink(path)
            case .directory, .file: break
            }
            let isDirectory = entry.type == .directory
            guard seen.insert(components.joined(separator: "/").lowercased()).inserted else {
                throw PackagingError.duplicateEntry(path)
            }
            if !isDirectory {
                let (sum, overflow) = total.addingReportingOverflow(entry.uncompressedSize)
                guard !overflow, sum <= limits.maximumTotalBytes else { throw PackagingError.tooLarge(limit: limits.maximumTotalBytes) }
                total = sum
            }
            checked.append(CheckedEntry(entry: entry, components: components, isDirectory: isDirectory))
        }
        return checked
    }

    /// The components of an entry path, or why the path is refused.
    static func components(of path: String, limits: ArchiveLimits) throws -> [String] {
        func refuse(_ reason: String) -> PackagingError { .unsafePath(path, reason: reason) }
        guard !path.isEmpty else { throw refuse("has an empty name") }
        guard path.utf8.count <= limits.maximumPathBytes else { throw refuse("has a path longer than \(limits.maximumPathBytes) bytes") }
        guard !path.unicodeScalars.contains(where: { TerminalSafeText.isUnsafe($0) || $0 == "\0" }) else {
            throw refuse("has control characters in its name")
        }
        guard !path.contains("\\") else { throw refuse("uses backslashes; zip paths use '/'") }
        guard !path.hasPrefix("/"), !path.hasPrefix("~") else { throw refuse("is an absolute path") }
        var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if components.last == "" { components.removeLast() }
        if let first = components.first, first.count == 2, first.hasSuffix(":") { throw refuse("is an absolute (drive) path") }
        guard !components.contains("..") else { throw refuse("leads outside the pack folder ('..')") }
        guard !components.isEmpty, !components.contains(""), !components.contains(".") else {
            throw refuse("has an empty or '.' path component")
        }
        return components
    }

    /// Writes the checked entries under `folder`, which must be an empty folder.
    func extract(_ entries: [CheckedEntry], into folder: URL) throws {
        let manager = FileManager.default
        var total: UInt64 = 0
        for checked in entries {
            let target = checked.components.reduce(folder) { $0.appending(path: $1) }
            let handle: FileHandle
            do {
                // A file and a folder of the same name (`a`, then `a/b`) end up here.
                if checked.isDirectory {
                    try manager.createDirectory(at: target, withIntermediateDirectories: true)
                    continue
                }
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard manager.createFile(atPath: target.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
                handle = try FileHandle(forWritingTo: target)
            } catch {
                throw PackagingError.damaged(checked.entry.path, detail: "it cannot be written where the archive puts it (a file and a folder share its path?)")
            }
            defer { try? handle.close() }
            let declared = checked.entry.uncompressedSize
            var written: UInt64 = 0
            let checksum: CRC32
            do {
                checksum = try archive.extract(checked.entry, skipCRC32: false) { data in
                    written += UInt64(data.count)
                    guard written <= declared else { throw PackagingError.inflatesBeyondSize(checked.entry.path) }
                    guard total + written <= limits.maximumTotalBytes else { throw PackagingError.tooLarge(limit: limits.maximumTotalBytes) }
                    try handle.write(contentsOf: data)
                }
            } catch let error as PackagingError {
                throw error
            } catch {
                throw PackagingError.damaged(checked.entry.path, detail: "\(error)")
            }
            guard written == declared else { throw PackagingError.damaged(checked.entry.path, detail: "it is shorter than its declared size") }
            guard checksum == checked.entry.checksum else { throw PackagingError.damaged(checked.entry.path, detail: "its checksum does not match") }
            total += written
        }
    }
}
