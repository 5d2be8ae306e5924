import Foundation
import Testing

/// The built binary under a full disk and with a second process on the same profile.
@Suite(.serialized) struct ReliabilityTests {
    let binary = TerminalSessionTests.binary
    let home = FileManager.default.temporaryDirectory.appending(path: "pathway-rel-\(UUID().uuidString)")

    func environment() -> [String: String] {
        ["PATHWAY_HOME": home.path, "PATHWAY_CURRICULA": TerminalSessionTests.fixtures.path, "PATH": "/usr/bin:/bin",
         "LANG": "C.UTF-8", "NO_COLOR": "1"]
    }

    /// Runs pathway (through `sh -c` with `shellPrefix`) with `input` on stdin.
    func run(_ input: String, shellPrefix: String = "") throws -> (status: Int32, out: String, err: String) {
        let result = try BinaryRun.run("/bin/sh", ["-c", "\(shellPrefix) exec \"$0\" --no-shuffle", try #require(binary)],
                                       input: input, environment: environment())
        return (result.status, result.stdout, result.stderr)
    }

    /// The process ends as soon as the session does, without taking the tutor apart: the lock
    /// must still be released cleanly, at `quit` and at the end of the input alike, and what
    /// the session printed last must reach the pipe.
    @Test func aSessionEndsWithTheLockReleasedCleanlyAndItsLastWordsPrinted() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        for input in ["start intro\n\na\nquit\n", "continue\n"] {
            let session = try run(input)
            #expect(session.status == 0)
            #expect(session.out.hasSuffix("Goodbye.\n"), "\(session.out.suffix(200))")
            #expect(!session.err.contains("Took over the profile lock"), "\(session.err)")
            let lock = try Data(contentsOf: home.appending(path: "profiles/default/lock"))
            #expect(lock.isEmpty, "the holder is written while the lock is held and cleared when it is released")
        }
    }

    @Test func aFullDiskIsReportedTheSessionGoesOnAndTheSavedFileStaysIntact() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let first = try run("start intro\n\na\nquit\n")
        #expect(first.status == 0)
        let snapshot = home.appending(path: "profiles/default/progress.json")
        let before = try Data(contentsOf: snapshot)

        // ulimit -f 1: no file may grow past 512 bytes, so every save fails.
        let full = try run("continue\na,b,d\nprecision\nquit\n", shellPrefix: "ulimit -f 1;")
        #expect(full.status == 0)
        #expect(full.err.contains("your progress could not be saved"))
        #expect(full.err.contains("File too large"))
        #expect(full.out.components(separatedBy: "✓ Correct.").count == 3, "the session went on")
        #expect(try Data(contentsOf: snapshot) == before)

        let after = try run("continue\nquit\n")
        #expect(after.status == 0)
        #expect(!after.err.contains("damaged"))
        #expect(after.out.contains("Resuming at step 3 of 6"))
    }

    @Test func aSecondPathwayOnTheSameProfileIsToldWhoHoldsItAndSavesNothing() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let holder = try PseudoTerminal(executable: try #require(binary), arguments: ["--no-shuffle"],
                                        environment: environment().merging(["TERM": "xterm"]) { $1 })
        try #require(holder.expect("Your name (Enter to skip): "))
        holder.send("\r")
        try #require(holder.expect("(Enter to skip): "))
        holder.send("\r")
        try #require(holder.expect("pathway> "))
        let second = try run("start intro\n\na\nquit\n")
        #expect(second.status == 0)
        #expect(second.err.contains("is in use by another pathway (process \(holder.pid)"))
        #expect(second.err.contains("read-only"))
        #expect(second.out.contains("✓ Correct. Not saved: another pathway has this profile open"))
        #expect(second.out.contains("Nothing from this session was saved"))
        // Deleting the lock file lets no second writer in: the lock is on the profile folder.
        try FileManager.default.removeItem(at: home.appending(path: "profiles/default/lock"))
        let third = try run("start intro\n\na\nquit\n")
        #expect(third.err.contains("is in use by another pathway"))
        #expect(third.out.contains("Not saved"))
        holder.send("quit\r")
        #expect(holder.waitForExit() == 0)
        let saved = try String(contentsOf: home.appending(path: "profiles/default/progress.json"), encoding: .utf8)
        #expect(!saved.contains("intro-q1"), "the read-only session saved nothing")
    }
}
