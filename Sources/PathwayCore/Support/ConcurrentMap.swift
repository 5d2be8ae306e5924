import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `transform` applied to every element on all cores; the results keep the elements' order.
    /// Each worker makes its own `state` once (e.g. a decoder) and reuses it for its elements.
    func concurrentMap<State, T: Sendable>(state: @Sendable () -> State,
                                           _ transform: @Sendable (inout State, Element) -> T) -> [T] {
        guard count > 1 else {
            var state = state()
            return map { transform(&state, $0) }
        }
        let workers = Swift.min(Swift.max(1, ProcessInfo.processInfo.activeProcessorCount), count)
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local = state()
            for index in stride(from: worker, to: count, by: workers) {
                let value = transform(&local, self[index])
                results.withLock { $0[index] = value }
            }
        }
        return results.withLock { $0 }.map { $0! }
    }

    /// `transform` applied to every element on all cores; the results keep the elements' order.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        concurrentMap(state: {}) { _, element in transform(element) }
    }
}
