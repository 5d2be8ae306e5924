import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every folder and file of a pack folder as `fstatat` saw them: for a folder its inode and
/// modification time, for a file its size, modification time (to the nanosecond) and inode.
///
/// The pack index keeps the listing its pack was read from, and start-up checks it with one
/// `fstatat` per entry and no directory read: a folder whose inode and modification time are
/// unchanged holds the same names (adding, removing or renaming an entry changes the folder's
/// modification time), and a file whose size, modification time and inode are unchanged was
/// not written. A folder changed within ``racyWindow`` of the index being written is not taken
/// on trust (a second change in the same clock tick leaves the time as it was); the folder is
/// then read again in full and its ``fingerprint`` compared instead.
struct PackListing: Sendable, Equatable {
    struct Time: Sendable, Equatable, Comparable {
        var seconds: Int64
        var nanoseconds: Int64

        init(_ time: timespec) {
            seconds = Int64(time.tv_sec)
            nanoseconds = Int64(time.tv_nsec)
        }

        init(seconds: Int64, nanoseconds: Int64) {
            self.seconds = seconds
            self.nanoseconds = nanoseconds
        }

        static func < (a: Time, b: Time) -> Bool { (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds) }
    }

    struct Folder: Sendable, Equatable {
        /// Relative to the pack folder; "" for the pack folder itself.
        var path: String
        var inode: UInt64
        var modified: Time
    }

    struct File: Sendable, Equatable {
        /// Relative to the pack folder.
        var path: String
        var size: Int64
        var modified: Time
        var inode: UInt64
    }

    var folders: [Folder]
    var files: [File]

    /// How recent a folder's change may be, against the index's own modification time, and
    /// still be trusted without reading the folder.
    static let racyWindow: Int64 = 2

    /// The listing of `folder` read in full (`readdir` and `fstatat`), or nil when it cannot be read.
    static func take(_ folder: URL) -> PackListing? {
        let rootPath = folder.path
        var listing = PackListing(folders: [], files: [])
        // Each directory is read through its descriptor and its entries looked at with fstatat,
        // one directory open at a time.
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? rootPath : rootPath + "/" + relative
            // The pack folder itself may be a symbolic link; a folder inside it was seen as a folder.
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (relative.isEmpty ? 0 : O_NOFOLLOW))
            guard descriptor >= 0, let handle = fdopendir(descriptor) else {
                if descriptor >= 0 { close(descriptor) }
                if relative.isEmpty { return nil }
                continue
            }
            defer { closedir(handle) }
            var own = stat()
            guard fstat(descriptor, &own) == 0 else {
                if relative.isEmpty { return nil }
                continue
            }
            listing.folders.append(Folder(path: relative, inode: UInt64(own.st_ino), modified: Time(own.st_mtim)))
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                var info = stat()
                guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                let entryPath = relative.isEmpty ? name : relative + "/" + name
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(entryPath)
                case S_IFREG, S_IFLNK:
                    listing.files.append(File(path: entryPath, size: Int64(info.st_size), modified: Time(info.st_mtim), inode: UInt64(info.st_ino)))
                default: continue
                }
            }
        }
        return listing
    }

    /// What a listing that is still current tells without reading the folder.
    struct Current: Sendable, Equatable {
        /// Whether the pack folder has a `paths` folder.
        var hasPathsFolder: Bool
    }

    /// Whether the listing encoded in `data` (see ``encoded()``) still matches the folder at
    /// `path` exactly, for an index written at `written` (its file's modification time),
    /// checked with one `fstatat` per entry as the lines are read (no listing is built). Nil
    /// when anything differs or cannot be looked at, when a folder changed too close to
    /// `written` to be trusted, or when the listing is damaged (it must begin with the pack
    /// folder's own line).
    static func check(_ data: Data, at path: String, written: Time) -> Current? {
        let root = open(path, O_RDONLY | O_CLOEXEC | O_DIRECTORY)
        guard root >= 0 else { return nil }
        defer { close(root) }
        var current = Current(hasPathsFolder: false)
        var folders = 0
        // Each entry's path, NUL-terminated, for fstatat.
        var name = [CChar](repeating: 0, count: 256)
        var info = stat()
        let matches = PackIndexLine.forEachLine(of: data) { line in
            let isFolder = line.tag == UInt8(ascii: "D")
            guard isFolder ? line.count == 5 : line.tag == UInt8(ascii: "F") && line.count == 6,
                  line.cString(1, into: &name) else { return false }
            let isRoot = name[0] == 0
            guard isRoot == (isFolder && folders == 0) else { return false }
            let found = isRoot ? fstat(root, &info) : fstatat(root, name, &info, AT_SYMLINK_NOFOLLOW)
            guard found == 0 else { return false }
            let kind = info.st_mode & S_IFMT
            if isFolder {
                guard kind == S_IFDIR, let inode = line.int(2), UInt64(info.st_ino) == UInt64(bitPattern: Int64(inode)),
                      let seconds = line.int(3), let nanoseconds = line.int(4),
                      Int64(info.st_mtim.tv_sec) == Int64(seconds), Int64(info.st_mtim.tv_nsec) == Int64(nanoseconds),
                      Int64(seconds) &+ racyWindow < written.seconds else { return false }
                folders += 1
                if line.isField(1, "paths") { current.hasPathsFolder = true }
            } else {
                guard kind == S_IFREG || kind == S_IFLNK, let size = line.int(2), Int64(info.st_size) == Int64(size),
                      let seconds = line.int(3), let nanoseconds = line.int(4), let inode = line.int(5),
                      Int64(info.st_mtim.tv_sec) == Int64(seconds), Int64(info.st_mtim.tv_nsec) == Int64(nanoseconds),
                      UInt64(info.st_ino) == UInt64(bitPattern: Int64(inode)) else { return false }
            }
            return true
        }
        return matches && folders > 0 ? current : nil
    }

    /// A hash of every file's path, size, modification time and inode, and of the cache format
    /// `format`: any edit, addition, removal or replacement of a file changes it. The files'
    /// order does not matter.
    func fingerprint(format: Int) -> String {
        var total: UInt64 = 0
        for file in files {
            var hash = IndexHash()
            hash.add(file.path)
            hash.add(UInt64(bitPattern: file.size))
            hash.add(UInt64(bitPattern: file.modified.seconds))
            hash.add(UInt64(bitPattern: file.modified.nanoseconds))
            hash.add(file.inode)
            total = total &+ hash.finished
        }
        var hash = IndexHash()
        hash.add("pathway-cache-\(format)")
        hash.add(total)
        hash.add(UInt64(files.count))
        return hash.hex
    }

    // MARK: In the index

    /// A line `D path inode seconds nanoseconds` per folder, then `F path size seconds
    /// nanoseconds inode` per file (paths escaped as ``PackIndexLine/escape(_:)`` does; inodes
    /// as signed numbers of the same bits).
    func encoded() -> Data {
        var lines: [String] = []
        for folder in folders {
            lines.append("D\t\(PackIndexLine.escape(folder.path))\t\(Int64(bitPattern: folder.inode))\t\(folder.modified.seconds)\t\(folder.modified.nanoseconds)")
        }
        for file in files {
            lines.append("F\t\(PackIndexLine.escape(file.path))\t\(file.size)\t\(file.modified.seconds)\t\(file.modified.nanoseconds)\t\(Int64(bitPattern: file.inode))")
        }
        return Data(lines.joined(separator: "\n").utf8)
    }
}
