/// How well a learner knows a module's graded items.
///
/// Each item counts 1 when its first attempt was right, half of its best score when it was
/// answered right (or partly right) only on a later attempt, and 0 when it was skipped, shown
/// or never answered. A scenario counts its first finished run's score (see ``scenarioScore(_:)``).
/// A module is mastered when all its lessons are completed and the mean
/// reaches the pack's `mastery_threshold` (0.8 by default).
public enum Mastery {
    /// The weight of an item's record, from 0 to 1.
    public static func itemScore(_ record: ItemRecord?) -> Double {
        guard let record, let first = record.attempts.first else { return 0 }
        if first.correct { return 1 }
        let best = record.attempts.map { $0.correct ? 1 : ($0.score ?? 0) }.max() ?? 0
        return best * 0.5
    }

    /// The weight of a scenario's record: its first finished run's score, or half the best
    /// run's when a replay did better (as a right answer after a wrong one counts half).
    public static func scenarioScore(_ record: ScenarioRecord?) -> Double {
        guard let record, let first = record.firstRun else { return 0 }
        return max(first.score, (record.bestRun?.score ?? 0) * 0.5)
    }

    /// The weight of the graded item `key` (a question or a scenario; step ids are unique in a pack).
    public static func score(of key: ProgressKey, in progress: LearnerProgress) -> Double {
        progress.scenarios[key].map(scenarioScore) ?? itemScore(progress.items[key])
    }

    /// The keys of a module's graded items (questions and scenarios).
    public static func keys(of module: Module, in pack: Pack) -> [ProgressKey] {
        // From the lessons' outlines: the steps need not be decoded.
        module.lessons.flatMap { lesson in lesson.outline.compactMap { $0.isGraded ? $0.key : nil } }.map { ProgressKey(pack: pack.id, id: $0) }
    }

    /// The mean item score of a module's graded items (questions and scenarios), and how many there are.
    public static func score(of module: Module, in pack: Pack, progress: LearnerProgress) -> (score: Double, items: Int) {
        let keys = keys(of: module, in: pack)
        guard !keys.isEmpty else { return (1, 0) }
        let total = keys.reduce(0) { $0 + score(of: $1, in: progress) }
        return (total / Double(keys.count), keys.count)
    }
}
