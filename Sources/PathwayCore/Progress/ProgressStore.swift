/// Where a learner's progress lives.
public protocol ProgressStore: AnyObject {
    /// The saved progress, or nil when this profile has none yet.
    func load() throws -> LearnerProgress?
    /// Saves `progress` so that a crash leaves either the old or the new file, never a mix.
    func save(_ progress: LearnerProgress) throws
    /// A description of the location, for messages.
    var location: String { get }
}

/// Progress kept in memory, for tests and previews.
public final class MemoryProgressStore: ProgressStore {
    public private(set) var saved: LearnerProgress?
    public private(set) var saveCount = 0
    /// When set, every save throws it (to test failure handling).
    public var failure: (any Error)?

    public init(_ initial: LearnerProgress? = nil) { saved = initial }

    public func load() throws -> LearnerProgress? { saved }

    public func save(_ progress: LearnerProgress) throws {
        if let failure { throw failure }
        saved = progress
        saveCount += 1
    }

    public var location: String { "memory" }
}
