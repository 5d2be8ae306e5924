import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Automatic sync after a completed lesson (`pathway sync --auto-sync on`), driven through the
/// built binary on a pseudo-terminal: the statements reach an LRS that answers without a
/// `pathway sync`, and an LRS that never answers does not hold up the REPL or lose anything.
@Suite(.serialized) struct AutomaticSyncTests {
    /// The sample pack's first lesson, answered to its end ("Lesson complete.").
    static let lesson = ["start intro", "", "b", "a", "a,b,d", "recall", "precision", "0.25", "My bike because it is quiet", ".", "1"]

    let home = FileManager.default.temporaryDirectory.appending(path: "pathway-autosync-\(UUID().uuidString)")
    var passwordFile: URL { home.appending(path: "lrs-password") }
    var environment: [String: String] {
        ["PATHWAY_HOME": home.appending(path: "data").path, "PATHWAY_CURRICULA": TerminalSessionTests.fixtures.path,
         "TERM": "xterm-256color", "HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    }

    init() throws {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Data((RalphServer.password + "\n").utf8).write(to: passwordFile)
        // A profile that already has a name, so the session starts at the prompt.
        #expect(try pathway(["profile", "set", "name", "Ada Example"]).status == 0)
    }

    func pathway(_ arguments: [String]) throws -> BinaryRun {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        return try BinaryRun.run(binary, arguments, environment: environment)
    }

    /// Saves `endpoint` with auto-sync on (nothing is recorded yet, so nothing is sent).
    func configure(_ endpoint: String) throws {
        let configured = try pathway(["sync", "--lrs", endpoint, "--user", RalphServer.user, "--password-file", passwordFile.path,
                                      "--auto-sync", "on", "--timeout", "1", "--retries", "0"])
        #expect(configured.status == 0, "\(configured.stdout)\(configured.stderr)")
        let config = try String(contentsOf: home.appending(path: "data/lrs.json"), encoding: .utf8)
        #expect(config.contains("autoSync") && config.contains("true"), "\(config)")
    }

    /// Starts the REPL and answers the first lesson to its end.
    func finishLesson() throws -> PseudoTerminal {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        let session = try PseudoTerminal(executable: binary, arguments: ["--no-shuffle"], environment: environment)
        try #require(session.expect("pathway> "))
        for line in Self.lesson {
            session.settle()
            session.send(line + "\r")
        }
        try #require(session.expect("Lesson complete."), "output: \(session.output.suffix(600).debugDescription)")
        return session
    }

    func exportedIDs() throws -> [String] {
        let export = try pathway(["report", "--format", "xapi"])
        let statements = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        return statements.compactMap { $0["id"] as? String }
    }

    @Test(.enabled(if: RalphServer.enabled, "needs Ralph: scripts/lrs-server.sh install (CI installs it and always runs this)"))
    func aCompletedLessonReachesTheLRSWithoutRunningSync() async throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let server = RalphServer(directory: home.appending(path: "lrs"))
        try await server.start()
        defer { server.stop() }
        try configure(server.endpoint)
        #expect(try await server.statements().isEmpty)

        let session = try finishLesson()
        // The REPL is still open: the statements arrive from the background sync alone.
        var held: [[String: Any]] = []
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            held = try await server.statements()
            if held.contains(where: Self.completesIntro) { break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        #expect(held.contains(where: Self.completesIntro), "the LRS holds \(held.count) statements, none completing the lesson")
        let answered = held.filter { Self.verb($0).hasSuffix("answered") }
        #expect(answered.count >= 5, "\(answered.count) answers stored")
        // Everything the lesson recorded is stored once, and (the LRS's answer written down by
        // the background sync) the outbox says so while the REPL is still open.
        let ids = try exportedIDs()
        let heldIDs = held.compactMap { $0["id"] as? String }
        #expect(Set(heldIDs) == Set(ids) && heldIDs.count == ids.count, "held \(heldIDs.count), exported \(ids.count)")
        var status = try pathway(["sync", "--status"])
        let acknowledgedBy = Date().addingTimeInterval(10)
        while !status.stdout.contains("Queued: 0 statements") && Date() < acknowledgedBy {
            try await Task.sleep(nanoseconds: 100_000_000)
            status = try pathway(["sync", "--status"])
        }
        #expect(status.stdout.contains("Queued: 0 statements; sent: \(ids.count) of \(ids.count)"), "\(status.stdout)\(status.stderr)")
        session.send("quit\r")
        #expect(session.waitForExit() == 0)
        print("Auto-sync: \(heldIDs.count) statements stored after the lesson, without pathway sync")
    }

    @Test func anLRSThatNeverAnswersDoesNotHoldUpTheREPLAndLosesNothing() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let silent = try SilentListener()
        try configure("http://127.0.0.1:\(silent.port)/xAPI/")

        let session = try finishLesson()
        // Once the background sync is connected and waiting for an answer (5 s timeout), the
        // next command is answered at once.
        session.settle(quiet: 0.2, timeout: 2)
        let connectedBy = Date().addingTimeInterval(4)
        while silent.connections() == 0 && Date() < connectedBy { usleep(20_000) }
        try #require(silent.connections() >= 1, "the automatic sync never reached the LRS")
        let asked = Date()
        session.send("help quit\r")
        try #require(session.expect("progress is already saved", timeout: 5), "output: \(session.output.suffix(400).debugDescription)")
        let waited = Date().timeIntervalSince(asked)
        #expect(waited < 1, "the REPL answered after \(waited) s")
        session.send("quit\r")
        let quitAsked = Date()
        #expect(session.waitForExit(timeout: 10) == 0)
        let quitWaited = Date().timeIntervalSince(quitAsked)
        #expect(quitWaited < 1, "quitting took \(quitWaited) s")

        let ids = try exportedIDs()
        #expect(!ids.isEmpty)
        let status = try pathway(["sync", "--status"])
        #expect(status.stdout.contains("Queued: \(ids.count) statements; sent: 0 of \(ids.count)"), "\(status.stdout)")
        print(String(format: "Auto-sync to a silent LRS: next reply after %.3f s, quit after %.3f s (timeout 5 s); %d statements queued",
                     waited, quitWaited, ids.count))
    }
}

/// A loopback TCP listener that accepts connections and never answers (its lock guards `accepted`).
final class SilentListener: @unchecked Sendable {
    private let socket: Int32
    private(set) var port = 0
    private let lock = NSLock()
    private var accepted: [Int32] = []

    init() throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        guard socket >= 0, bound == 0, listen(socket, 16) == 0 else { throw PseudoTerminalError("cannot listen on 127.0.0.1") }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        port = Int(UInt16(bigEndian: address.sin_port))
        let listening = socket
        Thread.detachNewThread { [self] in
            while true {
                let connection = accept(listening, nil, nil)
                if connection < 0 { return }
                lock.lock()
                accepted.append(connection)
                lock.unlock()
            }
        }
    }

    func connections() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return accepted.count
    }

    deinit {
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
        lock.lock()
        accepted.forEach { close($0) }
        lock.unlock()
    }
}

extension AutomaticSyncTests {
    static func verb(_ statement: [String: Any]) -> String { ((statement["verb"] as? [String: Any])?["id"] as? String) ?? "" }

    static func completesIntro(_ statement: [String: Any]) -> Bool {
        verb(statement).hasSuffix("completed") && (((statement["object"] as? [String: Any])?["id"] as? String) ?? "").contains("intro")
    }
}
