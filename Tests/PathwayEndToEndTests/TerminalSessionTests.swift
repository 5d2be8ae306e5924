import Foundation
import Testing

/// The built `pathway` binary, driven through a pseudo-terminal as a learner would use it.
@Suite(.serialized) struct TerminalSessionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appending(path: "Tests/PathwayCoreTests/Fixtures/good")

    /// The binary next to this test bundle (both are built by `swift build --build-tests`).
    static var binary: String? {
        var candidates = [Bundle.main.bundleURL.deletingLastPathComponent().appending(path: "pathway"),
                          Bundle.main.bundleURL.appending(path: "pathway")]
        for configuration in ["debug", "release"] {
            candidates.append(repository.appending(path: ".build/\(configuration)/pathway"))
        }
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func environment(home: URL) -> [String: String] {
        ["PATHWAY_HOME": home.path, "PATHWAY_CURRICULA": Self.fixtures.path, "TERM": "xterm-256color",
         "HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    }

    @Test func answerWithReadlineCancelALineQuitWithCtrlDAndResume() throws {
        let binary = try #require(Self.binary, "build pathway first")
        let home = FileManager.default.temporaryDirectory.appending(path: "pathway-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }

        let first = try PseudoTerminal(executable: binary, arguments: ["--no-shuffle"], environment: environment(home: home))
        // A new profile is asked once for a name and an account; both may be skipped.
        try #require(first.expect("Your name (Enter to skip): "))
        first.send("Ada Lovelace\r")
        try #require(first.expect("the account name your course gave you (Enter to skip): "))
        first.send("ada@\r")
        try #require(first.expect("That does not look like an email address"))
        first.send("\r")
        try #require(first.expect("Saved. Change it any time with: pathway profile set"))
        try #require(first.expect("pathway> "))
        // Tab completes the command word.
        first.send("sta\t")
        try #require(first.expect("start "))
        first.send("intro\r")
        try #require(first.expect("Press Enter to continue."))
        first.send("\r")
        try #require(first.expect("answer> "))
        first.send("a\r")
        try #require(first.expect("Correct."))
        try #require(first.expect("answer> "))
        // Ctrl-C throws a half-typed line away; the program keeps running.
        first.send("b,c")
        try #require(first.expect("b,c"))
        first.send("\u{03}")
        let sawNotice = first.expect("Ctrl-C clears the line")
        try #require(sawNotice, "output: \(first.output.suffix(400).debugDescription)")
        try #require(first.expect("answer> "))
        first.send("a,b,d\r")
        try #require(first.expect("Correct."))
        try #require(first.expect("answer> "))
        // Ctrl-D on an empty line ends the session cleanly.
        first.send("\u{04}")
        try #require(first.expect("Progress saved"))
        #expect(first.waitForExit() == 0)

        let history = try String(contentsOf: home.appending(path: "history"), encoding: .utf8)
        #expect(history.contains("start intro"))
        #expect(!history.contains("b,c"))
        #expect(!history.contains("Ada Lovelace"))
        let identity = try String(contentsOf: home.appending(path: "profiles/default/identity.json"), encoding: .utf8)
        #expect(identity.contains("\"displayName\" : \"Ada Lovelace\""))

        let second = try PseudoTerminal(executable: binary, arguments: ["--no-shuffle"], environment: environment(home: home))
        try #require(second.expect("pathway> "))
        second.send("continue\r")
        try #require(second.expect("Resuming at step 4 of 6."))
        try #require(second.expect("What metric is TP / (TP + FP)?"))
        second.send("quit\r")
        #expect(second.waitForExit() == 0)
    }

    @Test func pipedAnswersPrintNoPromptsOrEchoes() throws {
        let binary = try #require(Self.binary, "build pathway first")
        let home = FileManager.default.temporaryDirectory.appending(path: "pathway-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let piped = try BinaryRun.run(binary, ["--no-shuffle"], input: "start intro\n\na\nquit\n", environment: environment(home: home))
        let text = piped.stdout
        #expect(piped.status == 0)
        #expect(text.contains("✓ Correct."))
        #expect(!text.contains("pathway> "))
        #expect(!text.contains("answer> "))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func versionHelpAndAnUnreadableProgressFile() throws {
        let binary = try #require(Self.binary, "build pathway first")
        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String, String) {
            let result = try BinaryRun.run(binary, arguments, environment: environment)
            return (result.status, result.stdout, result.stderr)
        }
        let (versionStatus, version, _) = try run(["--version"])
        #expect(versionStatus == 0)
        #expect(version.contains("0."))
        let (_, help, _) = try run(["--help"])
        #expect(help.contains("--data-dir"))
        #expect(help.contains("pack"))

        let home = FileManager.default.temporaryDirectory.appending(path: "pathway-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appending(path: "profiles/default/progress.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: file)
        // A damaged snapshot is kept aside, never overwritten, and the learner is told where.
        let (status, _, stderr) = try run([], environment: environment(home: home))
        #expect(status == 0)
        #expect(stderr.contains("is damaged"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
            .filter { $0.hasPrefix("progress.json.damaged-") }
        #expect(kept.count == 1)
        #expect(try String(contentsOf: file.deletingLastPathComponent().appending(path: kept[0]), encoding: .utf8) == "{ not json")

        // A newer schema is refused and left alone.
        try Data("{\"schemaVersion\": 7}".utf8).write(to: file)
        let (newerStatus, _, newerErr) = try run([], environment: environment(home: home))
        #expect(newerStatus == 1)
        #expect(newerErr.contains("newer Pathway"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "{\"schemaVersion\": 7}")
    }
}
