import Foundation
import Synchronization

/// One read of the library on a search path, in three stages so that several threads can share
/// the long one.
///
/// 1. The first thread to work finds the pack folders of every source (one directory read
///    per source); any other waits for it.
/// 2. ``work()`` loads those folders, on any number of threads at once: each takes the next
///    folder nobody has taken, so a thread that starts late leaves its share to the others.
/// 3. The thread that finishes the last folder puts the library together in search-path order
///    (career paths, shadowing, requirements). ``library(helpers:)`` works too, then waits for it.
///
/// ``PackLibrary/load(_:loader:)`` runs all three at once; ``LibraryPrefetch`` starts stage 2
/// on a thread as the process starts and joins it when the command needs the library.
final class LibraryRead: Sendable {
    /// A folder on the search path that may hold a pack.
    private struct Folder: Sendable {
        var source: Int
        var url: URL
        var display: String
    }

    /// What stage 1 found for each source.
    private enum Found: Sendable {
        /// The folder does not exist (or is not a folder).
        case missing
        /// The source is a pack itself.
        case pack
        /// A folder of packs, which may also hold career paths in its `paths` folder.
        case packs
    }

    /// What stage 1 found.
    private struct Plan: Sendable {
        var found: [Found] = []
        var folders: [Folder] = []
    }

    private let sources: [PackSource]
    private let loader: PackLoader
    private let plan = Mutex<Plan?>(nil)
    private let next = Atomic(0)
    private let finished = Atomic(0)
    private let results = Mutex<[Int: PackLoadResult]>([:])
    private let assembled = Mutex<PackLibrary?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ sources: [PackSource], loader: PackLoader) {
        self.sources = sources
        self.loader = loader
    }

    /// Stage 1, done by the first thread to ask.
    private func planned() -> Plan {
        plan.withLock { plan in
            if let plan { return plan }
            var found = Plan()
            for (index, source) in sources.enumerated() {
                let folder = source.folder
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                    found.found.append(.missing)
                    continue
                }
                if PackLoader.isPack(folder) {
                    found.found.append(.pack)
                    found.folders.append(Folder(source: index, url: folder, display: source.displayPath))
                    continue
                }
                found.found.append(.packs)
                let children = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
                let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
                for child in children where !child.hasPrefix(".") {
                    // (Built from text: appending a path component to a URL cost more than the
                    // rest of finding a pack with a current index.)
                    found.folders.append(Folder(source: index, url: URL(fileURLWithPath: base + child, isDirectory: false),
                                                display: source.displayPath + "/" + child))
                }
            }
            plan = found
            return found
        }
    }

    /// Loads folders until none is left to take; the thread that finishes the last one (or the
    /// first to come, when there are none) puts the library together.
    func work() {
        let plan = planned()
        let folders = plan.folders
        while true {
            let index = next.add(1, ordering: .relaxed).oldValue
            if index < folders.count {
                // A child with a current index is a pack without looking for its manifest again.
                let result = loader.loadIfPack(folders[index].url, displayPath: folders[index].display)
                results.withLock { $0[index] = result }
                guard finished.add(1, ordering: .acquiringAndReleasing).newValue == folders.count else { continue }
            } else if !(folders.isEmpty && index == 0) {
                return
            }
            let library = assemble(plan)
            assembled.withLock { $0 = library }
            done.signal()
            return
        }
    }

    /// The library, once every folder is loaded: this thread works too, beside `helpers` more
    /// threads started here. Asked once.
    func library(helpers: Int) -> PackLibrary {
        let count = planned().folders.count
        if count > 1 {
            for _ in 0..<max(0, min(helpers, count - 1)) where !WorkerThread.detach({ self.work() }) { break }
        }
        work()
        done.wait()
        return assembled.withLock { $0! }
    }

    /// Stage 3: the library from what each folder held, source by source in search-path order.
    private func assemble(_ plan: Plan) -> PackLibrary {
        let loaded = results.withLock { $0 }
        let folders = plan.folders
        var library = PackLibrary(packs: [])
        var candidates: [(Pack, PackLibrary.Entry)] = []
        var displays: [String: String] = [:]
        var first = 0
        for (index, source) in sources.enumerated() {
            var end = first
            while end < folders.count, folders[end].source == index { end += 1 }
            defer { first = end }
            switch plan.found[index] {
            case .missing:
                if source.origin != .user {
                    library.note("pack folder \(source.displayPath) (\(source.origin.rawValue)) does not exist")
                }
                continue
            case .packs:
                library.loadPaths(in: source.folder.appending(path: "paths"), display: source.displayPath + "/paths", loader: loader)
            case .pack:
                break
            }
            let packs = (first..<end).compactMap { slot in loaded[slot].map { (folders[slot], $0) } }
            // Any pack may ship career paths in its own `paths` folder (which the index's listing
            // tells about, when it was checked).
            for (folder, result) in packs where result.hasPathsFolder != false {
                library.loadPaths(in: folder.url.appending(path: "paths"), display: folder.display + "/paths", loader: loader)
            }
            for (folder, result) in packs {
                if let candidate = library.add(result, from: folder.url, display: folder.display, source: source) {
                    candidates.append(candidate)
                    displays[folder.url.path] = folder.display
                }
            }
        }
        library.finish(choosingFrom: candidates, displays: displays)
        return library
    }
}
