import Foundation
import Synchronization
import Testing
@testable import PathwayCore

/// Work spread over the cores keeps its order, and each worker makes its state once, however
/// the elements fall to the workers.
@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 2, 7, 1000])
    func resultsKeepTheElementsOrder(count: Int) {
        let elements = Array(0..<count)
        let states = Atomic(0)
        let mapped = elements.concurrentMap(state: { states.add(1, ordering: .relaxed) }) { _, element in element * 3 }
        #expect(mapped == elements.map { $0 * 3 })
        #expect(states.load(ordering: .relaxed) <= max(1, min(count, ProcessInfo.processInfo.activeProcessorCount)))
    }

    /// A worker slow on its first element leaves the rest to the others: with a fixed half
    /// each it would still do half of them.
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2, "two cores, as CI has"))
    func aSlowWorkerIsNotWaitedForWithTheRestOfItsShare() {
        let elements = Array(0..<200)
        let slow = Atomic<UInt>(0)
        let mapped = elements.concurrentMap { element -> UInt in
            let me = UInt(pthread_self())
            if slow.compareExchange(expected: 0, desired: me, ordering: .relaxed).exchanged { usleep(50_000) }
            usleep(500)
            return me
        }
        let slowThread = slow.load(ordering: .relaxed)
        let bySlow = mapped.count { $0 == slowThread }
        #expect(bySlow < elements.count / 2, "the slow worker did \(bySlow) of \(elements.count)")
    }
}
