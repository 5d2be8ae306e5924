import Foundation
import Testing
@testable import PathwayCore

/// Every change made through ``RecordedProgress`` is noted, and only real changes are; the
/// journal written from those notes reproduces the progress; the saved format is the one
/// files have always had.
@Suite struct RecordedProgressTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func everyKindOfChangeIsNotedAndNothingElse() {
        var recorded = RecordedProgress(LearnerProgress(profile: "ada", now: now))
        recorded.update(.items, "p/q1", default: ItemRecord()) { $0.hintsUsed = 1 }
        recorded.set(.lessons, "p/l1", to: LessonRecord(startedAt: now))
        recorded.set(.reflections, "p/r1", to: ReflectionRecord(artifact: nil, text: "t", checked: [], savedAt: now))
        recorded.set(.cards, "p/q1", to: ReviewCard(firstSeenAt: now))
        #expect(recorded.changes[.items] == ["p/q1"])
        #expect(recorded.changes[.lessons] == ["p/l1"])
        #expect(recorded.changes[.reflections] == ["p/r1"])
        #expect(recorded.changes[.cards] == ["p/q1"])
        #expect(!recorded.changes.current)

        recorded.markSaved()
        // Writing the same value again is no change.
        recorded.update(.items, "p/q1", default: ItemRecord()) { $0.hintsUsed = 1 }
        recorded.setCurrent(nil)
        #expect(recorded.changes.isEmpty)

        recorded.setCurrent(Position(pack: "p", lesson: "l1", step: 0, stepID: nil))
        #expect(recorded.remove("p/q1") == 2)
        #expect(recorded.remove("p/none") == 0)
        #expect(recorded.changes.current)
        #expect(recorded.changes.removed == ["p/q1"])
    }

    @Test func aJournalEntryOfTheNotedChangesRebuildsTheProgress() throws {
        let start = LearnerProgress(profile: "ada", now: now)
        var recorded = RecordedProgress(start)
        recorded.update(.items, "p/q1", default: ItemRecord()) {
            $0.attempts.append(Attempt(answer: "a", correct: true, at: now, seconds: 3, hintsUsed: 0))
        }
        recorded.set(.cards, "p/q1", to: ReviewCard(firstSeenAt: now))
        recorded.set(.lessons, "p/l1", to: LessonRecord(startedAt: now))
        recorded.setCurrent(Position(pack: "p", lesson: "l1", step: 2, stepID: "q1"))
        let entry = JournalEntry(seq: 1, at: now, changes: recorded.changes, from: recorded.progress)
        let line = try JSONEncoder.journal.encode(entry)
        let decoded = try SnapshotFile.decoder.decode(JournalEntry.self, from: line)
        var replayed = start
        decoded.apply(to: &replayed)
        replayed.journalSequence = 0
        #expect(replayed == recorded.progress)
        // The line keeps the format journals have always had.
        let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        #expect(Set(object.keys) == ["seq", "at", "items", "cards", "lessons", "current"])
        #expect((object["items"] as? [String: Any])?.keys.first == "p/q1")
    }

    @Test func anOldFileLoadsAndIsWrittenBackInTheSameShape() throws {
        let data = try Data(contentsOf: Fixtures.root.appending(path: "progress/schema-v1.json"))
        var progress = try SnapshotFile.decoder.decode(LearnerProgress.self, from: data)
        progress.schemaVersion = 1
        let written = try SnapshotFile.encode(progress)
        let before = try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
        let after = try #require(try JSONSerialization.jsonObject(with: written) as? NSDictionary)
        let beforeItems = try #require(before["items"] as? NSDictionary)
        #expect(after["items"] as? NSDictionary == beforeItems)
        #expect(after["lessons"] as? NSDictionary == before["lessons"] as? NSDictionary)
        #expect(progress.items[ProgressKey(pack: "sample", id: "intro-q1")]?.attempts.count == 2)
    }

    @Test(arguments: [("p/q", "p", "q"), ("pack/a/b", "pack", "a/b"), ("noslash", "", "noslash")])
    func aKeyNamesItsPackAndId(raw: String, pack: String, id: String) {
        let key = ProgressKey(rawValue: raw)
        #expect(key.pack == pack)
        #expect(key.id == id)
        #expect(ProgressKey(pack: "p", id: "q") == "p/q")
    }
}
