import Foundation
import Testing

/// A class read back from a real LRS gives the same cohort report, byte for byte, as the same
/// class's exported progress files: scenarios replayed, portfolio pieces with rubric
/// self-scores, placement, a retired question, same-second repeats, and the filters.
extension LRSSyncTests {
    /// Plays the case twice (60%, then 100%), repeats a wrong answer within one second,
    /// answers the question that is retired afterwards, and revises a memo after scoring it.
    static let alice = "start refunds\n\nb\na\nagain\na\na\n\n7.5\nb,a,c\na,b,c\nb\nb\na\nfalse\ntrue\n"
        + "The memo names the users.\n.\n2\n1\ny\nThe memo names users, owners and dates.\n.\n\nquit\n"
    /// Tests out of the module by placement, then plays the case once (25%) and stops midway.
    static let bob = "placement\n7.5\na,b,c\na\nstart refunds\n\nc\nb\n\n7\n7.5\nc,b,a\nc,b,a\nskip\na\ntrue\nfalse\nfalse\nquit\n"
    /// Fails placement, loops through the case (meeting its first node twice within a second,
    /// 75%) and finishes the lesson right first time: mastered.
    static let carol = "placement\n8\nc,b,a\nb\nstart refunds\n\nc\na\na\na\n\n7.5\na,b,c\na\nfalse\ntrue\nskip\n\nquit\n"

