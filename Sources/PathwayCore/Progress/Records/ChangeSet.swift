/// Which records of a learner's progress changed since the last save.
///
/// Filled by ``RecordedProgress`` as a side effect of each change, never by hand.
public struct ChangeSet: Sendable, Equatable {
    private var changed: [RecordKind: Set<ProgressKey>] = [:]
    /// Keys removed (by `reset`), from every kind of record.
    public private(set) var removed: Set<ProgressKey> = []
    /// Whether the learner's current position changed.
    public private(set) var current = false

    public init() {}

    /// The keys of `kind` that changed.
    public subscript(kind: RecordKind) -> Set<ProgressKey> { changed[kind] ?? [] }

    public var isEmpty: Bool { changed.values.allSatisfy(\.isEmpty) && removed.isEmpty && !current }

    /// Notes that the record `key` of `kind` changed.
    public mutating func insert(_ key: ProgressKey, in kind: RecordKind) { changed[kind, default: []].insert(key) }

    /// Notes that every record of `key` was removed.
    public mutating func insertRemoved(_ key: ProgressKey) { removed.insert(key) }

    /// Notes that the current position changed.
    public mutating func insertCurrent() { current = true }

    /// Both sets of changes (for retrying changes that could not be saved with later ones).
    public func union(_ other: ChangeSet) -> ChangeSet {
        var result = self
        for (kind, keys) in other.changed { result.changed[kind, default: []].formUnion(keys) }
        result.removed.formUnion(other.removed)
        result.current = current || other.current
        return result
    }
}
