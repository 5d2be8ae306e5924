import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A profile's progress kept crash-safe: a JSON snapshot (`progress.json`) plus an
/// append-only journal (`journal.jsonl`) of the records each change touched.
///
/// Recording a change appends one line and flushes it, so its cost depends on the change, not
/// on the length of the history. When the journal grows past ``compactAfter`` entries (and on
/// exit) the snapshot is rewritten atomically and the journal starts afresh; the previous
/// snapshot and journal segment are kept as `progress.json.bak` and `journal.jsonl.1`, so a
/// damaged snapshot can be rebuilt. A damaged snapshot is moved aside, never overwritten.
public final class JournaledProgressStore: ProgressStore {
    public let directory: URL
    /// Journal entries after which the snapshot is rewritten.
    public var compactAfter = 2_000
    let clock: Clock
    let journal: JournalFile
    var sequence = 0
    private var entriesSinceSnapshot = 0
    /// Whether the backup was found readable (or set aside) since this store was created.
    var backupChecked = false
    public internal(set) var notices: [String] = []
    /// True when another process writes this profile: loading then repairs nothing on disk
    /// (that process does), and nothing is recorded.
    public let readOnly: Bool

    public init(directory: URL, clock: Clock = .system, readOnly: Bool = false) {
        self.directory = directory
        self.clock = clock
        self.readOnly = readOnly
        journal = JournalFile(url: directory.appending(path: "journal.jsonl"))
    }

    var snapshotURL: URL { directory.appending(path: "progress.json") }
    var backupURL: URL { directory.appending(path: "progress.json.bak") }
    var previousJournalURL: URL { directory.appending(path: "journal.jsonl.1") }

    public var location: String { snapshotURL.path }

    public func load() throws -> LearnerProgress? {
        notices = []
        let keptBefore = keptCopies()
        var base: LearnerProgress?
        var snapshotDamaged = false
        do {
            base = try SnapshotFile.read(snapshotURL)
        } catch let error as ProgressError {
            if case .newerSchema = error { throw error }
            let aside = setAside(snapshotURL, as: "progress.json.damaged")
            notices.append("\(error). \(aside.sentence) Your progress was rebuilt from the backup and the journal.")
            snapshotDamaged = true
        }
        if base == nil {
            // A crash between the two renames of a compaction, or a damaged snapshot.
            do {
                if let backup = try SnapshotFile.read(backupURL) {
                    base = backup
                    if !snapshotDamaged { notices.append("progress.json was missing; restored from progress.json.bak and the journal.") }
                }
            } catch {
                // Kept aside: the next snapshot would otherwise replace it.
                let aside = setAside(backupURL, as: "progress.json.bak.damaged")
                notices.append("The backup \(error). \(aside.sentence)")
            }
            backupChecked = true
        }
        let decoder = SnapshotFile.decoder
        let older = JournalFile.read(previousJournalURL, as: JournalEntry.self, decoder: decoder)
        let newer = JournalFile.read(journal.url, as: JournalEntry.self, decoder: decoder)
        if newer.tornLast {
            let kept = cutTornTail(newer)
            notices.append("The last entry of the journal was only partly written (Pathway was stopped while saving); "
                           + "that one change was ignored.\(kept.map { " The partial line was kept in \($0)." } ?? "")")
        }
        let damaged = older.damaged + newer.damaged
        if damaged > 0 { notices.append("\(Plural.count(damaged, "damaged journal entry was", "damaged journal entries were")) skipped.") }
        let entries = (older.entries + newer.entries).sorted { $0.seq < $1.seq }
        guard base != nil || !entries.isEmpty else { return nil }
        var progress = base ?? LearnerProgress(profile: directory.lastPathComponent, now: entries.first?.at ?? clock.now)
        let watermark = progress.journalSequence
        var replayed = 0
        for entry in entries where entry.seq > watermark {
            entry.apply(to: &progress)
            replayed += 1
        }
        sequence = max(progress.journalSequence, entries.last?.seq ?? 0)
        entriesSinceSnapshot = newer.entries.count
        if snapshotDamaged && base == nil && replayed > 0 {
            notices.append("Rebuilt from \(Plural.count(replayed, "journal entry", "journal entries")); answers older than the journal could not be recovered.")
        }
        let repaired = progress.repairImpossibleValues()
        if repaired > 0 {
            notices.append("\(Plural.count(repaired, "impossible value was", "impossible values were")) replaced (times that were negative or "
                           + "longer than a day, scores outside 0 to 1); the rest of your progress is as it was.")
        }
        if sequence >= Self.sequenceLimit || sequence < 0 {
            progress = try renumber(progress)
        }
        if !keptBefore.isEmpty {
            notices.append("Copies of damaged progress are kept in \(directory.path) (\(keptBefore.joined(separator: ", "))); "
                           + "delete them once you no longer need them.")
        }
        return progress
    }

    public func record(_ changes: ChangeSet, of progress: LearnerProgress) throws {
        guard !changes.isEmpty else { return }
        let (next, overflow) = sequence.addingReportingOverflow(1)
        guard !overflow else { throw ProgressError.sequenceExhausted(journal.url.path) }
        let entry = JournalEntry(seq: next, at: clock.now, changes: changes, from: progress)
        try journal.append(try JSONEncoder.journal.encode(entry))
        sequence = next
        entriesSinceSnapshot += 1
        if entriesSinceSnapshot >= compactAfter {
            // The change is already durable in the journal; a failed compaction loses nothing.
            try? save(progress)
        }
    }

    public func save(_ progress: LearnerProgress) throws {
        var snapshot = progress
        snapshot.journalSequence = sequence
        snapshot.schemaVersion = LearnerProgress.currentSchemaVersion
        let data = try SnapshotFile.encode(snapshot)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: snapshotURL.path) {
            keepDamagedBackup()
            guard rename(snapshotURL.path, backupURL.path) == 0 else {
                throw AtomicFileError(path: backupURL.path, operation: "keep a backup as", code: errno)
            }
        }
        do {
            try AtomicFile.write(data, to: snapshotURL)
        } catch {
            // Put the previous snapshot back; the journal still holds every change.
            _ = rename(backupURL.path, snapshotURL.path)
            throw error
        }
        journal.close()
        if FileManager.default.fileExists(atPath: journal.url.path) {
            _ = rename(journal.url.path, previousJournalURL.path)
        }
        entriesSinceSnapshot = 0
    }

}

extension JSONEncoder {
    /// Compact, sorted JSON for journal lines.
    static let journal: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = ISO8601Text.encoding
        return encoder
    }()
}
