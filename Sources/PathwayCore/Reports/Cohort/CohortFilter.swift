import Foundation

/// Narrows a cohort to some packs and to a period, applied to each learner's records before
/// they are counted (so every figure, item statistics included, follows the filter).
public struct CohortFilter: Sendable, Equatable {
    /// Pack ids to keep; empty keeps every pack.
    public var packs: Set<String>
    /// Answers, lesson completions, decisions, portfolio pieces and placements before this time are left out.
    public var since: Date?
    /// Answers, lesson completions, decisions, portfolio pieces and placements after this time are left out.
    public var until: Date?

    public init(packs: Set<String> = [], since: Date? = nil, until: Date? = nil) {
        self.packs = packs
        self.since = since
        self.until = until
    }

    public var isEmpty: Bool { packs.isEmpty && since == nil && until == nil }

    private func keeps(_ key: ProgressKey) -> Bool { packs.isEmpty || packs.contains(key.pack) }

    private func within(_ date: Date) -> Bool {
        (since.map { date >= $0 } ?? true) && (until.map { date <= $0 } ?? true)
    }

    /// The learner's records that fall inside the filter.
    public func apply(to progress: LearnerProgress) -> LearnerProgress {
        guard !isEmpty else { return progress }
        var kept = progress
        kept.items = [:]
        for (key, record) in progress.items where keeps(key) {
            var item = record
            item.attempts = record.attempts.filter { within($0.at) }
            guard !item.attempts.isEmpty || (record.attempts.isEmpty && since == nil && until == nil) else { continue }
            if item.attempts.count != record.attempts.count { item.secondsSpent = item.attempts.reduce(0) { $0 + $1.seconds } }
            kept.items[key] = item
        }
        kept.lessons = [:]
        for (key, lesson) in progress.lessons where keeps(key) {
            // Starts and completions, not visits: what a Learning Record Store also holds.
            if let until, lesson.startedAt > until { continue }
            if let since, max(lesson.startedAt, lesson.completedAt ?? lesson.startedAt) < since { continue }
            var record = lesson
            if let completedAt = lesson.completedAt, !within(completedAt) { record.completed = false }
            kept.lessons[key] = record
        }
        kept.reflections = progress.reflections.filter { keeps($0.key) && within($0.value.savedAt) }
        kept.placements = progress.placements.filter { keeps($0.key) && within($0.value.at) }
        kept.scenarios = [:]
        for (key, record) in progress.scenarios where keeps(key) {
            // Decisions inside the period; a run finished outside it counts as unfinished.
            var runs = record.runs
            for index in runs.indices {
                runs[index].decisions = runs[index].decisions.filter { within($0.at) }
                if let finishedAt = runs[index].finishedAt, !within(finishedAt) { runs[index].finishedAt = nil }
            }
            if runs.contains(where: { !$0.decisions.isEmpty || $0.isFinished }) { kept.scenarios[key] = ScenarioRecord(runs: runs) }
        }
        return kept
    }

    /// The library's packs the filter keeps (all when it names none).
    public func apply(to library: PackLibrary) -> PackLibrary {
        guard !packs.isEmpty else { return library }
        return PackLibrary(packs: library.packs.filter { packs.contains($0.id) }, paths: library.paths)
    }
}
