extension PackLibrary {
    /// Answers and reflections saved for steps that a pack no longer has (after an upgrade),
    /// counted per pack. They stay in the progress file; the learner is told, never silently
    /// losing them.
    public func orphanedRecords(in progress: LearnerProgress) -> [(pack: Pack, count: Int)] {
        var known: [String: Set<String>] = [:]
        for pack in packs {
            known[pack.id] = Set(pack.lessons.flatMap { $0.lesson.steps.compactMap(\.id) })
        }
        var counts: [String: Int] = [:]
        for key in Set(progress.items.keys).union(progress.reflections.keys) {
            let packID = key.pack
            guard let ids = known[packID], !ids.contains(key.id) else { continue }
            counts[packID, default: 0] += 1
        }
        return counts.sorted { $0.key < $1.key }.compactMap { id, count in pack(id: id).map { ($0, count) } }
    }
}
