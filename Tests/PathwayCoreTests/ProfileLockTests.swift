import Foundation
import Testing
@testable import PathwayCore
#if canImport(Glibc)
import Glibc
#endif

/// One writer per profile, even when the lock file is deleted under the holder; a stopped
/// holder is named as stopped.
@Suite struct ProfileLockTests {
    @Test func deletingTheLockFileDoesNotLetASecondWriterIn() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let first = ProfileLock(directory: dir.url)
        #expect(try first.acquire() == .acquired)
        try FileManager.default.removeItem(at: first.url)
        let second = ProfileLock(directory: dir.url)
        guard case .heldBy = try second.acquire() else {
            Issue.record("a second writer took the lock after the lock file was deleted")
            return
        }
        first.release()
        #expect(try ProfileLock(directory: dir.url).acquire() != .heldBy(nil))
    }

    @Test func aStoppedHolderIsNamedAsStopped() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["30"]
        try child.run()
        defer {
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
        }
        #expect(!ProfileLock.isStopped(pid: child.processIdentifier))
        kill(child.processIdentifier, SIGSTOP)
        var stopped = false
        for _ in 0..<100 where !stopped {
            stopped = ProfileLock.isStopped(pid: child.processIdentifier)
            if !stopped { usleep(10_000) }
        }
        #expect(stopped)
        let holder = ProfileLock.withState(ProfileLock.Holder(pid: child.processIdentifier, host: ProfileLock.hostName(), since: "now"))
        #expect(holder.stopped)
        #expect(holder.description.contains("stopped (Ctrl-Z)"))
        #expect(!ProfileLock.withState(ProfileLock.Holder(pid: child.processIdentifier, host: "elsewhere.example", since: "now")).stopped)
    }
}
