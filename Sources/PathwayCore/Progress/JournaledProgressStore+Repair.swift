import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What loading does to damaged files: it keeps a copy of everything it cannot use, before it
/// writes anything, and says where.
extension JournaledProgressStore {
    /// Sequence numbers at or above this are renumbered from 1 (JSON readers may lose
    /// integers above 2^53, and the next entry must never overflow).
    static let sequenceLimit = 1 << 53

    /// Where a damaged file went.
    struct SetAside {
        var path: String?
        var sentence: String {
            path.map { "It was moved to \($0) and kept." } ?? "It was left where it is (this session is read-only)."
        }
    }

    /// Moves `url` to `NAME-TIME` beside it, never replacing anything; the file stays in place
    /// when the session is read-only or the move fails.
    func setAside(_ url: URL, as name: String) -> SetAside {
        guard !readOnly else { return SetAside(path: nil) }
        let aside = uniqueURL(name)
        guard (try? FileManager.default.moveItem(at: url, to: aside)) != nil else { return SetAside(path: nil) }
        return SetAside(path: aside.path)
    }

    /// `NAME-TIME` in the profile folder, with a counter when that name is taken.
    func uniqueURL(_ name: String) -> URL {
        let base = "\(name)-\(Self.stamp(clock.now))"
        var candidate = directory.appending(path: base)
        var counter = 1
        while FileManager.default.fileExists(atPath: candidate.path) {
            counter += 1
            candidate = directory.appending(path: "\(base)-\(counter)")
        }
        return candidate
    }

    /// Cuts the journal back to its last whole line, so that the next entry starts a line of
    /// its own; the partial line is copied to `journal.jsonl.torn-TIME` first. Returns the
    /// copy's path, nil when nothing was cut (read-only, or the copy could not be written).
    func cutTornTail(_ contents: JournalFile.Contents<JournalEntry>) -> String? {
        guard !readOnly, let data = try? Data(contentsOf: journal.url), data.count == contents.length else { return nil }
        let copy = uniqueURL("journal.jsonl.torn")
        guard (try? AtomicFile.write(data.suffix(from: data.startIndex + contents.wholeLength), to: copy)) != nil else { return nil }
        journal.close()
        guard truncate(journal.url.path, off_t(contents.wholeLength)) == 0 else { return nil }
        return copy.path
    }

    /// Writes `progress` as a snapshot that starts the journal numbering afresh, after a
    /// sequence number grew too large; the old journal segments are kept aside.
    func renumber(_ progress: LearnerProgress) throws -> LearnerProgress {
        guard !readOnly else { return progress }
        var fresh = progress
        fresh.journalSequence = 0
        sequence = 0
        // The snapshot holds every change; until the old segments are moved, replaying them
        // again writes the same values.
        try save(fresh)
        for url in [journal.url, previousJournalURL] where FileManager.default.fileExists(atPath: url.path) {
            _ = setAside(url, as: "\(url.lastPathComponent).renumbered")
        }
        notices.append("The journal's entry numbers had grown too large (a damaged or hand-edited file); they start again "
                       + "from 1. Nothing was lost: the old journal is kept beside your progress.")
        return fresh
    }

    /// Before the backup is replaced by the current snapshot: a backup that cannot be read is
    /// moved aside instead (it may be the last copy of answers a damaged file held).
    func keepDamagedBackup() {
        guard !backupChecked else { return }
        backupChecked = true
        do {
            _ = try SnapshotFile.read(backupURL)
        } catch {
            let aside = setAside(backupURL, as: "progress.json.bak.damaged")
            notices.append("The backup \(error). \(aside.sentence)")
        }
    }

    /// Files kept aside by earlier loads (damaged, torn or renumbered copies).
    func keptCopies() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.contains(".damaged-") || $0.contains(".torn-") || $0.contains(".renumbered-") }.sorted()
    }

    static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime]
        return formatter.string(from: date).replacingOccurrences(of: ":", with: "")
    }
}
