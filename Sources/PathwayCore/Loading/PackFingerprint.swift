import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A hash of every file of a pack folder: its path, size, modification time (to the
/// nanosecond) and inode, read with `readdir` and `fstatat`. Any edit, addition, removal or
/// replacement of a file (an editor's save-by-rename included) changes it. It runs for every
/// pack at every start-up, so it reads no file and makes no Foundation objects.
enum PackFingerprint {
    /// The fingerprint of `folder` for cache format `format`, or nil when the folder cannot be read.
    static func of(_ folder: URL, format: Int) -> String? {
        let rootPath = folder.path
        var lines: [String] = []
        // Each directory is read through its descriptor and its entries are looked at with
        // fstatat, so no path is resolved from the root again for every file. One directory is
        // open at a time.
        var pending = [rootPath]
        while let directory = pending.popLast() {
            // The pack folder itself may be a symbolic link; a folder inside it was seen as a folder.
            let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (directory == rootPath ? 0 : O_NOFOLLOW))
            guard descriptor >= 0, let handle = fdopendir(descriptor) else {
                if descriptor >= 0 { close(descriptor) }
                if directory == rootPath { return nil }
                continue
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = directory + "/" + name
                var info = stat()
                guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                case S_IFREG, S_IFLNK:
                    lines.append("\(path)|\(info.st_size)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(info.st_ino)")
                default: continue
                }
            }
        }
        lines.sort()
        var hash = FNV1a()
        hash.add("pathway-cache-\(format)")
        for line in lines {
            hash.add("\n")
            hash.add(line)
        }
        return hash.hex
    }
}

/// FNV-1a, 64 bits.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var value = self.value
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        self.value = value
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        add(bytes.bindMemory(to: UInt8.self))
    }

    /// Sixteen hexadecimal digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func hex(of data: Data) -> String {
        var hash = FNV1a()
        data.withUnsafeBytes { hash.add($0) }
        return hash.hex
    }
}
