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
            descriptor = open(url.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw AtomicFileError(path: url.path, operation: "open", code: errno) }
        }
        let start = lseek(descriptor, 0, SEEK_END)
        var bytes = line + Data("\n".utf8)
        // Never extend a line left unfinished (by a process killed while writing): start a new one.
        var last: UInt8 = 0
        if start > 0, pread(descriptor, &last, 1, start - 1) == 1, last != UInt8(ascii: "\n") {
            bytes.insert(UInt8(ascii: "\n"), at: 0)
        }
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

    /// What reading a journal found.
    struct Contents<T> {
        var entries: [T] = []
        /// Whether the last line was cut short (no newline, and not readable).
        var tornLast = false
        /// Other lines that could not be read.
        var damaged = 0
        /// The bytes up to the end of the last whole line: what is kept when a torn tail is cut.
        var wholeLength = 0
        /// The file's length.
        var length = 0
    }

    /// The lines of `url` decoded as `T`: those that decode, whether the last line was torn,
    /// and how many other lines could not be read.
    static func read<T: Decodable>(_ url: URL, as type: T.Type, decoder: JSONDecoder) -> Contents<T> {
        var contents = Contents<T>()
        // An empty or missing file is read as nothing, without reading it.
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size > 0, let data = try? Data(contentsOf: url), !data.isEmpty else { return contents }
        contents.length = data.count
        contents.wholeLength = (data.lastIndex(of: UInt8(ascii: "\n")).map { $0 - data.startIndex + 1 }) ?? 0
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        let endsWithNewline = data.last == UInt8(ascii: "\n")
        for (index, line) in lines.enumerated() where !line.isEmpty {
            if let entry = try? decoder.decode(T.self, from: Data(line)) {
                contents.entries.append(entry)
            } else if index == lines.count - 1 && !endsWithNewline {
                contents.tornLast = true
            } else {
                contents.damaged += 1
            }
        }
        return contents
    }
}
