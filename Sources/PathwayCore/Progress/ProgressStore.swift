/// Where a learner's progress lives.
public protocol ProgressStore: AnyObject {
    /// The saved progress, or nil when this profile has none yet.
    func load() throws -> LearnerProgress?
    /// Records the records `changes` names, taking their values from `progress`. Durable when it
    /// returns; on failure nothing already saved is harmed and the same changes can be retried.
    func record(_ changes: ChangeSet, of progress: LearnerProgress) throws
    /// Writes a whole snapshot (on exit, and when the journal has grown).
    func save(_ progress: LearnerProgress) throws
    /// A description of the location, for messages.
    var location: String { get }
    /// What loading had to repair or set aside, for the learner.
    var notices: [String] { get }
}

extension ProgressStore {
    public func record(_ changes: ChangeSet, of progress: LearnerProgress) throws { try save(progress) }
    public var notices: [String] { [] }
}

/// The store of a preview: it holds no progress and is never written (a preview tutor does
/// not save).
public final class PreviewProgressStore: ProgressStore {
    public init() {}
    public func load() throws -> LearnerProgress? { nil }
    public func save(_ progress: LearnerProgress) throws {}
    public var location: String { "nowhere (preview)" }
}

/// Why progress could not be read.
public enum ProgressError: Error, CustomStringConvertible, Equatable {
    case unreadable(String, reason: String)
    case corrupt(String, reason: String)
    case newerSchema(String, found: Int, supported: Int)
    /// The journal's entry numbers reached the largest integer (only a hand-made file can).
    case sequenceExhausted(String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read progress file \(path): \(reason)"
        case let .corrupt(path, reason):
            return "progress file \(path) is damaged: \(reason)"
        case let .newerSchema(path, found, supported):
            return "progress file \(path) was written by a newer Pathway (schema \(found); this one reads up to \(supported)). Update Pathway; the file was left untouched."
        case let .sequenceExhausted(path):
            return "journal \(path) has run out of entry numbers; restart Pathway to renumber it (nothing is lost)"
        }
    }
}
