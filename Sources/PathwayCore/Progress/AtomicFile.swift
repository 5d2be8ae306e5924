import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file atomically and durably: temporary file, fsync, rename, directory fsync.
public enum AtomicFile {
    /// `durably: false` skips both fsyncs, for files that can be made again (the pack index):
    /// the replacement is still atomic, but a crash may lose it.
    public static func write(_ data: Data, to url: URL, durably: Bool = true) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appending(path: ".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AtomicFileError(path: temporary.path, operation: "create", code: errno) }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do {
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw AtomicFileError(path: url.path, operation: "write", code: errno)
                    }
                    offset += n
                }
            }
            guard !durably || fsync(fd) == 0 else { throw AtomicFileError(path: url.path, operation: "flush", code: errno) }
            closed = true
            guard close(fd) == 0 else { throw AtomicFileError(path: url.path, operation: "close", code: errno) }
            guard rename(temporary.path, url.path) == 0 else {
                throw AtomicFileError(path: url.path, operation: "replace", code: errno)
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
        guard durably else { return }
        let dirfd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }
}

/// A failed write, with the system's reason (e.g. "No space left on device").
public struct AtomicFileError: Error, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var code: Int32

    public var description: String {
        "could not \(operation) \(path): \(String(cString: strerror(code)))"
    }
}
