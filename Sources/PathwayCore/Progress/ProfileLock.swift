import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes one `pathway` process the only writer of a profile.
///
/// The lock is an `flock` on the profile folder itself, held while the process lives: a
/// folder holding files cannot be unlinked from under its holder the way a lock file can
/// (deleting a lock file would let a second writer in). The kernel releases it when the
/// process ends in any way, so a lock left by a killed process is free again. The file `lock`
/// records who holds it (and is locked too, for older Pathway versions), for the message a
/// second process shows.
public final class ProfileLock {
    /// Who holds a lock.
    public struct Holder: Sendable, Equatable, CustomStringConvertible {
        public var pid: Int32
        public var host: String
        public var since: String
        /// Whether the process is stopped (Ctrl-Z): it holds the lock but does nothing.
        public var stopped = false

        public var description: String {
            "process \(pid) on \(host), since \(since)"
                + (stopped ? "; it is stopped (Ctrl-Z): resume it with fg in its terminal, or end it" : "")
        }
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
    let directory: URL
    private var folderDescriptor: Int32 = -1
    private var descriptor: Int32 = -1

    public init(directory: URL) {
        self.directory = directory
        url = directory.appending(path: "lock")
    }

    deinit { release() }

    /// Tries to take the lock without waiting.
    public func acquire(now: Date = Date()) throws -> Outcome {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let folder = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw AtomicFileError(path: directory.path, operation: "open", code: errno) }
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let code = errno
            close(folder)
            throw AtomicFileError(path: url.path, operation: "open", code: code)
        }
        let previous = Self.readHolder(fd)
        guard flock(folder, LOCK_EX | LOCK_NB) == 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            close(folder)
            return .heldBy(previous.map(Self.withState))
        }
        folderDescriptor = folder
        descriptor = fd
        let host = Self.hostName()
        let since = ISO8601Text.format(now)
        let text = "\(getpid())\n\(host)\n\(since)\n"
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, text, text.utf8.count, 0)
        _ = fsync(fd)
        if let previous, previous.pid != getpid() { return .tookOverStale(previous) }
        return .acquired
    }

    /// Releases the lock (also done when the process ends).
    public func release() {
        if descriptor >= 0 {
            _ = ftruncate(descriptor, 0)
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
        if folderDescriptor >= 0 {
            flock(folderDescriptor, LOCK_UN)
            close(folderDescriptor)
            folderDescriptor = -1
        }
    }

    private static func readHolder(_ fd: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        let lines = String(decoding: buffer[0..<n], as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.count >= 3, let pid = Int32(lines[0]) else { return nil }
        return Holder(pid: pid, host: TerminalSafeText.sanitize(lines[1]), since: TerminalSafeText.sanitize(lines[2]))
    }

    /// The holder, marked stopped when it runs on this machine and its state is stopped.
    static func withState(_ holder: Holder) -> Holder {
        var holder = holder
        holder.stopped = holder.host == TerminalSafeText.sanitize(hostName()) && isStopped(pid: holder.pid)
        return holder
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count - 1)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether process `pid` of this machine is stopped by a signal (state `T` in /proc).
    static func isStopped(pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state == "T"
    }
}
