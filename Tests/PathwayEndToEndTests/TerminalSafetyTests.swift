import Foundation
import Testing

/// Names and fields from files reach the terminal escaped: a pack folder's name, a progress
/// file's `profile` field, a progress file's name in `report cohort`.
@Suite(.serialized) struct TerminalSafetyTests {
    static let hostile = "evil\u{1B}]0;pwned\u{07}\u{1B}[31mred"

    func pathway(_ arguments: [String], home: URL, input: String = "") throws -> BinaryRun {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        return try BinaryRun.run(binary, arguments, input: input, environment: [
            "PATHWAY_HOME": home.path, "PATHWAY_CURRICULA": TerminalSessionTests.fixtures.path,
            "HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
        ])
    }

    func temporaryHome() -> URL {
        FileManager.default.temporaryDirectory.appending(path: "pathway-safety-e2e-\(UUID().uuidString)")
    }

    func expectNoEscape(_ run: BinaryRun, _ label: String) {
        let all = run.stdout + run.stderr
        #expect(!all.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(label): \(all.debugDescription)")
    }

    @Test func aPackFolderNameIsEscapedInListValidateAndAtStartUp() throws {
        let home = temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appending(path: "packs/\(Self.hostile)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("format: 1\n".utf8).write(to: folder.appending(path: "pack.yaml"))

        let listed = try pathway(["pack", "list"], home: home)
        expectNoEscape(listed, "pack list")
        #expect(listed.stdout.contains("evil\\u{1B}]0;pwned\\u{7}"))
        let validated = try pathway(["pack", "validate", folder.path], home: home)
        #expect(validated.status == 1)
        expectNoEscape(validated, "pack validate")
        let started = try pathway([], home: home, input: "quit\n")
        expectNoEscape(started, "start-up")
        #expect(started.stderr.contains("warning: pack 'evil\\u{1B}"))
    }

    @Test func aProgressFilesProfileFieldAndACohortFileNameAreEscaped() throws {
        let home = temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(try pathway(["--no-shuffle"], home: home, input: "start intro\n\nb\nquit\n").status == 0)
        let file = home.appending(path: "transfer.json")
        #expect(try pathway(["progress", "export", file.path], home: home).status == 0)
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        json["profile"] = Self.hostile
        let hostileFile = home.appending(path: "transfer-hostile.json")
        try JSONSerialization.data(withJSONObject: json).write(to: hostileFile)
        let imported = try pathway(["progress", "import", hostileFile.path, "--profile", "other"], home: home)
        #expect(imported.status == 0, "\(imported.stderr)")
        expectNoEscape(imported, "progress import")

        let broken = home.appending(path: "\(Self.hostile).json")
        try Data("{".utf8).write(to: broken)
        let cohort = try pathway(["report", "cohort", broken.path, file.path, "--format", "csv"], home: home)
        #expect(cohort.status == 0, "\(cohort.stderr)")
        #expect(cohort.stderr.contains("warning: skipped"))
        expectNoEscape(cohort, "report cohort")
    }
}
