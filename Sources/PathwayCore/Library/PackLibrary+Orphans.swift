extension PackLibrary {
    /// Answers and reflections saved for steps that a pack no longer has (after an upgrade),
    /// counted per pack. They stay in the progress file; the learner is told, never silently
    /// losing them.
    public func orphanedRecords(in progress: LearnerProgress) -> [(pack: Pack, count: Int)] {
        let keys = Set(progress.items.keys).union(progress.reflections.keys)
        // Only the packs the learner has records in, from the lessons' outlines.
        let recorded = Set(keys.map(\.pack))
        var known: [String: Set<String>] = [:]
        for pack in packs where recorded.contains(pack.id) {
            known[pack.id] = Set(pack.lessons.flatMap { $0.lesson.outline.compactMap(\.id) })
        }
        var counts: [String: Int] = [:]
        for key in keys {
            let packID = key.pack
            guard let ids = known[packID], !ids.contains(key.id) else { continue }
            counts[packID, default: 0] += 1
        }
        return counts.sorted { $0.key < $1.key }.compactMap { id, count in pack(id: id).map { ($0, count) } }
    }
}

/// A pack's questions that a learner answered and the installed version no longer counts.
public struct RetiredAnswers: Sendable, Equatable {
    /// A question asked again under a new answer key: its id and the first line of its prompt.
    public struct Rekeyed: Sendable, Equatable {
        public var id: String
        public var title: String
    }

    public var packTitle: String
    public var version: SemanticVersion
    /// Questions whose revision was raised (their answer key changed).
    public var rekeyed: [Rekeyed]
    /// Ids of questions and reflections the pack no longer has.
    public var retired: [String]

    /// The sentence for the learner, naming every question.
    public var notice: String {
        var parts: [String] = []
        if !rekeyed.isEmpty {
            parts.append("\(Plural.noun(rekeyed.count, "this question has", "these questions have")) a new answer key and will be asked again: "
                         + rekeyed.map { "\"\(PackDiff.short($0.title))\" (\($0.id))" }.joined(separator: ", "))
        }
        if !retired.isEmpty {
            parts.append("\(Plural.noun(retired.count, "this question was", "these were")) retired: " + retired.joined(separator: ", "))
        }
        return "\(packTitle) \(version) changed questions you had answered; " + parts.joined(separator: "; ")
            + ". Your earlier answers are kept and shown as retired in your reports."
    }
}

extension PackLibrary {
    /// For each pack, the answered questions it re-keyed or retired, by name.
    public func retiredAnswers(in progress: LearnerProgress) -> [RetiredAnswers] {
        var result: [RetiredAnswers] = []
        let keys = Set(progress.items.filter { !$0.value.attempts.isEmpty || $0.value.skipped }.keys).union(progress.reflections.keys)
        // Only the packs the learner has records in, from the lessons' outlines; a lesson's steps
        // are decoded only to name a re-keyed question.
        let recorded = Set(keys.map(\.pack))
        for pack in packs where recorded.contains(pack.id) {
            var current: Set<String> = [], byBaseID: [String: (lesson: Lesson, step: Int)] = [:]
            for (_, lesson) in pack.lessons {
                for (index, step) in lesson.outline.enumerated() {
                    if step.kind == .question, let key = step.key, let id = step.id {
                        current.insert(key)
                        byBaseID[id] = (lesson, index)
                    } else if let id = step.id {
                        current.insert(id)
                    }
                }
            }
            var rekeyed: [RetiredAnswers.Rekeyed] = [], retired: [String] = []
            let prefix = pack.id + "/"
            for key in keys.sorted() where key.rawValue.hasPrefix(prefix) {
                let id = key.id
                guard !current.contains(id) else { continue }
                let base = id.firstIndex(of: "@").map { String(id[..<$0]) } ?? id
                if let place = byBaseID[base] {
                    if !rekeyed.contains(where: { $0.id == base }) {
                        let prompt = (place.lesson.steps[place.step] as? any Question)?.prompt ?? base
                        rekeyed.append(.init(id: base, title: prompt.split(separator: "\n").first.map(String.init) ?? base))
                    }
                } else if !retired.contains(base) {
                    retired.append(base)
                }
            }
            if !rekeyed.isEmpty || !retired.isEmpty {
                result.append(RetiredAnswers(packTitle: pack.title, version: pack.manifest.version, rekeyed: rekeyed, retired: retired))
            }
        }
        return result
    }
}
