import Foundation
import Testing
@testable import PathwayCore

@Suite struct ProgressStoreTests {
    func sample() -> LearnerProgress {
        var progress = LearnerProgress(profile: "ada", now: Date(timeIntervalSince1970: 1_800_000_000))
        progress.current = Position(pack: "sample", lesson: "intro", step: 2, stepID: "intro-q2")
        var record = ItemRecord()
        record.attempts = [Attempt(answer: "Carrot, \"quoted\"\nnewline ü", correct: false, at: Date(timeIntervalSince1970: 1_800_000_010), seconds: 3.5, hintsUsed: 1),
                           Attempt(answer: "Apple", correct: true, at: Date(timeIntervalSince1970: 1_800_000_020), seconds: 2, hintsUsed: 1)]
        record.hintsUsed = 1
        record.secondsSpent = 5.5
        progress.items["sample/intro-q1"] = record
        progress.lessons["sample/intro"] = LessonRecord(startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        progress.reflections["sample/intro-r1"] = ReflectionRecord(artifact: "Note", text: "My text", checked: [0], savedAt: Date(timeIntervalSince1970: 1_800_000_030))
        return progress
    }

    @Test func savesAndReloadsEveryField() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = JSONProgressStore(file: dir.url.appending(path: "profiles/ada/progress.json"))
        #expect(try store.load() == nil)
        try store.save(sample())
        #expect(try store.load() == sample())
    }

    @Test func theFileIsReadableJSONWithSortedKeysAndISODates() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.url.appending(path: "progress.json")
        try JSONProgressStore(file: file).save(sample())
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"schemaVersion\" : 1"))
        #expect(text.contains("\"createdAt\" : \"2027-01-15T08:00:00Z\""))
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
        // Nothing is left beside the file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["progress.json"])
    }

    @Test func aNewerSchemaIsRefusedAndTheFileLeftAlone() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.url.appending(path: "progress.json")
        let newer = "{\"schemaVersion\": 99, \"future\": true}"
        try newer.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ProgressError.newerSchema(file.path, found: 99, supported: 1)) { try JSONProgressStore(file: file).load() }
        #expect(try String(contentsOf: file, encoding: .utf8) == newer)
    }

    @Test func aDamagedFileGivesAClearError() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.url.appending(path: "progress.json")
        try "{\"schemaVersion\": 1, \"profile\": ".write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try JSONProgressStore(file: file).load()
            Issue.record("loaded a damaged file")
        } catch let error as ProgressError {
            #expect("\(error)".contains("is damaged"))
        }
    }

    @Test func aFailedSaveLeavesThePreviousFileIntact() throws {
        let dir = TemporaryDirectory()
        defer {
            chmod(dir.url.path, 0o755)
            dir.remove()
        }
        let file = dir.url.appending(path: "progress.json")
        let store = JSONProgressStore(file: file)
        try store.save(sample())
        let before = try Data(contentsOf: file)
        chmod(dir.url.path, 0o555)
        var changed = sample()
        changed.profile = "changed"
        // root ignores directory permissions; the check is meaningful only for other users.
        if getuid() != 0 {
            #expect(throws: AtomicFileError.self) { try store.save(changed) }
            #expect(try Data(contentsOf: file) == before)
        }
    }

    @Test func dataDirectoryFollowsTheDocumentedOrder() throws {
        let explicit = try DataDirectory.resolve(explicit: "/x", environment: ["PATHWAY_HOME": "/p"])
        #expect(explicit.root.path == "/x")
        #expect(try DataDirectory.resolve(environment: ["PATHWAY_HOME": "/p", "XDG_DATA_HOME": "/d", "HOME": "/h"]).root.path == "/p")
        #expect(try DataDirectory.resolve(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]).root.path == "/d/pathway")
        #expect(try DataDirectory.resolve(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]).root.path == "/h/.local/share/pathway")
        #expect(throws: DataDirectoryError.self) { try DataDirectory.resolve(environment: [:]) }
        #expect(DataDirectory(root: URL(fileURLWithPath: "/p")).progressFile(profile: "ada").path == "/p/profiles/ada/progress.json")
    }
}
