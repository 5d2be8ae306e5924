import Foundation
import Testing
@testable import PathwayCore

/// Career path files are read from their YAML once and then from the pack cache while they
/// are unchanged: the same paths and the same diagnostics, and every edit seen.
@Suite struct PathsIndexTests {
    /// The shipped packs' search path with a copy of the shipped path files (changed two minutes
    /// ago) and a broken one, beside a cache.
    func setUp(_ dir: TemporaryDirectory) throws -> (sources: [PackSource], loader: PackLoader, paths: URL, cache: URL) {
        let root = dir.url.appending(path: "more")
        let paths = root.appending(path: "paths")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.curricula.appending(path: "paths"), to: paths)
        // A second copy of a shipped path under another id, and a file that is not a path.
        let shipped = try #require(FileManager.default.contentsOfDirectory(atPath: paths.path).sorted().first)
        let text = try String(contentsOf: paths.appending(path: shipped), encoding: .utf8)
        let id = try #require(text.split(separator: "\n").first { $0.hasPrefix("id: ") })
        try text.replacingOccurrences(of: String(id), with: "id: zz-copy").write(to: paths.appending(path: "zz-copy.yaml"), atomically: false, encoding: .utf8)
        try "format: 1\nid: broken\ntitel: typo\n".write(to: paths.appending(path: "zz-broken.yaml"), atomically: false, encoding: .utf8)
        let old = Date().addingTimeInterval(-120)
        for path in try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted(by: { $0.count > $1.count }) + [""] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path.isEmpty ? root.path : root.appending(path: path).path)
        }
        let cache = dir.url.appending(path: "cache")
        let sources = [PackSource(folder: Fixtures.curricula, origin: .shipped), PackSource(folder: root, origin: .option, displayPath: "more")]
        return (sources, PackLoader(runsSelfCheck: false, cache: PackCache(directory: cache)), paths, cache)
    }

    /// The paths (with the files they name) and the diagnostics, for comparing two libraries.
    func describe(_ library: PackLibrary) -> ([CareerPath], [PackDiagnostic]) { (library.paths, library.diagnostics) }

    @Test func pathsFromTheCacheAreThePathsFromTheirFiles() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (sources, loader, _, cache) = try setUp(dir)
        let fromFiles = PackLibrary.load(sources, loader: loader)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).contains { $0.hasPrefix("paths-") })
        let fromCache = PackLibrary.load(sources, loader: loader)
        #expect(describe(fromCache) == describe(fromFiles))
        #expect(fromCache.paths.contains { $0.id == "zz-copy" && $0.file == "more/paths/zz-copy.yaml" })
        #expect(fromCache.diagnostics.contains { $0.file.hasPrefix("more/paths/zz-broken.yaml") && $0.severity == .error })
        #expect(fromCache.paths.flatMap(\.tracks).count == fromFiles.paths.flatMap(\.tracks).count)
        // Read ahead on another thread, the paths come from the cache too.
        LibraryPrefetch.start(sources, loader: loader)
        #expect(describe(try #require(LibraryPrefetch.take(sources, loader: loader))) == describe(fromFiles))
    }

    @Test func anEditedPathFileIsReadAgain() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (sources, loader, paths, _) = try setUp(dir)
        _ = PackLibrary.load(sources, loader: loader)
        let file = paths.appending(path: "zz-copy.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("title: ") })
        // In place, so that only the file's own time and size tell.
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: String(title), with: "title: Renamed path").utf8))
        try handle.close()
        #expect(PackLibrary.load(sources, loader: loader).path(id: "zz-copy")?.title == "Renamed path")
    }
}
