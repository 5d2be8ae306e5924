import Foundation
import Testing

/// `pathway pack new`, `import-gift`, `import-aiken`, `pack`, `install` and `remove`, run as a
/// pack author would run them.
@Suite struct PackCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built binary in `directory` with PATHWAY_HOME set to `directory/data`.
    func run(_ arguments: [String], in directory: URL) throws -> Run {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        let result = try BinaryRun.run(binary, arguments, environment: [
            "PATHWAY_HOME": directory.appending(path: "data").path, "HOME": directory.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
        ], directory: directory)
        return Run(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "pathway-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aNewPackPassesValidateThenZipsInstallsAndIsRemoved() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let created = try run(["pack", "new", "starter"], in: directory)
        #expect(created.status == 0, "\(created.stderr)")
        let validated = try run(["pack", "validate", "--strict", "starter"], in: directory)
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stdout.contains("1 pack checked: 0 errors, 0 warnings."))

        let zipped = try run(["pack", "pack", "starter"], in: directory)
        #expect(zipped.status == 0, "\(zipped.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.appending(path: "starter-0.1.0.zip").path))
        let installed = try run(["pack", "install", "starter-0.1.0.zip"], in: directory)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("Installed pack 'starter' 0.1.0"))
        let again = try run(["pack", "install", "starter-0.1.0.zip"], in: directory)
        #expect(again.status == 1)
        #expect(again.stderr.contains("use --force"))
        let listed = try run(["pack", "list"], in: directory)
        #expect(listed.stdout.contains("starter"))
        let removed = try run(["pack", "remove", "starter"], in: directory)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appending(path: "data/packs").path).isEmpty)
    }

    @Test func importGiftPrintsCompilerStyleDiagnosticsAndWritesALoadablePack() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gift = "::Good::Is it?{T}\n\n::Partial::Name it.{=a =%50%b}\n\n::Broken::Only one?{~a}\n"
        try gift.write(to: directory.appending(path: "bank.gift"), atomically: true, encoding: .utf8)
        let imported = try run(["pack", "import-gift", "bank.gift", "--id", "bank", "--out", "out"], in: directory)
        // A question was left out: the pack is written, and the exit status says so.
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("bank.gift:3:25: warning: partial credit (50%) for 'b'"), "\(imported.stderr)")
        #expect(imported.stderr.contains("bank.gift:5:1: error: a multiple-choice question needs at least two answers"), "\(imported.stderr)")
        #expect(imported.stdout.contains("Wrote pack 'bank' to out"))
        let validated = try run(["pack", "validate", "out"], in: directory)
        #expect(validated.status == 0, "\(validated.stderr)")

        try "Which is a metric?\nA) Recall\nB) Lunch\nANSWER: A\n".write(to: directory.appending(path: "q.aiken"), atomically: true, encoding: .utf8)
        let aiken = try run(["pack", "import-aiken", "q.aiken"], in: directory)
        #expect(aiken.status == 0, "\(aiken.stderr)")
        #expect(try run(["pack", "validate", "q"], in: directory).status == 0)
    }

    /// A missing-word question keeps its blank on the learner's screen.
    @Test func anImportedMissingWordShowsItsBlankInTheREPL() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Grant is buried in {=Grant} tomb.\n".write(to: directory.appending(path: "grant.gift"), atomically: true, encoding: .utf8)
        let imported = try run(["pack", "import-gift", "grant.gift", "--id", "grant", "--out", "grant"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        let binary = try #require(TerminalSessionTests.binary)
        let preview = try BinaryRun.run(binary, ["pack", "preview", "grant"], input: "Grant\nquit\n", environment: [
            "PATHWAY_HOME": directory.appending(path: "data").path, "HOME": directory.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
        ], directory: directory)
        #expect(preview.stdout.contains("Grant is buried in _____ tomb."), "\(preview.stdout)")
        #expect(preview.stdout.contains("✓ Correct."), "\(preview.stdout)")
    }

    @Test func aPackWithErrorsIsNotZipped() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try run(["pack", "new", "broken"], in: directory).status == 0)
        try "format: 1\nid: broken\n".write(to: directory.appending(path: "broken/pack.yaml"), atomically: true, encoding: .utf8)
        let zipped = try run(["pack", "pack", "broken", "--out", "b.zip"], in: directory)
        #expect(zipped.status == 1)
        #expect(zipped.stderr.contains("broken/pack.yaml"))
        #expect(zipped.stderr.contains("error:"))
        #expect(!FileManager.default.fileExists(atPath: directory.appending(path: "b.zip").path))
    }
}
