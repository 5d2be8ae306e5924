import Foundation
import Testing
@testable import PathwayCore

/// The library read ahead on a second thread is used only when it is the library the command
/// would load: the same search path and loader, every pack from a current index.
@Suite(.serialized) struct LibraryPrefetchTests {
    /// Two packs whose files changed two minutes ago, and a loader through a cache in `dir`.
    func setUp(_ dir: TemporaryDirectory) throws -> (sources: [PackSource], loader: PackLoader, packs: URL) {
        let packs = dir.url.appending(path: "packs")
        try FileManager.default.createDirectory(at: packs, withIntermediateDirectories: true)
        for id in ["sample-a", "sample-b"] {
            let pack = packs.appending(path: id)
            try FileManager.default.copyItem(at: Fixtures.samplePack, to: pack)
            let manifest = pack.appending(path: "pack.yaml")
            let text = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: "id: sample\n", with: "id: \(id)\n")
            try text.write(to: manifest, atomically: false, encoding: .utf8)
        }
        let old = Date().addingTimeInterval(-120)
        for path in try FileManager.default.subpathsOfDirectory(atPath: packs.path).sorted(by: { $0.count > $1.count }) + [""] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path.isEmpty ? packs.path : packs.appending(path: path).path)
        }
        let sources = [PackSource(folder: packs, origin: .option)]
        return (sources, PackLoader(runsSelfCheck: false, cache: PackCache(directory: dir.url.appending(path: "cache"))), packs)
    }

    func summary(_ library: PackLibrary) -> [String] {
        library.packs.map { "\($0.id) \($0.version) \($0.head.lessonCount)" } + library.entries.map { "\($0.id) \($0.status)" }
    }

    @Test func theLibraryReadAheadIsTheOneTheCommandWouldLoad() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (sources, loader, _) = try setUp(dir)
        let loaded = PackLibrary.load(sources, loader: loader)
        LibraryPrefetch.start(sources, loader: loader)
        let ahead = try #require(LibraryPrefetch.take(sources, loader: loader))
        #expect(summary(ahead) == summary(loaded))
        #expect(summary(ahead).count == 4)
        // Given once.
        #expect(LibraryPrefetch.take(sources, loader: loader) == nil)
    }

    @Test func anotherSearchPathOrLoaderGetsNothing() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (sources, loader, _) = try setUp(dir)
        _ = PackLibrary.load(sources, loader: loader)
        LibraryPrefetch.start(sources, loader: loader)
        #expect(LibraryPrefetch.take(sources + [PackSource(folder: dir.url, origin: .option)], loader: loader) == nil)
        LibraryPrefetch.start(sources, loader: loader)
        #expect(LibraryPrefetch.take(sources, loader: PackLoader(runsSelfCheck: false, cache: PackCache(directory: dir.url))) == nil)
    }

    @Test func aPackWithoutACurrentIndexIsLeftToTheCommandAndNothingIsWritten() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (sources, loader, packs) = try setUp(dir)
        let cache = dir.url.appending(path: "cache")
        // No index yet: the read ahead writes none and is not used.
        LibraryPrefetch.start(sources, loader: loader)
        #expect(LibraryPrefetch.take(sources, loader: loader) == nil)
        #expect(!FileManager.default.fileExists(atPath: cache.path))
        // Indexed, then one lesson edited in place: the same.
        _ = PackLibrary.load(sources, loader: loader)
        let lesson = packs.appending(path: "sample-b/lessons/intro.yaml")
        let handle = try FileHandle(forWritingTo: lesson)
        try handle.write(contentsOf: Data("id: intro\ntitle: Edited".utf8))
        try handle.close()
        let before = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted().map {
            try Data(contentsOf: cache.appending(path: $0))
        }
        LibraryPrefetch.start(sources, loader: loader)
        #expect(LibraryPrefetch.take(sources, loader: loader) == nil)
        let after = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted().map {
            try Data(contentsOf: cache.appending(path: $0))
        }
        #expect(before == after)
        let reloaded = PackLibrary.load(sources, loader: loader)
        #expect(reloaded.pack(id: "sample-b")?.lesson(id: "intro")?.lesson.title.hasPrefix("Edited") == true, "the edit is read")
    }
}
