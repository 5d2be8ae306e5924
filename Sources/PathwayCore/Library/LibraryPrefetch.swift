import Foundation
import Synchronization

/// The library read on a second thread, started as the process starts, while the tutor parses
/// its command line and opens the learner's profile on the first.
///
/// The read goes on one thread and only uses indexes that are current by their listing; it
/// writes nothing. When any pack or path folder needs reading from its files (a new or edited
/// pack), or when the command turns out to load a different search path or to load it another
/// way, what was read is not used and the library is loaded as usual. Only the time of the
/// check moves, by a few milliseconds. (In practice the thread gets going once the command line
/// is parsed: the Swift runtime's first type lookups, which parsing is full of, are serialized.
/// It overlaps the opening of the profile.)
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
        DispatchQueue.global(qos: .userInitiated).async {
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
