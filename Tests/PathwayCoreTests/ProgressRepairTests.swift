import Foundation
import Testing
@testable import PathwayCore

/// Damage found when progress is loaded is repaired without losing anything: a torn journal
/// tail is cut (and kept) before the next entry, a damaged backup is kept rather than
/// replaced, oversized sequence numbers start again, impossible times are clamped.
@Suite struct ProgressRepairTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func entry(_ seq: Int, _ key: ProgressKey, hints: Int) throws -> String {
        var progress = LearnerProgress(profile: "p", now: t0)
        var record = ItemRecord()
        record.hintsUsed = hints
        progress.items[key] = record
        var changes = ChangeSet()
        changes.insert(key, in: .items)
        return String(decoding: try JSONEncoder.journal.encode(JournalEntry(seq: seq, at: t0, changes: changes, from: progress)), as: UTF8.self)
    }

    func record(_ key: ProgressKey, in store: JournaledProgressStore, onto progress: LearnerProgress) throws -> LearnerProgress {
        var recorded = RecordedProgress(progress)
        recorded.update(.items, key, default: ItemRecord()) { $0.attempts.append(Attempt(answer: "x", correct: true, at: t0, seconds: 2, hintsUsed: 0)) }
        try store.record(recorded.changes, of: recorded.progress)
        return recorded.progress
    }

    @Test func theFirstChangeAfterATornTailIsKept() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let good = try entry(1, "p/first", hints: 1)
        let torn = String(try entry(2, "p/torn", hints: 2).prefix(40))
        try dir.write(good + "\n" + torn, to: "journal.jsonl")
        let store = JournaledProgressStore(directory: dir.url)
        let loaded = try #require(try store.load())
        _ = try record("p/confirmed", in: store, onto: loaded)
        // A later process (no clean exit in between) finds both the old entry and the new one.
        let again = try #require(try JournaledProgressStore(directory: dir.url).load())
        #expect(again.items["p/first"]?.hintsUsed == 1)
        #expect(again.items["p/confirmed"]?.attempts.count == 1)
        let copies = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix("journal.jsonl.torn-") }
        #expect(copies.count == 1)
        let copy = try String(contentsOf: dir.url.appending(path: try #require(copies.first)), encoding: .utf8)
        #expect(copy == torn)
    }

    @Test func anAppendNeverExtendsAnUnfinishedLine() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = JournaledProgressStore(directory: dir.url)
        let progress = try store.load() ?? LearnerProgress(profile: "p", now: t0)
        // The tail is torn after this store loaded (another writer, or a file copied in).
        try dir.write(try entry(1, "p/first", hints: 1) + "\n{\"seq\": 2, \"at\"", to: "journal.jsonl")
        _ = try record("p/confirmed", in: store, onto: progress)
        let again = try #require(try JournaledProgressStore(directory: dir.url).load())
        #expect(again.items["p/confirmed"] != nil)
        #expect(again.items["p/first"] != nil)
    }

    @Test func aDamagedBackupIsKeptWhenTheSnapshotReplacesIt() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let damaged = "{\"schemaVersion\": 2, \"profile\": \"p\", \"items\": {\"p/q\": [truncated"
        try dir.write(damaged, to: "progress.json.bak")
        try dir.write(String(decoding: try SnapshotFile.encode(LearnerProgress(profile: "p", now: t0)), as: UTF8.self), to: "progress.json")
        // Two runs, each saving on exit.
        for _ in 0..<2 {
            let store = JournaledProgressStore(directory: dir.url)
            let progress = try #require(try store.load())
            try store.save(try record("p/q\(Int.random(in: 0...1000))", in: store, onto: progress))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        let kept = try names.filter { $0.hasPrefix("progress.json.bak.damaged-") }
            .map { try String(contentsOf: dir.url.appending(path: $0), encoding: .utf8) }
        #expect(kept == [damaged])
        // The next start says the copy is there until the learner removes it.
        let store = JournaledProgressStore(directory: dir.url)
        _ = try store.load()
        #expect(store.notices.contains { $0.contains("progress.json.bak.damaged-") && $0.contains("delete them") })
    }

    @Test func aDamagedBackupUsedForRecoveryIsKeptAside() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("not json", to: "progress.json.bak")
        try dir.write(try entry(1, "p/q", hints: 1) + "\n", to: "journal.jsonl")
        let store = JournaledProgressStore(directory: dir.url)
        let progress = try #require(try store.load())
        #expect(progress.items["p/q"] != nil)
        #expect(store.notices.contains { $0.contains("moved to") })
        try store.save(progress)
        try JournaledProgressStore(directory: dir.url).save(progress)
        let kept = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix("progress.json.bak.damaged-") }
        #expect(try kept.map { try String(contentsOf: dir.url.appending(path: $0), encoding: .utf8) } == ["not json"])
    }

    @Test func anOverflowingSequenceStartsAgainAndLosesNothing() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(try entry(1, "p/a", hints: 1) + "\n" + (try entry(Int.max, "p/b", hints: 2)) + "\n", to: "journal.jsonl")
        let store = JournaledProgressStore(directory: dir.url)
        var progress = try #require(try store.load())
        for n in 0..<3 { progress = try record("p/new\(n)", in: store, onto: progress) }
        let again = try #require(try JournaledProgressStore(directory: dir.url).load())
        #expect(again.items["p/a"]?.hintsUsed == 1)
        #expect(again.items["p/b"]?.hintsUsed == 2)
        #expect((0..<3).allSatisfy { again.items["p/new\($0)"] != nil })
        #expect(again.journalSequence == 3)
    }

    @Test func impossibleTimesAreClampedOnLoad() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.copyItem(at: Fixtures.root.appending(path: "bad-progress/15-huge-attempt-times/profile/progress.json"),
                                         to: dir.url.appending(path: "progress.json"))
        let store = JournaledProgressStore(directory: dir.url)
        let progress = try #require(try store.load())
        let attempts = progress.items.values.flatMap(\.attempts)
        #expect(attempts.allSatisfy { (0...LearnerProgress.maximumAttemptSeconds).contains($0.seconds) && $0.hintsUsed >= 0 })
        #expect(progress.items.values.allSatisfy { $0.secondsSpent >= 0 && $0.secondsSpent <= 2 * LearnerProgress.maximumAttemptSeconds })
        #expect(progress.cards["sample/intro-q1"]?.step == 0)
        #expect(progress.cards["sample/intro-q1"]?.difficulty == 1)
        // Answers themselves are untouched.
        #expect(progress.items["sample/intro-q1"]?.attempts.map(\.answer) == ["a", "b"])
    }

    /// Even read raw (without the repair a load does), the values render in every report.
    @Test func everyReportRendersImpossibleTimes() throws {
        let file = Fixtures.root.appending(path: "bad-progress/15-huge-attempt-times/profile/progress.json")
        let raw = try SnapshotFile.decoder.decode(LearnerProgress.self, from: try Data(contentsOf: file))
        #expect(raw.items["sample/intro-q1"]?.secondsSpent == 1e300)
        let library = Fixtures.sampleLibrary()
        var registry = ReportRegistry.standard
        registry.register(XAPIReportFormat(configuration: XAPIConfiguration(baseIRI: "https://x.example/", homePage: "https://x.example",
                                                                             accountName: nil, actorName: nil)))
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.copyItem(at: file, to: dir.url.appending(path: "progress.json"))
        let loaded = try #require(try JournaledProgressStore(directory: dir.url).load())
        for id in registry.ids {
            let format = try #require(registry.format(id: id))
            // Raw values may be refused (JSON has no infinity) but never crash;
            _ = try? format.render(ReportData(library: library, progress: raw, now: t0, timeZone: .gmt,
                                              reviewForecast: ReviewForecast(cards: raw.cards.values, now: t0)))
            // as loaded, every format renders.
            let text = try format.render(ReportData(library: library, progress: loaded, now: t0, timeZone: .gmt,
                                                    reviewForecast: ReviewForecast(cards: loaded.cards.values, now: t0)))
            #expect(!text.isEmpty, "\(id)")
        }
        // The class report reads the file the way instructors do.
        let (inputs, problems) = CohortLoader.load([file])
        #expect(problems.isEmpty)
        #expect(inputs.first?.repairedValues ?? 0 > 0)
        let rawInput = CohortReport.Input(source: file.path, progress: raw)
        let report = CohortReport(library: library, learners: inputs + [rawInput], now: t0)
        for id in CohortRegistry.standard.ids {
            _ = try? #require(CohortRegistry.standard.format(id: id)).render(report)
        }
        let repaired = CohortReport(library: library, learners: inputs, now: t0)
        for id in CohortRegistry.standard.ids {
            #expect(!(try #require(CohortRegistry.standard.format(id: id)).render(repaired)).isEmpty)
        }
    }
}
