import Foundation

extension FuzzTargets {
    /// The journaled store on a real folder: the bytes are the journal (torn tails, damaged
    /// lines, huge sequence numbers, anything) beside a good snapshot. Loading must not crash,
    /// a change recorded after loading must be found by the next load, and everything the first
    /// load found must still be there. A broken promise stops the process, so the fuzzer reports
    /// it like a crash.
    public static func journal(_ data: Data) {
        let folder = FileManager.default.temporaryDirectory.appending(path: "pathway-fuzz-journal-\(UUID().uuidString)")
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        var base = LearnerProgress(profile: "fuzz", now: t0)
        base.items["p/base"] = ItemRecord()
        guard (try? JournaledProgressStore(directory: folder).save(base)) != nil,
              (try? data.write(to: folder.appending(path: "journal.jsonl"))) != nil else { return }
        let store = JournaledProgressStore(directory: folder)
        guard let loaded = try? store.load() else { return }
        var recorded = RecordedProgress(loaded)
        recorded.update(.items, "p/after-load", default: ItemRecord()) {
            $0.attempts.append(Attempt(answer: "confirmed", correct: true, at: t0, seconds: 1, hintsUsed: 0))
        }
        guard (try? store.record(recorded.changes, of: recorded.progress)) != nil else { return }
        guard let again = try? JournaledProgressStore(directory: folder).load() else {
            fatalError("a journal that loaded once no longer loads after one more entry")
        }
        guard again.items["p/after-load"]?.attempts.first?.answer == "confirmed" else {
            fatalError("the change recorded after loading was lost")
        }
        for (key, record) in loaded.records.items where again.items[key] != record {
            fatalError("\(key) changed after one more entry was recorded")
        }
    }
}