    /// The judgment pack (a scenario, a rubric, placement) with a question that is retired
    /// after the class answered it, the sample pack, and a path for placement.
    func curricula() throws -> (folder: URL, lesson: URL, original: Data) {
        let folder = home.appending(path: "curricula")
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appending(path: "paths"), withIntermediateDirectories: true)
        let fixtures = TerminalSessionTests.fixtures.deletingLastPathComponent()
        try manager.copyItem(at: fixtures.appending(path: "judgment"), to: folder.appending(path: "judgment"))
        try manager.copyItem(at: fixtures.appending(path: "good/sample"), to: folder.appending(path: "sample"))
        try Data("format: 1\nid: judgment-path\ntitle: Judgment path\ntracks:\n  - id: cases\n    title: Cases track\n    pack: judgment\n".utf8)
            .write(to: folder.appending(path: "paths/judgment-path.yaml"))
        let lesson = folder.appending(path: "judgment/lessons/refunds.yaml")
        let original = try Data(contentsOf: lesson)
        let extra = "  - type: true_false\n    id: refund-old\n    prompt: A question about to be retired.\n    answer: true\n"
            + "    explanation: It was true.\n  - type: reflection\n"
        let text = String(decoding: original, as: UTF8.self)
        #expect(text.contains("  - type: reflection\n"))
        try Data(text.replacingOccurrences(of: "  - type: reflection\n", with: extra).utf8).write(to: lesson)
        return (folder, lesson, original)
    }

    @Test func aClassReadsTheSameFromTheLRSAsFromItsFilesByteForByte() async throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let (folder, lesson, original) = try curricula()
        let packs = ["PATHWAY_CURRICULA": folder.path]
        let server = RalphServer(directory: home.appending(path: "lrs"))
        try await server.start()
        defer { server.stop() }

        for setting in [["name", "Alice Example", "--profile", "alice"], ["account", "alice-01", "--home-page", "https://lms.example.edu", "--profile", "alice"],
                        ["email", "bob@example.org", "--profile", "bob"]] {
            #expect(try pathway(["profile", "set"] + setting, environment: packs).status == 0)
        }
        for (profile, session) in [("alice", Self.alice), ("bob", Self.bob), ("carol", Self.carol), ("dave", Self.session)] {
            let run = try pathway(["--no-shuffle", "--profile", profile], input: session, environment: packs)
            #expect(run.status == 0, "\(profile): \(run.stderr)")
        }
        // One learner's records from January, for the period filters.
        try Self.writeProgress(profile: "erin", answers: 3, in: home.appending(path: "data"))
        // The question leaves the pack: the answers to it are retired.
        try original.write(to: lesson)

        var posted = 0
        for (index, profile) in ["alice", "bob", "carol", "dave", "erin"].enumerated() {
            let ids = try Set(statementIDs(profile, environment: packs))
            let connect = index == 0 ? ["--lrs", server.endpoint, "--user", RalphServer.user, "--password-file", passwordFile.path] : []
            let sent = try pathway(["sync", "--profile", profile] + connect, environment: packs)
            #expect(sent.stdout.contains("\(ids.count) stored, 0 already there."), "\(profile): \(sent.stdout)\(sent.stderr)")
            posted += ids.count
        }
        let held = try await server.statements()
        let heldIDs = held.compactMap { $0["id"] as? String }
        #expect(heldIDs.count == posted && Set(heldIDs).count == posted)
        let verbs = Set(held.compactMap { ($0["verb"] as? [String: Any])?["id"] as? String }.map { $0.components(separatedBy: "/").last ?? "" })
        #expect(verbs.isSuperset(of: ["answered", "attempted", "completed", "responded", "passed", "failed"]))
        print("LRS class of five: posted \(posted), stored \(heldIDs.count), duplicated \(heldIDs.count - Set(heldIDs).count)")

        let files = home.appending(path: "class")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        for profile in ["alice", "bob", "carol", "dave", "erin"] {
            #expect(try pathway(["progress", "export", files.appending(path: "\(profile).json").path, "--profile", profile], environment: packs).status == 0)
        }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        let yesterday = day.string(from: Date().addingTimeInterval(-86_400))
        let reports: [[String]] = [
            ["--format", "json"], ["--format", "html"], ["--format", "csv"], ["--format", "csv", "--table", "items"],
            ["--format", "csv", "--table", "statistics"], ["--format", "csv", "--table", "scenarios"],
            ["--format", "json", "--activity", "judgment"], ["--format", "json", "--activity", "sample"],
            ["--format", "json", "--since", yesterday], ["--format", "json", "--until", "2026-02-01"],
            ["--format", "html", "--since", "2026-01-05", "--activity", "judgment"],
        ]
        let fixedTime = packs.merging(["SOURCE_DATE_EPOCH": "1767225600"]) { _, new in new }
        var identical = 0
        for arguments in reports {
            let fileArguments = arguments.map { $0 == "--activity" ? "--pack" : $0 }
            let fromFiles = try pathway(["report", "cohort", files.path] + fileArguments, environment: fixedTime)
            let fromLRS = try pathway(["report", "cohort", "--lrs", server.endpoint] + arguments, environment: fixedTime)
            #expect(fromFiles.status == 0 && fromLRS.status == 0, "\(fromFiles.stderr)\(fromLRS.stderr)")
            #expect(!fromLRS.stdout.isEmpty && fromLRS.stdout == fromFiles.stdout, "\(arguments)")
            identical += fromLRS.stdout == fromFiles.stdout ? 1 : 0
        }
        print("LRS cohort of five: \(identical) of \(reports.count) reports byte-identical from the LRS and from files")

        // What the reports hold, so that their equality is not the equality of two empty reports.
        let json = try pathway(["report", "cohort", "--lrs", server.endpoint, "--format", "json"], environment: fixedTime)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let learners = try #require(report["learners"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: learners.map { ($0["profile"] as? String ?? "", $0) })
        #expect(byName.keys.sorted() == ["Alice Example", "bob@example.org", "carol", "dave", "erin"])
        let aliceCase = try #require((byName["Alice Example"]?["scenarios"] as? [[String: Any]])?.first)
        #expect(aliceCase["runs"] as? Int == 2 && aliceCase["firstScore"] as? Double == 0.6 && aliceCase["bestScore"] as? Double == 1)
        let memo = try #require((byName["Alice Example"]?["artifacts"] as? [[String: Any]])?.first)
        #expect((memo["selfScores"] as? [[String: Any]])?.map { $0["selfScore"] as? Int } == [2, 1] && memo["revised"] as? Bool == true)
        let modules = { (name: String) in (byName[name]?["modules"] as? [[String: Any]] ?? []).filter { $0["module"] as? String == "cases" } }
        #expect(modules("bob@example.org").first?["testedOut"] as? Bool == true)
        #expect(modules("carol").first?["mastered"] as? Bool == true && modules("carol").first?["testedOut"] as? Bool == false)
        let carolCase = try #require((byName["carol"]?["scenarios"] as? [[String: Any]])?.first)
        #expect(carolCase["firstScore"] as? Double == 0.75)
        let items = try #require(report["items"] as? [[String: Any]])
        #expect(items.contains { $0["question"] as? String == "refund-old" && $0["module"] == nil && $0["learnersAnswered"] as? Int == 3 })
        let statistics = try #require(report["itemStatistics"] as? [[String: Any]])
        let choice = try #require(statistics.first { $0["question"] as? String == "refund-choice" })
        #expect((choice["choices"] as? [[String: Any]])?.compactMap { $0["count"] as? Int } == [2, 1, 0])
    }

    func statementIDs(_ profile: String, environment: [String: String]) throws -> [String] {
        let export = try pathway(["report", "--format", "xapi", "--profile", profile], environment: environment)
        let statements = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        return statements.compactMap { $0["id"] as? String }
    }
}
