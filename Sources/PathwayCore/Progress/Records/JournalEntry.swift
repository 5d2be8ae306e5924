import Foundation

/// One line of the progress journal: the new values of the records a change touched.
struct JournalEntry: Codable, Equatable {
    var seq: Int
    var at: Date
    /// The changed records, each kind under its own name (`items`, `lessons`, ...).
    var records: RecordMaps
    var removed: [ProgressKey]?
    /// Present when `current` changed; `clearCurrent` says it became nil.
    var current: Position?
    var clearCurrent: Bool?

    init(seq: Int, at: Date, changes: ChangeSet, from progress: LearnerProgress) {
        self.seq = seq
        self.at = at
        records = progress.records.picking(changes)
        // A key both changed and then removed is removed.
        let gone = changes.removed.filter { !progress.records.contains($0) }
        removed = gone.isEmpty ? nil : gone.sorted()
        if changes.current {
            current = progress.current
            clearCurrent = progress.current == nil ? true : nil
        }
    }

    /// Applies the entry to `progress`.
    func apply(to progress: inout LearnerProgress) {
        for key in removed ?? [] { progress.records.removeAll(key) }
        progress.records.overwrite(with: records)
        if let current { progress.current = current }
        if clearCurrent == true { progress.current = nil }
        progress.updatedAt = max(progress.updatedAt, at)
        progress.journalSequence = max(progress.journalSequence, seq)
    }

    private enum CodingKeys: String, CodingKey { case seq, at, removed, current, clearCurrent }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seq = try c.decode(Int.self, forKey: .seq)
        at = try c.decode(Date.self, forKey: .at)
        removed = try c.decodeIfPresent([ProgressKey].self, forKey: .removed)
        current = try c.decodeIfPresent(Position.self, forKey: .current)
        clearCurrent = try c.decodeIfPresent(Bool.self, forKey: .clearCurrent)
        records = try RecordMaps(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seq, forKey: .seq)
        try c.encode(at, forKey: .at)
        try c.encodeIfPresent(removed, forKey: .removed)
        try c.encodeIfPresent(current, forKey: .current)
        try c.encodeIfPresent(clearCurrent, forKey: .clearCurrent)
        try records.encode(to: encoder, omittingEmpty: true)
    }
}
