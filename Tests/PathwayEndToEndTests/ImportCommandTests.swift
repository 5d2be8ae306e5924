import Foundation
import Testing

/// `pathway pack import-gift` and `import-aiken`: where module and lesson ids come from, and
/// re-importing a renamed file with `--update`.
@Suite struct ImportCommandTests {
    let pack = PackCommandTests()

    func write(_ text: String, _ name: String, in directory: URL) throws {
        try text.write(to: directory.appending(path: name), atomically: true, encoding: .utf8)
    }

    func files(_ folder: String, in directory: URL) -> [String] {
        let root = directory.appending(path: folder)
        return ((FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static let bank = """
        Which metric counts false positives among predicted positives? {=precision ~recall ~accuracy}

        Models drift after launch. {T}
        """

    @Test func withoutACategoryTheOutputSaysTheIdsComeFromThePackID() throws {
        let directory = try pack.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(Self.bank, "week 1.gift", in: directory)
        let imported = try pack.run(["pack", "import-gift", "week 1.gift", "--id", "metrics"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("module 'metrics' and lesson 'metrics-questions' are named after the pack id"), "\(imported.stdout)")
        #expect(files("metrics", in: directory) == ["lessons/metrics-questions.yaml", "modules/metrics.yaml", "pack.yaml"])
    }

    /// Without --id the pack id, and so every id in the pack, is made from the file name: the
    /// output says so and how to choose it.
    @Test func aPackIDFromTheFileNameIsNamedAsSuch() throws {
        let directory = try pack.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write("Which is a metric?\nA) Recall\nB) Lunch\nANSWER: A\n", "Week 1.aiken", in: directory)
        let imported = try pack.run(["pack", "import-aiken", "Week 1.aiken"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Pack id 'week-1' is made from the file name; choose it with --id"), "\(imported.stdout)")
        let named = try pack.run(["pack", "import-aiken", "Week 1.aiken", "--id", "w1"], in: directory)
        #expect(!named.stdout.contains("made from the file name"))
    }

    @Test func moduleAndLessonFlagsNameThem() throws {
        let directory = try pack.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(Self.bank, "bank.gift", in: directory)
        let imported = try pack.run(["pack", "import-gift", "bank.gift", "--id", "metrics", "--module", "metrics-basics", "--module-title", "Basics",
                                     "--lesson", "metrics-first", "--lesson-title", "First questions"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!imported.stdout.contains("named after the pack id"))
        #expect(files("metrics", in: directory) == ["lessons/metrics-first.yaml", "modules/metrics-basics.yaml", "pack.yaml"])
        let module = try String(contentsOf: directory.appending(path: "metrics/modules/metrics-basics.yaml"), encoding: .utf8)
        #expect(module.contains("title: \"Basics\""))

        try write("Which is a metric?\nA) Recall\nB) Lunch\nANSWER: A\n", "q.aiken", in: directory)
        let aiken = try pack.run(["pack", "import-aiken", "q.aiken", "--id", "q", "--module", "m", "--lesson", "l"], in: directory)
        #expect(aiken.status == 0, "\(aiken.stderr)")
        #expect(files("q", in: directory) == ["lessons/l.yaml", "modules/m.yaml", "pack.yaml"])

        let bad = try pack.run(["pack", "import-gift", "bank.gift", "--id", "x", "--module", "Not Valid"], in: directory)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("'Not Valid' is not a valid module id"), "\(bad.stderr)")
    }

    @Test func updateAfterRenamingTheFileKeepsEveryID() throws {
        let directory = try pack.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(Self.bank, "quiz.gift", in: directory)
        #expect(try pack.run(["pack", "import-gift", "quiz.gift", "--id", "quiz", "--out", "course"], in: directory).status == 0)
        let before = files("course", in: directory)
        let lessonBefore = try String(contentsOf: directory.appending(path: "course/lessons/quiz-questions.yaml"), encoding: .utf8)

        // Renamed and edited: one added space changes the first question's hashed id.
        try FileManager.default.removeItem(at: directory.appending(path: "quiz.gift"))
        try write(Self.bank.replacingOccurrences(of: "counts false", with: "counts  false"), "Quiz final (v2).gift", in: directory)
        let updated = try pack.run(["pack", "import-gift", "Quiz final (v2).gift", "--out", "course", "--update"], in: directory)
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout.contains("pack id 'quiz' from the earlier import"), "\(updated.stdout)")
        #expect(updated.stdout.contains("1 question by id, 1 by their text"), "\(updated.stdout)")
        #expect(files("course", in: directory) == before)
        let lessonAfter = try String(contentsOf: directory.appending(path: "course/lessons/quiz-questions.yaml"), encoding: .utf8)
        let stepIDs = { (text: String) in text.split(separator: "\n").filter { $0.contains("    id: ") } }
        #expect(stepIDs(lessonAfter) == stepIDs(lessonBefore))

        let otherID = try pack.run(["pack", "import-gift", "Quiz final (v2).gift", "--id", "quiz2", "--out", "course", "--update"], in: directory)
        #expect(otherID.status == 1)
        #expect(otherID.stderr.contains("the earlier import in course has pack id 'quiz'"), "\(otherID.stderr)")
        let noFolder = try pack.run(["pack", "import-gift", "Quiz final (v2).gift", "--update"], in: directory)
        #expect(noFolder.status == 1)
        #expect(noFolder.stderr.contains("--update needs the folder of the earlier import"), "\(noFolder.stderr)")
    }
}
