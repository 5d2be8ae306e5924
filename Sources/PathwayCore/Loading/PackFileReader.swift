import Foundation

/// Reads one file of a pack as UTF-8 text, refusing before reading anything what it must not
/// read: a file larger than the limit (its size is taken with `stat`, so a sparse 3 GB file
/// costs nothing), a named pipe or device (reading would block or never end), a folder, and a
/// symbolic link that loops. Never reads more than the limit, even if the file grows meanwhile.
enum PackFileReader {
    /// Why a file was not read, as a sentence naming it.
    struct Refusal: Error, CustomStringConvertible, Equatable {
        var description: String
    }

    /// The text of `url` (shown as `name` in messages), at most `limit` bytes.
    static func read(_ url: URL, name: String, limit: Int) throws(Refusal) -> String {
        let path = url.path
        var info = stat()
        guard stat(path, &info) == 0 else { throw refusal(errno: errno, name: name) }
        try checkKind(info.st_mode, name: name)
        guard Int64(info.st_size) <= Int64(limit) else {
            throw Refusal(description: "'\(name)' is \(info.st_size) bytes; pack files may be at most \(limit) bytes")
        }
        // Opened without blocking, then checked again: the path may have been replaced by a pipe.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw refusal(errno: errno, name: name) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { throw refusal(errno: errno, name: name) }
        try checkKind(info.st_mode, name: name)
        // Read in chunks until the end, stopping one byte past the limit.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(info.st_size), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let got = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, wanted) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw refusal(errno: errno, name: name) }
            if got == 0 { break }
            bytes += chunk[..<got]
        }
        let count = bytes.count
        guard count <= limit else {
            throw Refusal(description: "'\(name)' is larger than \(limit) bytes; pack files may be at most \(limit) bytes")
        }
        guard let text = String(validating: bytes[..<count], as: UTF8.self) else {
            throw Refusal(description: "'\(name)' is not valid UTF-8 text; save it as UTF-8")
        }
        return text
    }

    private static func checkKind(_ mode: mode_t, name: String) throws(Refusal) {
        switch mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw Refusal(description: "'\(name)' is a folder, not a file")
        case S_IFIFO: throw Refusal(description: "'\(name)' is a named pipe (FIFO), not a regular file; pack files must be regular files")
        default: throw Refusal(description: "'\(name)' is a device or socket, not a regular file; pack files must be regular files")
        }
    }

    private static func refusal(errno code: Int32, name: String) -> Refusal {
        switch code {
        case ELOOP: return Refusal(description: "'\(name)' is a symbolic link that loops (it leads back to itself)")
        case ENOENT: return Refusal(description: "'\(name)' does not exist")
        case EACCES, EPERM: return Refusal(description: "'\(name)' cannot be read: permission denied")
        default: return Refusal(description: "'\(name)' cannot be read: \(String(cString: strerror(code)))")
        }
    }
}
