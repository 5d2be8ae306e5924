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

    func changes(items: [ProgressKey] = [], lessons: [ProgressKey] = [], reflections: [ProgressKey] = [], current: Bool = false) -> ChangeSet {
        var set = ChangeSet()
        for key in items { set.insert(key, in: .items) }
        for key in lessons { set.insert(key, in: .lessons) }
        for key in reflections { set.insert(key, in: .reflections) }
        if current { set.insertCurrent() }
        return set
    }

    @Test func snapshotsSaveAndReloadEveryField() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = JournaledProgressStore(directory: dir.url.appending(path: "profiles/ada"))
        #expect(try store.load() == nil)
        try store.save(sample())
        var expected = sample()
        expected.schemaVersion = LearnerProgress.currentSchemaVersion
        #expect(try JournaledProgressStore(directory: store.directory).load() == expected)
    }

    @Test func theSnapshotIsReadableJSONWithSortedKeysAndISODates() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = JournaledProgressStore(directory: dir.url)
        try store.save(sample())
        let text = try String(contentsOf: dir.url.appending(path: "progress.json"), encoding: .utf8)
        #expect(text.contains("\"schemaVersion\" : 2"))
        #expect(text.contains("\"createdAt\" : \"2027-01-15T08:00:00Z\""))
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir.url.path)).contains { $0.hasSuffix(".tmp") })
    }

    @Test func everyRecordedChangeIsReplayedAfterACrash() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = JournaledProgressStore(directory: dir.url)
        var progress = LearnerProgress(profile: "ada", now: Date(timeIntervalSince1970: 1_800_000_000))
        try store.save(progress)
        let full = sample()
        progress.items = full.items
        try store.record(changes(items: ["sample/intro-q1"]), of: progress)
        progress.lessons = full.lessons
        progress.current = full.current
        try store.record(changes(lessons: ["sample/intro"], current: true), of: progress)
        progress.reflections = full.reflections
        try store.record(changes(reflections: ["sample/intro-r1"]), of: progress)
        // No snapshot since: a crash here must lose nothing.
        let reloaded = try #require(try JournaledProgressStore(directory: dir.url).load())
        #expect(reloaded.items == full.items)
        #expect(reloaded.lessons == full.lessons)
        #expect(reloaded.reflections == full.reflections)
        #expect(reloaded.current == full.current)
        #expect(reloaded.journalSequence == 3)
    }

    @Test func aTornLastLineIsIgnoredWithANotice() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = JournaledProgressStore(directory: dir.url)
        var progress = sample()
        try store.save(progress)
        progress.items["sample/x"] = ItemRecord()
        try store.record(changes(items: ["sample/x"]), of: progress)
        let journal = dir.url.appending(path: "journal.jsonl")
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":2,\"at\":\"2027-01-15T08:00".utf8))
        try handle.close()
        let reopened = JournaledProgressStore(directory: dir.url)
        let reloaded = try #require(try reopened.load())
        #expect(reloaded.items["sample/x"] != nil)
        #expect(reopened.notices.contains { $0.contains("partly written") })
    }

    @Test func aDamagedSnapshotIsKeptAsideAndRebuiltFromBackupAndJournal() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = JournaledProgressStore(directory: dir.url)
        var progress = sample()
        try store.save(progress)                       // becomes the backup at the next snapshot
        progress.items["sample/a"] = ItemRecord()
        try store.record(changes(items: ["sample/a"]), of: progress)
        try store.save(progress)                       // snapshot 2; journal rotated
        progress.items["sample/b"] = ItemRecord()
        try store.record(changes(items: ["sample/b"]), of: progress)
        let snapshot = dir.url.appending(path: "progress.json")
        try Data("{ \"schemaVersion\": 2, \"profile\": ".utf8).write(to: snapshot)

        let reopened = JournaledProgressStore(directory: dir.url)
        let reloaded = try #require(try reopened.load())
        #expect(reloaded.items["sample/a"] != nil)
        #expect(reloaded.items["sample/b"] != nil)
        #expect(reloaded.items["sample/intro-q1"] == progress.items["sample/intro-q1"])
        let aside = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix("progress.json.damaged-") }
        #expect(aside.count == 1)
        #expect(try String(contentsOf: dir.url.appending(path: aside[0]), encoding: .utf8).hasPrefix("{ \"schemaVersion\": 2, \"profile\": "))
        #expect(reopened.notices.contains { $0.contains("moved to") })
    }

    @Test func compactionKeepsTheJournalShortAndLosesNothing() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = JournaledProgressStore(directory: dir.url)
        store.compactAfter = 10
        var progress = LearnerProgress(profile: "ada", now: Date(timeIntervalSince1970: 1_800_000_000))
        for i in 0..<25 {
            progress.items["p/q\(i)"] = ItemRecord()
            try store.record(changes(items: ["p/q\(i)"]), of: progress)
        }
        let lines = try String(contentsOf: dir.url.appending(path: "journal.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(try JournaledProgressStore(directory: dir.url).load()?.items.count == 25)
    }

    @Test func aNewerSchemaIsRefusedAndTheFileLeftAlone() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.url.appending(path: "progress.json")
        let newer = "{\"schemaVersion\": 99, \"future\": true}"
        try newer.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ProgressError.newerSchema(file.path, found: 99, supported: 2)) { try JournaledProgressStore(directory: dir.url).load() }
        #expect(try String(contentsOf: file, encoding: .utf8) == newer)
    }

    @Test func aVersion1FileMigrates() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.copyItem(at: Fixtures.root.appending(path: "progress/schema-v1.json"), to: dir.url.appending(path: "progress.json"))
        let store = JournaledProgressStore(directory: dir.url)
        let progress = try #require(try store.load())
        #expect(progress.schemaVersion == 2)
        #expect(progress.journalSequence == 0)
        #expect(progress.items["sample/intro-q1"]?.attempts.map(\.answer) == ["Carrot", "Apple"])
        #expect(progress.current?.stepID == "intro-q2")
        try store.save(progress)
        #expect(try String(contentsOf: dir.url.appending(path: "progress.json"), encoding: .utf8).contains("\"schemaVersion\" : 2"))
    }

    @Test func aFailedAppendLeavesNoPartialLine() throws {
        let dir = TemporaryDirectory()
        defer {
            chmod(dir.url.path, 0o755)
            dir.remove()
        }
        let store = JournaledProgressStore(directory: dir.url)
        var progress = sample()
        try store.save(progress)
        let before = try Data(contentsOf: dir.url.appending(path: "progress.json"))
        chmod(dir.url.path, 0o555)
        progress.items["sample/x"] = ItemRecord()
        // root ignores directory permissions; the check is meaningful only for other users.
        if getuid() != 0 {
            #expect(throws: AtomicFileError.self) { try store.record(changes(items: ["sample/x"]), of: progress) }
            #expect(try Data(contentsOf: dir.url.appending(path: "progress.json")) == before)
        }
    }

    @Test func aSecondWriterIsToldWhoHoldsTheProfile() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let first = ProfileLock(directory: dir.url)
        #expect(try first.acquire() == .acquired)
        let second = ProfileLock(directory: dir.url)
        guard case let .heldBy(holder?) = try second.acquire() else { Issue.record("the second lock was granted"); return }
        #expect(holder.pid == getpid())
        first.release()
        #expect(try second.acquire() == .acquired)
    }

    @Test func aLockLeftByADeadProcessIsTakenOver() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try "999999\nsomewhere\n2026-01-01T00:00:00Z\n".write(to: dir.url.appending(path: "lock"), atomically: true, encoding: .utf8)
        guard case let .tookOverStale(holder) = try ProfileLock(directory: dir.url).acquire() else { Issue.record("not taken over"); return }
        #expect(holder.pid == 999999)
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
