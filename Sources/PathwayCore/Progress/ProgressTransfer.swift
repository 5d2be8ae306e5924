import Foundation

/// Moving a learner's progress between computers: export writes the progress file's JSON to
/// any file; import reads such a file and merges it into the progress already here.
public enum ProgressTransfer {
    /// What an import added.
    public struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
        public var profile: String
        public var attemptsAdded: Int
        public var itemsAdded: Int
        public var lessonsAdded: Int
        public var lessonsNewlyCompleted: Int
        public var reflectionsAddedOrUpdated: Int

        public var description: String {
            "\(Plural.count(attemptsAdded, "answer")) added (\(Plural.count(itemsAdded, "new question"))), "
                + "\(Plural.count(lessonsAdded, "lesson")) added, \(lessonsNewlyCompleted) newly completed, "
                + "\(Plural.count(reflectionsAddedOrUpdated, "portfolio piece")) added or updated"
        }
    }

    /// Writes `progress` to `file` in the progress file format (atomically).
    public static func export(_ progress: LearnerProgress, to file: URL) throws {
        try AtomicFile.write(try SnapshotFile.encode(progress), to: file)
    }

    /// Reads an exported progress file; throws ``ProgressError`` when it is damaged or newer.
    public static func read(_ file: URL) throws -> LearnerProgress {
        guard let progress = try SnapshotFile.read(file) else {
            throw ProgressError.unreadable(file.path, reason: "no such file")
        }
        return progress
    }

    /// `existing` merged with `imported`, and what the import added.
    public static func merge(_ imported: LearnerProgress, into existing: LearnerProgress) -> (LearnerProgress, ImportSummary) {
        let merged = existing.merged(with: imported)
        let attemptsBefore = existing.items.values.reduce(0) { $0 + $1.attempts.count }
        let attemptsAfter = merged.items.values.reduce(0) { $0 + $1.attempts.count }
        let summary = ImportSummary(
            profile: imported.profile,
            attemptsAdded: attemptsAfter - attemptsBefore,
            itemsAdded: merged.items.count - existing.items.count,
            lessonsAdded: merged.lessons.count - existing.lessons.count,
            lessonsNewlyCompleted: merged.lessons.filter { $0.value.completed && existing.lessons[$0.key]?.completed != true }.count,
            reflectionsAddedOrUpdated: merged.reflections.filter { existing.reflections[$0.key] != $0.value }.count)
        return (merged, summary)
    }
}
