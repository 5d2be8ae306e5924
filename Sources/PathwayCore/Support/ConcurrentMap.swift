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
        // Each worker takes the next element not yet taken, so one that starts late (a new
        // thread can take milliseconds to get going) leaves its share to the others instead of
        // being waited for.
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var local: State?
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { break }
                if local == nil { local = state() }
                let value = transform(&local!, self[index])
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
