import Foundation
import Testing

/// An author's pack that `requires` a shipped pack: preview, stats and validate resolve it from
/// the search path, a misspelt requirement is an error with a suggestion, and installing a
/// pack that will be disabled says so.
@Suite struct AuthorRequirementTests {
    let commands = PackCommandTests()

    func makePack(requiring id: String, in directory: URL) throws {
        let created = try commands.run(["pack", "new", "pm-eval-lab", "--out", "src/pm-eval-lab"], in: directory)
        try #require(created.status == 0, "\(created.stderr)")
        let manifest = directory.appending(path: "src/pm-eval-lab/pack.yaml")
        var text = try String(contentsOf: manifest, encoding: .utf8)
        text += "requires:\n  - id: \"\(id)\"\n    version: \">=1.0.0\"\n"
        try text.write(to: manifest, atomically: true, encoding: .utf8)
    }

    @Test func aPackRequiringAShippedPackPreviewsCountsAndValidates() throws {
        let directory = try commands.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try makePack(requiring: "ai-pm-fundamentals", in: directory)
        let validated = try commands.run(["pack", "validate", "src/pm-eval-lab"], in: directory)
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        let stats = try commands.run(["pack", "stats", "src/pm-eval-lab"], in: directory)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("total: 1 pack, 1 lesson, 7 graded items"))
        let binary = try #require(TerminalSessionTests.binary)
        let preview = try BinaryRun.run(binary, ["pack", "preview", "src/pm-eval-lab"], input: "quit\n", environment: [
            "PATHWAY_HOME": directory.appending(path: "data").path, "HOME": directory.path, "LANG": "C.UTF-8",
        ], directory: directory)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("Previewing Pm eval lab 0.1.0"))
    }

    @Test func aMisspeltRequirementFailsEveryCommandWithADidYouMean() throws {
        let directory = try commands.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try makePack(requiring: "ai-pm-fundamentalz", in: directory)
        let validated = try commands.run(["pack", "validate", "src/pm-eval-lab"], in: directory)
        #expect(validated.status == 1)
        #expect(validated.stderr.contains("src/pm-eval-lab/pack.yaml:"))
        #expect(validated.stderr.contains("did you mean 'ai-pm-fundamentals'?"))
        let stats = try commands.run(["pack", "stats", "src/pm-eval-lab"], in: directory)
        #expect(stats.status == 1)
        #expect(stats.stderr.contains("is not counted: needs pack 'ai-pm-fundamentalz'"))
        let binary = try #require(TerminalSessionTests.binary)
        let preview = try BinaryRun.run(binary, ["pack", "preview", "src/pm-eval-lab"], input: "quit\n", environment: [
            "PATHWAY_HOME": directory.appending(path: "data").path, "HOME": directory.path, "LANG": "C.UTF-8",
        ], directory: directory)
        #expect(preview.status == 1)
        #expect(preview.stderr.contains("cannot be previewed: disabled: needs pack 'ai-pm-fundamentalz'"))
        let installed = try commands.run(["pack", "install", "src/pm-eval-lab"], in: directory)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stderr.contains("warning: pack 'pm-eval-lab' is installed but disabled: needs pack 'ai-pm-fundamentalz'"))
        #expect(installed.stdout.contains("will not be offered to learners"))
    }
}
