import Foundation
import Synchronization
import Testing
@testable import PathwayCore

/// Worker threads start on another processor than their parent's and may then run anywhere the
/// process may.
@Suite struct WorkerThreadTests {
    @Test func aNewThreadIsPlacedAwayFromTheProcessorStartingIt() throws {
        let allowed = WorkerThread.processorSet([0, 1, 5, 70])
        #expect(WorkerThread.processors(in: allowed) == [0, 1, 5, 70])
        #expect(WorkerThread.otherProcessors(allowed, current: 1).map(WorkerThread.processors(in:)) == [0, 5, 70])
        #expect(WorkerThread.otherProcessors(allowed, current: 70).map(WorkerThread.processors(in:)) == [0, 1, 5])
        // A processor outside the set leaves it whole.
        #expect(WorkerThread.otherProcessors(allowed, current: 2).map(WorkerThread.processors(in:)) == [0, 1, 5, 70])
        // Nothing left, or no processor known: no placement.
        #expect(WorkerThread.otherProcessors(WorkerThread.processorSet([3]), current: 3) == nil)
        #expect(WorkerThread.otherProcessors(allowed, current: -1) == nil)
        #expect(WorkerThread.otherProcessors(allowed, current: 1 << 20) == nil)
    }

    @Test func theThreadRunsAndMayThenUseEveryProcessorTheProcessMay() throws {
        let parent = try #require(WorkerThread.allowedProcessors())
        let seen = Mutex<[Int]?>(nil)
        let thread = try #require(WorkerThread.start { seen.withLock { $0 = WorkerThread.allowedProcessors() } })
        WorkerThread.join(thread)
        #expect(seen.withLock { $0 } == parent)
    }

    @Test func aDetachedThreadRuns() {
        let done = DispatchSemaphore(value: 0)
        #expect(WorkerThread.detach { done.signal() })
        #expect(done.wait(timeout: .now() + 10) == .success)
    }
}
