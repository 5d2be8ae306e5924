import CThreadPlacement
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A POSIX thread running one closure, started at once.
///
/// A new thread is started on another processor than the one starting it. Left to the
/// scheduler, it was often queued behind its busy parent for up to one timer tick, 4 ms on a
/// 2-core virtual machine, before the load balancer moved it (a C program measured 28 µs
/// to 4 ms from `pthread_create` to the thread's first line; placed on the other processor,
/// 26 to 87 µs). Once running, the thread may go to any processor the process may use.
/// (Dispatch's pool also took one or two milliseconds to hand over its first thread.)
enum WorkerThread {
    private final class Body {
        let run: @Sendable () -> Void
        /// The processors the process may use, given back to the thread once it runs.
        let allowed: cpu_set_t?
        init(_ run: @escaping @Sendable () -> Void, allowed: cpu_set_t?) {
            self.run = run
            self.allowed = allowed
        }
    }

    /// The processors this process may use (its CPU quota counted), asked once: Foundation
    /// reads the control group's files at each ask.
    static let processors = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// A thread running `body`, to be joined, or nil when none could be started (the caller
    /// then does the work).
    static func start(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var allowed = cpu_set_t()
        let known = sched_getaffinity(0, MemoryLayout<cpu_set_t>.size, &allowed) == 0
        if known, var elsewhere = otherProcessors(allowed, current: Int(sched_getcpu())) {
            _ = pthread_attr_setaffinity_np(&attributes, MemoryLayout<cpu_set_t>.size, &elsewhere)
        }
        let box = Unmanaged.passRetained(Body(body, allowed: known ? allowed : nil)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, { argument in
            let body = Unmanaged<Body>.fromOpaque(argument!).takeRetainedValue()
            if var allowed = body.allowed {
                _ = pthread_setaffinity_np(pthread_self(), MemoryLayout<cpu_set_t>.size, &allowed)
            }
            body.run()
            return nil
        }, box)
        guard started == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            return nil
        }
        return thread
    }

    static func join(_ thread: pthread_t) {
        pthread_join(thread, nil)
    }

    /// Runs `body` on a thread of its own that nobody joins; false when none could be started.
    static func detach(_ body: @escaping @Sendable () -> Void) -> Bool {
        guard let thread = start(body) else { return false }
        pthread_detach(thread)
        return true
    }

    /// `allowed` without processor `current` (the one the calling thread runs on); nil when that
    /// leaves none or `current` is not a processor number.
    static func otherProcessors(_ allowed: cpu_set_t, current: Int) -> cpu_set_t? {
        var others = allowed
        let remaining = withUnsafeMutableBytes(of: &others) { raw -> Int in
            let words = raw.bindMemory(to: UInt.self)
            guard current >= 0, current < words.count * UInt.bitWidth else { return 0 }
            words[current / UInt.bitWidth] &= ~(1 << UInt(current % UInt.bitWidth))
            return words.reduce(0) { $0 + $1.nonzeroBitCount }
        }
        return remaining > 0 ? others : nil
    }

    /// The numbers of the processors in `set`.
    static func processors(in set: cpu_set_t) -> [Int] {
        withUnsafeBytes(of: set) { raw in
            raw.bindMemory(to: UInt.self).enumerated().flatMap { index, word in
                (0..<UInt.bitWidth).filter { word & (1 << UInt($0)) != 0 }.map { index * UInt.bitWidth + $0 }
            }
        }
    }

    /// The processors the calling thread may run on; nil when they cannot be asked.
    static func allowedProcessors() -> [Int]? {
        var set = cpu_set_t()
        guard sched_getaffinity(0, MemoryLayout<cpu_set_t>.size, &set) == 0 else { return nil }
        return processors(in: set)
    }

    /// The set of processors `numbers`.
    static func processorSet(_ numbers: [Int]) -> cpu_set_t {
        var set = cpu_set_t()
        withUnsafeMutableBytes(of: &set) { raw in
            let words = raw.bindMemory(to: UInt.self)
            for number in numbers where number >= 0 && number < words.count * UInt.bitWidth {
                words[number / UInt.bitWidth] |= 1 << UInt(number % UInt.bitWidth)
            }
        }
        return set
    }
}
