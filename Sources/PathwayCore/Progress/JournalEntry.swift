import Foundation

/// One line of the progress journal: the new values of the records a change touched.
struct JournalEntry: Codable, Equatable {
    var seq: Int
    var at: Date
    var items: [String: ItemRecord]?
    var lessons: [String: LessonRecord]?
    var reflections: [String: ReflectionRecord]?
    var cards: [String: ReviewCard]?
    var removed: [String]?
    /// Present when `current` changed; `clearCurrent` says it became nil.
    var current: Position?
    var clearCurrent: Bool?

    init(seq: Int, at: Date, changes: ChangeSet, from progress: LearnerProgress) {
        self.seq = seq
        self.at = at
        func pick<V>(_ keys: Set<String>, _ map: [String: V]) -> [String: V]? {
            let values = keys.reduce(into: [String: V]()) { result, key in result[key] = map[key] }
            return values.isEmpty ? nil : values
        }
        items = pick(changes.items, progress.items)
        lessons = pick(changes.lessons, progress.lessons)
        reflections = pick(changes.reflections, progress.reflections)
        cards = pick(changes.cards, progress.cards)
        // A key both changed and then removed is removed.
        let gone = changes.removed.filter {
            progress.items[$0] == nil && progress.lessons[$0] == nil && progress.reflections[$0] == nil && progress.cards[$0] == nil
        }
        removed = gone.isEmpty ? nil : gone.sorted()
        if changes.current {
            current = progress.current
            clearCurrent = progress.current == nil ? true : nil
        }
    }

    /// Applies the entry to `progress`.
    func apply(to progress: inout LearnerProgress) {
        for key in removed ?? [] {
            progress.items[key] = nil
            progress.lessons[key] = nil
            progress.reflections[key] = nil
            progress.cards[key] = nil
        }
        for (key, value) in items ?? [:] { progress.items[key] = value }
        for (key, value) in lessons ?? [:] { progress.lessons[key] = value }
        for (key, value) in reflections ?? [:] { progress.reflections[key] = value }
        for (key, value) in cards ?? [:] { progress.cards[key] = value }
        if let current { progress.current = current }
        if clearCurrent == true { progress.current = nil }
        progress.updatedAt = max(progress.updatedAt, at)
        progress.journalSequence = max(progress.journalSequence, seq)
    }
}
