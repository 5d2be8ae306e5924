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
    private let clock: Clock
    private let journal: JournalFile
    private var sequence = 0
    private var entriesSinceSnapshot = 0
    public private(set) var notices: [String] = []

    public init(directory: URL, clock: Clock = .system) {
        self.directory = directory
        self.clock = clock
        journal = JournalFile(url: directory.appending(path: "journal.jsonl"))
    }

    var snapshotURL: URL { directory.appending(path: "progress.json") }
    var backupURL: URL { directory.appending(path: "progress.json.bak") }
    var previousJournalURL: URL { directory.appending(path: "journal.jsonl.1") }

    public var location: String { snapshotURL.path }

    public func load() throws -> LearnerProgress? {
        notices = []
        var base: LearnerProgress?
        var snapshotDamaged = false
        do {
            base = try SnapshotFile.read(snapshotURL)
        } catch let error as ProgressError {
            if case .newerSchema = error { throw error }
            let aside = directory.appending(path: "progress.json.damaged-\(Self.stamp(clock.now))")
            try? FileManager.default.moveItem(at: snapshotURL, to: aside)
            notices.append("\(error). It was moved to \(aside.path) and kept; your progress was rebuilt from the backup and the journal.")
            snapshotDamaged = true
        }
        if base == nil {
            // A crash between the two renames of a compaction, or a damaged snapshot.
            if let backup = try? SnapshotFile.read(backupURL) {
                base = backup
                if !snapshotDamaged { notices.append("progress.json was missing; restored from progress.json.bak and the journal.") }
            }
        }
        let decoder = SnapshotFile.decoder
        let older = JournalFile.read(previousJournalURL, as: JournalEntry.self, decoder: decoder)
        let newer = JournalFile.read(journal.url, as: JournalEntry.self, decoder: decoder)
        if newer.tornLast {
            notices.append("The last entry of the journal was only partly written (Pathway was stopped while saving); that one answer was ignored.")
        }
        let damaged = older.damaged + newer.damaged
        if damaged > 0 { notices.append("\(damaged) damaged journal entr\(damaged == 1 ? "y was" : "ies were") skipped.") }
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
            notices.append("Rebuilt from \(replayed) journal entr\(replayed == 1 ? "y" : "ies"); answers older than the journal could not be recovered.")
        }
        return progress
    }

    public func record(_ changes: ChangeSet, of progress: LearnerProgress) throws {
        guard !changes.isEmpty else { return }
        let entry = JournalEntry(seq: sequence + 1, at: clock.now, changes: changes, from: progress)
        try journal.append(try JSONEncoder.journal.encode(entry))
        sequence += 1
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

    private static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime]
        return formatter.string(from: date).replacingOccurrences(of: ":", with: "")
    }
}

extension JSONEncoder {
    /// Compact, sorted JSON for journal lines.
    static let journal: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
}
