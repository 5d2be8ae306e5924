/// The kinds of record a learner's progress keeps, each a map from ``ProgressKey`` to a value.
///
/// A new kind of record is one stored map in ``RecordMaps``, one case here and one line in
/// ``field``: saving, the journal, replay and resetting then handle it without further code.
public enum RecordKind: String, CaseIterable, Sendable, CodingKey {
    case lessons, items, reflections, cards, scenarios, placements, settings

    /// The map this kind is kept in, with the operations every kind shares.
    var field: any RecordFieldAccess {
        switch self {
        case .lessons: RecordField<LessonRecord>.lessons
        case .items: RecordField<ItemRecord>.items
        case .reflections: RecordField<ReflectionRecord>.reflections
        case .cards: RecordField<ReviewCard>.cards
        case .scenarios: RecordField<ScenarioRecord>.scenarios
        case .placements: RecordField<PlacementRecord>.placements
        case .settings: RecordField<String>.settings
        }
    }
}

/// The value type each record kind keeps.
public typealias RecordValue = Codable & Equatable & Sendable

/// One kind of record and where ``RecordMaps`` keeps it.
public struct RecordField<Value: RecordValue> {
    public let kind: RecordKind
    let path: WritableKeyPath<RecordMaps, [ProgressKey: Value]>

    public static var lessons: RecordField<LessonRecord> { RecordField<LessonRecord>(kind: .lessons, path: \.lessons) }
    public static var items: RecordField<ItemRecord> { RecordField<ItemRecord>(kind: .items, path: \.items) }
    public static var reflections: RecordField<ReflectionRecord> { RecordField<ReflectionRecord>(kind: .reflections, path: \.reflections) }
    public static var cards: RecordField<ReviewCard> { RecordField<ReviewCard>(kind: .cards, path: \.cards) }
    public static var scenarios: RecordField<ScenarioRecord> { RecordField<ScenarioRecord>(kind: .scenarios, path: \.scenarios) }
    public static var placements: RecordField<PlacementRecord> { RecordField<PlacementRecord>(kind: .placements, path: \.placements) }
    public static var settings: RecordField<String> { RecordField<String>(kind: .settings, path: \.settings) }
}

/// What every record kind can do, whatever its value type.
protocol RecordFieldAccess {
    /// Copies the records of `keys` from `source` into `target` (absent keys are not copied).
    func copy(_ keys: Set<ProgressKey>, from source: RecordMaps, into target: inout RecordMaps)
    /// Copies every record of `source` into `target`, replacing what `target` had.
    func overwrite(_ target: inout RecordMaps, with source: RecordMaps)
    /// Removes one record; whether there was one.
    func remove(_ key: ProgressKey, from maps: inout RecordMaps) -> Bool
    func count(in maps: RecordMaps) -> Int
    func contains(_ key: ProgressKey, in maps: RecordMaps) -> Bool
    func encode(_ maps: RecordMaps, to container: inout KeyedEncodingContainer<RecordKind>, omittingEmpty: Bool) throws
    func decode(_ container: KeyedDecodingContainer<RecordKind>, into maps: inout RecordMaps) throws
}

extension RecordField: RecordFieldAccess {
    func copy(_ keys: Set<ProgressKey>, from source: RecordMaps, into target: inout RecordMaps) {
        for key in keys { if let value = source[keyPath: path][key] { target[keyPath: path][key] = value } }
    }

    func overwrite(_ target: inout RecordMaps, with source: RecordMaps) {
        target[keyPath: path].merge(source[keyPath: path]) { _, new in new }
    }

    func remove(_ key: ProgressKey, from maps: inout RecordMaps) -> Bool {
        maps[keyPath: path].removeValue(forKey: key) != nil
    }

    func count(in maps: RecordMaps) -> Int { maps[keyPath: path].count }

    func contains(_ key: ProgressKey, in maps: RecordMaps) -> Bool { maps[keyPath: path][key] != nil }

    func encode(_ maps: RecordMaps, to container: inout KeyedEncodingContainer<RecordKind>, omittingEmpty: Bool) throws {
        let values = maps[keyPath: path]
        if omittingEmpty && values.isEmpty { return }
        try container.encode(values, forKey: kind)
    }

    func decode(_ container: KeyedDecodingContainer<RecordKind>, into maps: inout RecordMaps) throws {
        maps[keyPath: path] = try container.decodeIfPresent([ProgressKey: Value].self, forKey: kind) ?? [:]
    }
}
