import Foundation
import Testing

/// `pathway sync` and `pathway report cohort --lrs` against a real LRS (Ralph 5.1.0 on loopback).
@Suite(.serialized, .enabled(if: RalphServer.enabled, "needs Ralph: scripts/lrs-server.sh install (CI installs it and always runs these)"))
struct LRSSyncTests {
    /// Answers `b` twice to the first question (the same answer within one second), `a,b` twice
    /// and `recall` twice: same-second repeats, then finishes two lessons.
    static let session = "start intro\n\nb\nb\na\nhint\na,b\na,b\na,b,d\nrecall\nrecall\nprecision\n0.25\nMy bike\n.\n1\nnext\n\nfalse\nquit\n"

    let home = FileManager.default.temporaryDirectory.appending(path: "pathway-lrs-e2e-\(UUID().uuidString)")
    var passwordFile: URL { home.appending(path: "lrs-password") }

    init() throws {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Data((RalphServer.password + "\n").utf8).write(to: passwordFile)
    }

    /// Runs pathway on this test's data folder; `environment` adds to (or replaces) its variables.
    func pathway(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> BinaryRun {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        return try BinaryRun.run(binary, arguments, input: input, environment: [
            "PATHWAY_HOME": home.appending(path: "data").path, "PATHWAY_CURRICULA": TerminalSessionTests.fixtures.path,
            "HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
        ].merging(environment) { _, new in new })
    }

    /// A learner who did the session, with a name and an account.
    func learner(_ profile: String, _ identity: [[String]]) throws {
        for setting in identity { #expect(try pathway(["profile", "set"] + setting + ["--profile", profile]).status == 0) }
        #expect(try pathway(["--no-shuffle", "--profile", profile], input: Self.session).status == 0)
    }

    func statementIDs(_ profile: String) throws -> [String] {
        let export = try pathway(["report", "--format", "xapi", "--profile", profile])
        let statements = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        return statements.compactMap { $0["id"] as? String }
    }

    func sync(_ arguments: [String]) throws -> BinaryRun { try pathway(["sync"] + arguments) }

    @Test func twoLearnersWithSameSecondRepeatsAreEveryOneStoredAndTheCohortMatchesTheFiles() async throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let server = RalphServer(directory: home.appending(path: "lrs"))
        try await server.start()
        defer { server.stop() }
        try learner("alice", [["name", "Alice Example"], ["account", "alice-01", "--home-page", "https://lms.example.edu"]])
        try learner("bob", [["email", "bob@example.org"]])

        // The exports hold same-second repeats of one answer, each with its own id, across learners too.
        let alice = try statementIDs("alice"), bob = try statementIDs("bob")
        #expect(Set(alice).count == alice.count && Set(bob).count == bob.count && Set(alice).isDisjoint(with: bob))
        let export = try pathway(["report", "--format", "xapi", "--profile", "alice"]).stdout
        let statements = try #require(try JSONSerialization.jsonObject(with: Data(export.utf8)) as? [[String: Any]])
        let answers = statements.filter { (($0["verb"] as? [String: Any])?["id"] as? String)?.hasSuffix("answered") == true }
            .map { "\(($0["object"] as? [String: Any])?["id"] ?? "") \($0["timestamp"] ?? "") \(($0["result"] as? [String: Any])?["response"] ?? "")" }
        #expect(Set(answers).count < answers.count, "the session should repeat an answer within one second")

        let first = try sync(["--profile", "alice", "--lrs", server.endpoint, "--user", RalphServer.user, "--password-file", passwordFile.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Sent \(alice.count) statements in 1 batch to \(server.endpoint): \(alice.count) stored, 0 already there."))
        let second = try sync(["--profile", "bob"])
        #expect(second.stdout.contains("\(bob.count) stored, 0 already there."), "\(second.stdout)\(second.stderr)")
        var held = try await server.statements()
        #expect(held.count == alice.count + bob.count)
        #expect(Set(held.compactMap { $0["id"] as? String }) == Set(alice + bob))
        print("LRS two learners: posted \(alice.count + bob.count), stored \(held.count), duplicated \(held.count - Set(held.compactMap { $0["id"] as? String }).count)")
        #expect(!first.stdout.contains(RalphServer.password) && !first.stderr.contains(RalphServer.password))

        // Again: nothing to send. With the acknowledgements lost, the LRS recognises every id.
        #expect(try sync(["--profile", "alice"]).stdout.contains("Nothing to send: the LRS holds all \(alice.count) statements."))
        try FileManager.default.removeItem(at: home.appending(path: "data/profiles/alice/sync"))
        let resent = try sync(["--profile", "alice"])
        #expect(resent.stdout.contains("0 stored, \(alice.count) already there."), "\(resent.stdout)")
        held = try await server.statements()
        #expect(held.count == alice.count + bob.count)

        // The cohort read back from the LRS is the cohort from the exported files.
        let files = home.appending(path: "class")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        for profile in ["alice", "bob"] {
            #expect(try pathway(["progress", "export", files.appending(path: "\(profile).json").path, "--profile", profile]).status == 0)
        }
        // Byte for byte, with the time of writing fixed.
        let fixedTime = ["SOURCE_DATE_EPOCH": "1767225600"]
        for arguments in [["--format", "json"], ["--format", "csv"], ["--format", "csv", "--table", "items"],
                          ["--format", "csv", "--table", "statistics"], ["--format", "html"]] {
            let fromFiles = try pathway(["report", "cohort", files.path] + arguments, environment: fixedTime)
            let fromLRS = try pathway(["report", "cohort", "--lrs", server.endpoint] + arguments, environment: fixedTime)
            #expect(fromLRS.status == 0, "\(fromLRS.stderr)")
            #expect(!fromLRS.stdout.isEmpty && fromLRS.stdout == fromFiles.stdout, "\(arguments)")
            if !arguments.contains("--table") { #expect(fromLRS.stdout.contains("Alice Example") && fromLRS.stdout.contains("bob@example.org")) }
        }
        let json = try pathway(["report", "cohort", "--lrs", server.endpoint, "--format", "json", "--activity", "sample"])
        #expect(json.stdout.contains("\"learnerCount\" : 2"))
        // Nothing in the period: both learners are listed with nothing, as their files list them.
        let none = try pathway(["report", "cohort", "--lrs", server.endpoint, "--format", "json", "--since", "2999-01-01"])
        #expect(none.stdout.contains("\"learnerCount\" : 2") && none.stdout.contains("\"attempts\" : 0"))
    }

    @Test func statementsQueuedWhileTheLRSIsDownAreSentWhenItIsBack() async throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let server = RalphServer(directory: home.appending(path: "lrs"))
        try await server.start()
        let port = server.port
        server.stop()
        try learner("alice", [])
        let ids = try statementIDs("alice")

        let down = try sync(["--profile", "alice", "--lrs", server.endpoint, "--user", RalphServer.user, "--password-file", passwordFile.path,
                             "--retries", "1"])
        #expect(down.status == 1)
        #expect(down.stderr.contains("cannot reach the LRS") && down.stderr.contains("stays queued"), "\(down.stderr)")
        let status = try sync(["--profile", "alice", "--status"])
        #expect(status.stdout.contains("Queued: \(ids.count) statements; sent: 0 of \(ids.count)"), "\(status.stdout)")
        #expect(status.stdout.contains("Last error: cannot reach the LRS"))

        try await server.start(port: port)
        defer { server.stop() }
        let up = try sync(["--profile", "alice"])
        #expect(up.stdout.contains("\(ids.count) stored, 0 already there."), "\(up.stdout)\(up.stderr)")
        #expect(try sync(["--profile", "alice", "--status"]).stdout.contains("Queued: 0 statements; sent: \(ids.count) of \(ids.count)"))
        let held = try await server.statements()
        #expect(held.count == ids.count)
        print("LRS queue then send: queued \(ids.count) while down, then posted \(ids.count), stored \(held.count)")
    }

    @Test func aWrongPasswordIsSaidClearlyAndNothingIsLost() async throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let server = RalphServer(directory: home.appending(path: "lrs"))
        try await server.start()
        defer { server.stop() }
        try learner("alice", [])
        let ids = try statementIDs("alice")
        let wrong = home.appending(path: "wrong-password")
        try Data("not-the-Password-42\n".utf8).write(to: wrong)

        let refused = try sync(["--profile", "alice", "--lrs", server.endpoint, "--user", RalphServer.user, "--password-file", wrong.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the LRS refused the credentials (HTTP 401): check the user 'teacher' and the password file"))
        #expect(!(refused.stdout + refused.stderr).contains("not-the-Password-42"))
        let config = try String(contentsOf: home.appending(path: "data/lrs.json"), encoding: .utf8)
        #expect(!config.contains("not-the-Password-42"))
        let attributes = try FileManager.default.attributesOfItem(atPath: home.appending(path: "data/lrs.json").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try await server.statements().isEmpty)
        #expect(try sync(["--profile", "alice", "--status"]).stdout.contains("Queued: \(ids.count) statements"))

        let accepted = try sync(["--profile", "alice", "--password-file", passwordFile.path])
        #expect(accepted.stdout.contains("\(ids.count) stored"), "\(accepted.stdout)\(accepted.stderr)")
        #expect(try await server.statements().count == ids.count)
    }

    @Test func aSyncKilledHalfwayIsFinishedByTheNextWithNoDuplicates() async throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let server = RalphServer(directory: home.appending(path: "lrs"))
        try await server.start()
        defer { server.stop() }
        // 600 answers, sent 6 to a batch: the sync takes long enough to be killed in the middle.
        try Self.writeProgress(profile: "kim", answers: 600, in: home.appending(path: "data"))
        let ids = try statementIDs("kim")
        #expect(ids.count >= 600)
        #expect(try sync(["--profile", "kim", "--lrs", server.endpoint, "--user", RalphServer.user, "--password-file", passwordFile.path,
                          "--batch-size", "6", "--dry-run"]).status == 0)

        let binary = try #require(TerminalSessionTests.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["sync", "--profile", "kim"]
        process.environment = ["PATHWAY_HOME": home.appending(path: "data").path, "PATHWAY_CURRICULA": TerminalSessionTests.fixtures.path,
                               "HOME": home.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let sync = home.appending(path: "data/profiles/kim/sync")
        var acknowledged = 0
        for _ in 0..<600 {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: sync.path))?.filter { $0.hasPrefix("acknowledged-") } ?? []
            acknowledged = files.compactMap { try? String(contentsOf: sync.appending(path: $0), encoding: .utf8) }
                .reduce(0) { $0 + $1.split(separator: "\n").count }
            if acknowledged >= 30 || !process.isRunning { break }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        #expect(process.isRunning, "the sync finished before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(acknowledged > 0 && acknowledged < ids.count)

        let next = try self.sync(["--profile", "kim", "--batch-size", "500"])
        #expect(next.status == 0, "\(next.stderr)")
        let held = try await server.statements()
        let heldIDs = held.compactMap { $0["id"] as? String }
        #expect(heldIDs.count == ids.count && Set(heldIDs) == Set(ids))
        print("LRS killed sync: \(acknowledged) acknowledged before SIGKILL; after the next sync the LRS holds \(heldIDs.count) of \(ids.count), \(heldIDs.count - Set(heldIDs).count) duplicated")
    }

    /// A progress file with `answers` attempts at the sample pack's first question, the same second.
    static func writeProgress(profile: String, answers: Int, in data: URL) throws {
        let directory = data.appending(path: "profiles/\(profile)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let attempts = (0..<answers).map { index in
            "{\"answer\":\"\(index % 2 == 0 ? "Carrot" : "Potato")\",\"at\":\"2026-01-05T09:00:00Z\",\"correct\":false,\"hintsUsed\":0,\"seconds\":1.5}"
        }.joined(separator: ",")
        let json = """
        {"schemaVersion":2,"profile":"\(profile)","createdAt":"2026-01-05T09:00:00Z","updatedAt":"2026-01-05T09:00:00Z",\
        "lessons":{"sample/intro":{"position":1,"completed":false,"startedAt":"2026-01-05T09:00:00Z","lastVisitedAt":"2026-01-05T09:00:00Z"}},\
        "items":{"sample/intro-q1":{"attempts":[\(attempts)],"hintsUsed":0,"skipped":false,"revealed":false,"secondsSpent":\(Double(answers) * 1.5)}},\
        "reflections":{},"cards":{},"journalSequence":0}
        """
        try Data(json.utf8).write(to: directory.appending(path: "progress.json"))
    }
}
