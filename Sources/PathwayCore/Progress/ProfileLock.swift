import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes one `pathway` process the only writer of a profile.
///
/// The lock is an `flock` on `lock` in the profile folder, held while the process lives; the
/// kernel releases it when the process ends in any way, so a lock left by a killed process is
/// free again. The file records who holds it, for the message a second process shows.
public final class ProfileLock {
    /// Who holds a lock.
    public struct Holder: Sendable, Equatable, CustomStringConvertible {
        public var pid: Int32
        public var host: String
        public var since: String

        public var description: String { "process \(pid) on \(host), since \(since)" }
    }

    /// The result of trying to take the lock.
    public enum Outcome: Equatable {
        case acquired
        /// Acquired; the previous holder had ended without releasing it cleanly.
        case tookOverStale(Holder)
        /// Another process holds it.
        case heldBy(Holder?)
    }

    public let url: URL
    private var descriptor: Int32 = -1

    public init(directory: URL) {
        url = directory.appending(path: "lock")
    }

    deinit { release() }

    /// Tries to take the lock without waiting.
    public func acquire(now: Date = Date()) throws -> Outcome {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AtomicFileError(path: url.path, operation: "open", code: errno) }
        let previous = Self.readHolder(fd)
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return .heldBy(previous)
        }
        descriptor = fd
        var hostBuffer = [CChar](repeating: 0, count: 256)
        gethostname(&hostBuffer, hostBuffer.count - 1)
        let host = String(decoding: hostBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let since = now.formatted(.iso8601)
        let text = "\(getpid())\n\(host)\n\(since)\n"
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, text, text.utf8.count, 0)
        _ = fsync(fd)
        if let previous, previous.pid != getpid() { return .tookOverStale(previous) }
        return .acquired
    }

    /// Releases the lock (also done when the process ends).
    public func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    private static func readHolder(_ fd: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        let lines = String(decoding: buffer[0..<n], as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.count >= 3, let pid = Int32(lines[0]) else { return nil }
        return Holder(pid: pid, host: TerminalSafeText.sanitize(lines[1]), since: TerminalSafeText.sanitize(lines[2]))
    }
}
