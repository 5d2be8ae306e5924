/// Every kind of record of a learner's progress, each by ``ProgressKey``.
///
/// Encoded inline in its container (`"lessons": {...}, "items": {...}`), the format progress
/// files and journal lines have always had; a kind missing from a file is empty.
public struct RecordMaps: Sendable, Equatable {
    public var lessons: [ProgressKey: LessonRecord] = [:]
    public var items: [ProgressKey: ItemRecord] = [:]
    public var reflections: [ProgressKey: ReflectionRecord] = [:]
    /// Spaced-review cards, by question key.
    public var cards: [ProgressKey: ReviewCard] = [:]
    /// Scenario runs and decisions, by scenario key.
    public var scenarios: [ProgressKey: ScenarioRecord] = [:]
    /// Placement results, by module key (`pack/module`).
    public var placements: [ProgressKey: PlacementRecord] = [:]
    /// The learner's choices, such as the career path (``ProgressKey/chosenPath``).
    public var settings: [ProgressKey: String] = [:]

    public init() {}

    /// Whether no kind has any record.
    public var isEmpty: Bool { RecordKind.allCases.allSatisfy { $0.field.count(in: self) == 0 } }

    /// The records `changes` names, as they are in `self`.
    func picking(_ changes: ChangeSet) -> RecordMaps {
        var picked = RecordMaps()
        for kind in RecordKind.allCases { kind.field.copy(changes[kind], from: self, into: &picked) }
        return picked
    }

    /// Writes every record of `other` over this one's.
    mutating func overwrite(with other: RecordMaps) {
        for kind in RecordKind.allCases { kind.field.overwrite(&self, with: other) }
    }

    /// Removes the records of `key` of every kind; how many there were.
    @discardableResult
    mutating func removeAll(_ key: ProgressKey) -> Int {
        RecordKind.allCases.reduce(0) { $0 + ($1.field.remove(key, from: &self) ? 1 : 0) }
    }

    /// Whether any kind has a record for `key`.
    func contains(_ key: ProgressKey) -> Bool {
        RecordKind.allCases.contains { $0.field.contains(key, in: self) }
    }

    func encode(to encoder: any Encoder, omittingEmpty: Bool) throws {
        var container = encoder.container(keyedBy: RecordKind.self)
        for kind in RecordKind.allCases { try kind.field.encode(self, to: &container, omittingEmpty: omittingEmpty) }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RecordKind.self)
        for kind in RecordKind.allCases { try kind.field.decode(container, into: &self) }
    }
}
