import PathwayCore

/// Progress kept in memory, with a failure to inject, for tests.
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
