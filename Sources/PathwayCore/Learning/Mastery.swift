/// How well a learner knows a module's graded items.
///
/// Each item counts 1 when its first attempt was right, half of its best score when it was
/// answered right (or partly right) only on a later attempt, and 0 when it was skipped, shown
/// or never answered. A module is mastered when all its lessons are completed and the mean
/// reaches the pack's `mastery_threshold` (0.8 by default).
public enum Mastery {
    /// The weight of an item's record, from 0 to 1.
    public static func itemScore(_ record: ItemRecord?) -> Double {
        guard let record, let first = record.attempts.first else { return 0 }
        if first.correct { return 1 }
        let best = record.attempts.map { $0.correct ? 1 : ($0.score ?? 0) }.max() ?? 0
        return best * 0.5
    }

    /// The mean item score of a module's graded items, and how many there are.
    public static func score(of module: Module, in pack: Pack, progress: LearnerProgress) -> (score: Double, items: Int) {
        let keys = module.lessons.flatMap { $0.questions.map { ProgressKey.question(pack, $0) } }
        guard !keys.isEmpty else { return (1, 0) }
        let total = keys.reduce(0) { $0 + itemScore(progress.items[$1]) }
        return (total / Double(keys.count), keys.count)
    }
}
