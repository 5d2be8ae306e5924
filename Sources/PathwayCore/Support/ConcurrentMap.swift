import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

extension Array where Element: Sendable {
    /// `transform` applied to every element on all cores; the results keep the elements' order.
    /// Each worker makes its own `state` once (e.g. a decoder) and reuses it for its elements.
    ///
    /// The calling thread works too, beside one thread of its own per other core, started here
    /// and joined before returning. (Dispatch's pool sometimes took two milliseconds to hand
    /// over a thread, twice what the work of a large library took.) Each worker takes the next
    /// element not yet taken, so one that starts late leaves its share to the others.
    func concurrentMap<State, T: Sendable>(state: @Sendable () -> State,
                                           _ transform: @Sendable (inout State, Element) -> T) -> [T] {
        guard count > 1 else {
            var state = state()
            return map { transform(&state, $0) }
        }
        let workers = Swift.min(WorkerThread.processors, count)
        let results = Mutex([T?](repeating: nil, count: count))
        let next = Atomic(0)
        withoutActuallyEscaping(state) { state in
            withoutActuallyEscaping(transform) { transform in
                let work: @Sendable () -> Void = {
                    var local: State?
                    while true {
                        let index = next.add(1, ordering: .relaxed).oldValue
                        guard index < count else { break }
                        if local == nil { local = state() }
                        let value = transform(&local!, self[index])
                        results.withLock { $0[index] = value }
                    }
                }
                let threads = (1..<workers).compactMap { _ in WorkerThread.start(work) }
                work()
                for thread in threads { WorkerThread.join(thread) }
            }
        }
        return results.withLock { $0 }.map { $0! }
    }

    /// `transform` applied to every element on all cores; the results keep the elements' order.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        concurrentMap(state: {}) { _, element in transform(element) }
    }
}
