import Foundation
import Synchronization

/// The library read on a second thread from the moment the process starts, while the command
/// line is parsed and the profile opened on the first.
///
/// Checking every pack's index against its folder costs a system call per file; on two cores it
/// then adds nothing to the time to the first prompt, whatever the size of the library. The
/// read only uses indexes that are current by their listing and writes nothing: when any pack
/// needs reading from its files (a new or edited pack), or when the command turns out to load a
/// different search path or to load it another way, what was read is not used and the library
/// is loaded as usual. Only the time of the check moves (to a few milliseconds earlier).
public final class LibraryPrefetch: Sendable {
    private let sources: [PackSource]
    private let loader: PackLoader
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<PackLibrary?>(nil)

    /// The one started for this process, if any.
    private static let started = Mutex<LibraryPrefetch?>(nil)

    private init(sources: [PackSource], loader: PackLoader) {
        self.sources = sources
        self.loader = loader
    }

    /// Starts reading the library of `sources` with `loader` on another thread.
    public static func start(_ sources: [PackSource], loader: PackLoader) {
        let misses = PackLoader.IndexMisses()
        let indexOnly = { var copy = loader; copy.indexOnly = misses; return copy }()
        let prefetch = LibraryPrefetch(sources: sources, loader: loader)
        started.withLock { $0 = prefetch }
        Thread.detachNewThread {
            let library = PackLibrary.load(sources, loader: indexOnly)
            if !misses.any { prefetch.result.withLock { $0 = library } }
            prefetch.done.signal()
        }
    }

    /// The library read ahead for exactly `sources` and `loader`, waiting for the read to end;
    /// nil when none was started for them or a pack could not be read from its index. Given once.
    public static func take(_ sources: [PackSource], loader: PackLoader) -> PackLibrary? {
        guard let prefetch = started.withLock({ value -> LibraryPrefetch? in
            defer { value = nil }
            return value
        }), prefetch.sources == sources, prefetch.loader.loadsLike(loader) else { return nil }
        prefetch.done.wait()
        return prefetch.result.withLock { $0 }
    }
}
