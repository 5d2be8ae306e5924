import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An append-only JSON Lines file; each appended line is flushed to disk before `append`
/// returns, and a failed append leaves the file as it was.
final class JournalFile {
    let url: URL
    private var descriptor: Int32 = -1

    init(url: URL) { self.url = url }

    deinit { close() }

    /// Appends one line.
    func append(_ line: Data) throws {
        if descriptor < 0 {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw AtomicFileError(path: url.path, operation: "open", code: errno) }
        }
        let start = lseek(descriptor, 0, SEEK_END)
        let bytes = line + Data("\n".utf8)
        do {
            try bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw AtomicFileError(path: url.path, operation: "write", code: errno)
                    }
                    offset += n
                }
            }
            guard fsync(descriptor) == 0 else { throw AtomicFileError(path: url.path, operation: "flush", code: errno) }
        } catch {
            // Never leave half a line behind: the next append would follow it.
            if start >= 0 { _ = ftruncate(descriptor, start) }
            throw error
        }
    }

    /// Closes the file (the next append reopens it).
    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    /// The lines of `url` decoded as `T`: those that decode, whether the last line was torn,
    /// and how many other lines could not be read.
    static func read<T: Decodable>(_ url: URL, as type: T.Type, decoder: JSONDecoder) -> (entries: [T], tornLast: Bool, damaged: Int) {
        guard let data = try? Data(contentsOf: url), !data.isEmpty else { return ([], false, 0) }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        let endsWithNewline = data.last == UInt8(ascii: "\n")
        var entries: [T] = []
        var tornLast = false
        var damaged = 0
        for (index, line) in lines.enumerated() where !line.isEmpty {
            if let entry = try? decoder.decode(T.self, from: Data(line)) {
                entries.append(entry)
            } else if index == lines.count - 1 && !endsWithNewline {
                tornLast = true
            } else {
                damaged += 1
            }
        }
        return (entries, tornLast, damaged)
    }
}
