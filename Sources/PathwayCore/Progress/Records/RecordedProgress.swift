import Foundation

/// A learner's progress whose every change is noted as it is made.
///
/// The tutor holds its progress only through this type: it cannot change a record without
/// the change being noted for the journal, so no change can be forgotten by the next feature.
public struct RecordedProgress: Sendable {
    public private(set) var progress: LearnerProgress
    /// What changed since the last ``markSaved()``.
    public private(set) var changes = ChangeSet()

    public init(_ progress: LearnerProgress) { self.progress = progress }

    /// Changes the record `key` of `field` (starting from `initial` when it has none) and notes
    /// the change when the record differs afterwards. Returns what `body` returns.
    @discardableResult
    public mutating func update<Value, Result>(_ field: RecordField<Value>, _ key: ProgressKey,
                                               default initial: @autoclosure () -> Value,
                                               _ body: (inout Value) -> Result) -> Result {
        let old = progress.records[keyPath: field.path][key]
        var value = old ?? initial()
        let result = body(&value)
        if value != old {
            progress.records[keyPath: field.path][key] = value
            changes.insert(key, in: field.kind)
        }
        return result
    }

    /// Sets the record `key` of `field`.
    public mutating func set<Value>(_ field: RecordField<Value>, _ key: ProgressKey, to value: Value) {
        update(field, key, default: value) { $0 = value }
    }

    /// Moves the learner's current position (nil: none).
    public mutating func setCurrent(_ position: Position?) {
        guard progress.current != position else { return }
        progress.current = position
        changes.insertCurrent()
    }

    /// Removes every record of `key`; how many there were.
    @discardableResult
    public mutating func remove(_ key: ProgressKey) -> Int {
        let removed = progress.records.removeAll(key)
        if removed > 0 { changes.insertRemoved(key) }
        return removed
    }

    /// Stamps the time of the last change (not a change of its own).
    mutating func touch(at date: Date) { progress.updatedAt = date }

    /// Forgets the noted changes once they are saved.
    public mutating func markSaved() { changes = ChangeSet() }
}
