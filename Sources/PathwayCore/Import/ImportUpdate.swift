import Foundation

/// Re-importing an edited question bank into the folder of an earlier import: questions of the
/// new bank keep the ids of the questions they match in the previous import, so learners'
/// progress follows them. A question keeps its id when the importer gives it the same one (a
/// GIFT title or `// [id:…]`, or unchanged text); otherwise it is matched to a question of the
/// same type that the new bank no longer has, by the words of its prompt (Jaccard similarity
/// of at least ``minimumSimilarity``). Modules and lessons keep their ids by position, except
/// those the author named (`--module`, `--lesson`).
public enum ImportUpdate {
    /// How alike two prompts must be (shared words over all words) to be the same question.
    public static let minimumSimilarity = 0.5

    public struct Summary: Sendable, Equatable {
        /// Questions whose id the importer gave again.
        public var unchanged: Int
        /// New ids replaced by the previous import's (new id, kept id).
        public var matched: [(new: String, kept: String)]
        /// Questions with no match in the previous import.
        public var added: [String]
        /// Previous questions no question of the new bank matched.
        public var retired: [String]

        public static func == (a: Summary, b: Summary) -> Bool {
            a.unchanged == b.unchanged && a.matched.map { [$0.new, $0.kept] } == b.matched.map { [$0.new, $0.kept] }
                && a.added == b.added && a.retired == b.retired
        }
    }

    /// `result` with its ids changed to the previous import's where questions match.
    /// Module and lesson ids in `named` were chosen by the author and are not renamed.
    public static func keepIDs(_ result: ImportResult, previous: Pack, scratch: URL, named: Set<String> = []) throws -> (ImportResult, Summary) {
        try? FileManager.default.removeItem(at: scratch)
        try result.write(to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let load = PackLoader(runsSelfCheck: false).load(scratch, displayPath: "import")
        guard let fresh = load.pack else { throw PackagingError.invalidPack("import", load.diagnostics) }

        var renames: [String: String] = [:]
        // Modules and lessons by position, when the new ones are new.
        let oldModules = previous.modules, newModules = fresh.modules
        let oldModuleIDs = Set(oldModules.map(\.id)), newModuleIDs = Set(newModules.map(\.id))
        for (old, new) in zip(oldModules, newModules) where !oldModuleIDs.contains(new.id) && !newModuleIDs.contains(old.id) && !named.contains(new.id) {
            renames[new.id] = old.id
        }
        let oldLessons = previous.lessons.map(\.lesson), newLessons = fresh.lessons.map(\.lesson)
        let oldLessonIDs = Set(oldLessons.map(\.id)), newLessonIDs = Set(newLessons.map(\.id))
        for (old, new) in zip(oldLessons, newLessons) where !oldLessonIDs.contains(new.id) && !newLessonIDs.contains(old.id) && !named.contains(new.id) {
            renames[new.id] = old.id
        }

        let before = oldLessons.flatMap(\.questions), after = newLessons.flatMap(\.questions)
        let afterIDs = Set(after.map(\.basics.id))
        var free = before.filter { !afterIDs.contains($0.basics.id) }
        let beforeIDs = Set(before.map(\.basics.id))
        var summary = Summary(unchanged: 0, matched: [], added: [], retired: [])
        for question in after {
            if beforeIDs.contains(question.basics.id) {
                summary.unchanged += 1
                continue
            }
            let words = Self.words(question.prompt)
            let best = free.enumerated().filter { $0.element.typeName == question.typeName }
                .map { ($0.offset, Self.similarity(words, Self.words($0.element.prompt))) }
                .max { $0.1 < $1.1 }
            if let (index, score) = best, score >= minimumSimilarity {
                renames[question.basics.id] = free[index].basics.id
                summary.matched.append((question.basics.id, free[index].basics.id))
                free.remove(at: index)
            } else {
                summary.added.append(question.basics.id)
            }
        }
        summary.retired = free.map(\.basics.id)

        var updated = result
        updated.files = result.files.map { file in
            var file = file
            for (new, kept) in renames { file.text = file.text.replacingOccurrences(of: "id: \"\(new)\"\n", with: "id: \"\(kept)\"\n") }
            return file
        }
        return (updated, summary)
    }

    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
