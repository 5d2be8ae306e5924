import Foundation
import Testing

/// `pathway pack diff OLD NEW` on folders and zips, and `pack install` showing the diff when
/// it replaces a version.
@Suite struct PackDiffCommandTests {
    let commands = PackCommandTests()

    func write(_ directory: URL, _ folder: String, version: String, answer: String, revision: Int) throws {
        let root = directory.appending(path: folder)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "format: 1\nid: lab\ntitle: Lab\nversion: \(version)\nauthors: [A]\ndescription: D\nlicense: L\nmodules: [m.yaml]\n"
            .write(to: root.appending(path: "pack.yaml"), atomically: true, encoding: .utf8)
        try "id: m\ntitle: M\nskills: [s]\nlessons: [l.yaml]\n".write(to: root.appending(path: "m.yaml"), atomically: true, encoding: .utf8)
        try """
            id: l
            title: L
            steps:
              - {type: short_text, id: q-metric, revision: \(revision), prompt: Which metric?, explanation: E, answers: [\(answer)]}
            """.write(to: root.appending(path: "l.yaml"), atomically: true, encoding: .utf8)
    }

    @Test func aKeyChangedUnderAKeptIdIsAnErrorUntilTheRevisionIsRaised() throws {
        let directory = try commands.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(directory, "v1", version: "1.0.0", answer: "recall", revision: 1)
        try write(directory, "v2", version: "1.1.0", answer: "precision", revision: 1)
        try write(directory, "v3", version: "1.1.0", answer: "precision", revision: 2)
        let silent = try commands.run(["pack", "diff", "v1", "v2"], in: directory)
        #expect(silent.status == 1)
        #expect(silent.stdout.contains("~ q-metric: ERROR answer key changed from 'recall' to 'precision'"))
        let zipped = try commands.run(["pack", "pack", "v1", "--out", "v1.zip"], in: directory)
        try #require(zipped.status == 0, "\(zipped.stderr)")
        let bumped = try commands.run(["pack", "diff", "v1.zip", "v3"], in: directory)
        #expect(bumped.status == 0, "\(bumped.stdout)\(bumped.stderr)")
        #expect(bumped.stdout.contains("pack 'lab' 1.0.0 -> 1.1.0"))
        #expect(bumped.stdout.contains("revision raised, so the question is asked again"))

        #expect(try commands.run(["pack", "install", "v1"], in: directory).status == 0)
        let refused = try commands.run(["pack", "install", "v2"], in: directory)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("raise its 'revision:'"))
        let replaced = try commands.run(["pack", "install", "v3"], in: directory)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout.contains("(replacing 1.0.0)"))
        #expect(replaced.stdout.contains("~ q-metric: answer key changed"))
    }
}

@Suite struct ImportUpdateCommandTests {
    let commands = PackCommandTests()

    @Test func updateKeepsIdsForceOverwritesAndANonEmptyFolderIsRefused() throws {
        let directory = try commands.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let v1 = "What is A?\nA. alpha\nB. beta\nANSWER: A\n\nWhat is B?\nA. alpha\nB. beta\nANSWER: B\n"
        try v1.write(to: directory.appending(path: "quiz.txt"), atomically: true, encoding: .utf8)
        #expect(try commands.run(["pack", "import-aiken", "quiz.txt", "--id", "quiz", "--out", "quiz"], in: directory).status == 0)
        let before = try String(contentsOf: directory.appending(path: "quiz/lessons").appending(path: try FileManager.default.contentsOfDirectory(atPath: directory.appending(path: "quiz/lessons").path)[0]), encoding: .utf8)
        try v1.replacingOccurrences(of: "What is A?", with: "What is  A ?").write(to: directory.appending(path: "quiz.txt"), atomically: true, encoding: .utf8)
        let refused = try commands.run(["pack", "import-aiken", "quiz.txt", "--id", "quiz", "--out", "quiz"], in: directory)
        #expect(refused.status == 1 && refused.stderr.contains("use --update"))
        let updated = try commands.run(["pack", "import-aiken", "quiz.txt", "--id", "quiz", "--out", "quiz", "--update"], in: directory)
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout.contains("1 question by id, 1 by their text"))
        let lessons = directory.appending(path: "quiz/lessons")
        let after = try String(contentsOf: lessons.appending(path: try FileManager.default.contentsOfDirectory(atPath: lessons.path)[0]), encoding: .utf8)
        let ids = { (text: String) in text.split(separator: "\n").filter { $0.contains("id: ") } }
        #expect(ids(after) == ids(before))
        let forced = try commands.run(["pack", "import-aiken", "quiz.txt", "--id", "quiz", "--out", "quiz", "--force"], in: directory)
        #expect(forced.status == 0, "\(forced.stderr)")
    }
}
