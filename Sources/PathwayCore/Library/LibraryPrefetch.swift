import Foundation
import Synchronization

/// The library read on a second thread, started as the process starts, while the command
/// parses its command line (and the tutor opens the learner's profile) on the first.
///
/// The read (a ``LibraryRead``) only uses indexes that are current by their listing and writes
/// nothing. When the command needs the library, its thread joins the read and takes its share
/// of the packs not yet read. When any pack or path folder needs reading from its files (a new
/// or edited pack), or when the command turns out to load a different search path or to load
/// it another way, what was read is not used and the library is loaded as usual: only the time
/// of the check moves, by a few milliseconds.
public final class LibraryPrefetch: Sendable {
    private let sources: [PackSource]
    private let loader: PackLoader
    private let read: LibraryRead
    private let misses: PackLoader.IndexMisses

    /// The one started for this process, if any.
    private static let started = Mutex<LibraryPrefetch?>(nil)

    private init(sources: [PackSource], loader: PackLoader) {
        self.sources = sources
        self.loader = loader
        misses = PackLoader.IndexMisses()
        var indexOnly = loader
        indexOnly.indexOnly = misses
        read = LibraryRead(sources, loader: indexOnly)
    }

    /// Starts reading the library of `sources` with `loader` on another thread.
    public static func start(_ sources: [PackSource], loader: PackLoader) {
        let prefetch = LibraryPrefetch(sources: sources, loader: loader)
        started.withLock { $0 = prefetch }
        let read = prefetch.read
        // Without a thread of its own the library is read when it is taken.
        _ = WorkerThread.detach { read.work() }
    }

    /// The library read ahead for exactly `sources` and `loader`, once the read is done: this
    /// thread takes its share of what is left (with more threads when there are more than two
    /// cores). Nil when none was started for them or a pack could not be read from its index.
    /// Given once.
    public static func take(_ sources: [PackSource], loader: PackLoader) -> PackLibrary? {
        guard let prefetch = started.withLock({ value -> LibraryPrefetch? in
            defer { value = nil }
            return value
        }), prefetch.sources == sources, prefetch.loader.loadsLike(loader) else { return nil }
        let library = prefetch.read.library(helpers: WorkerThread.processors - 2)
        return prefetch.misses.any ? nil : library
    }
}
