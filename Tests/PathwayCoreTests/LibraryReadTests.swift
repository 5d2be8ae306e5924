import Foundation
import Synchronization
import Testing
@testable import PathwayCore

/// However many threads share a library read, the library comes out as one thread reads it:
/// the same packs, entries, paths, diagnostics and notices, in search-path order.
@Suite struct LibraryReadTests {
    /// Folders of packs (good, broken, the shipped curricula with their career paths), a pack
    /// as a source of its own and a folder that does not exist.
    var sources: [PackSource] {
        [PackSource(folder: Fixtures.good, origin: .option),
         PackSource(folder: Fixtures.root.appending(path: "bad-packs/01-bad-pattern"), origin: .option),
         PackSource(folder: Fixtures.root.appending(path: "bad-packs/12-lesson-yaml-syntax"), origin: .option),
         PackSource(folder: Fixtures.root.appending(path: "bad-packs/24-no-manifest"), origin: .option),
         PackSource(folder: Fixtures.root.appending(path: "no-such-folder"), origin: .option),
         PackSource(folder: Fixtures.curricula, origin: .shipped),
         PackSource(folder: Fixtures.samplePack, origin: .environment)]
    }

    func summary(_ library: PackLibrary) -> [String] {
        library.packs.map { "pack \($0.id) \($0.version)" }
            + library.entries.map { "entry \($0.id) \($0.folder.path) \($0.status)" }
            + library.paths.map { "path \($0.id) \($0.file)" }
            + library.diagnostics.map { "diagnostic \($0)" }
            + library.notices.map { "notice \($0)" }
    }

    @Test func threadsSharingTheReadGiveTheLibraryOneThreadReads() throws {
        let loader = PackLoader(runsSelfCheck: false)
        let alone = summary(LibraryRead(sources, loader: loader).library(helpers: 0))
        #expect(alone.contains { $0.hasPrefix("pack ai-pm-fundamentals") })
        #expect(alone.contains { $0.hasPrefix("path ai-product-manager") })
        // Two broken packs are disabled; a folder without a manifest is no pack at all.
        #expect(alone.filter { $0.hasPrefix("entry") && $0.contains("bad-packs/") && $0.contains("disabled") }.count == 2)
        #expect(alone.contains { $0.contains("no-such-folder") && $0.hasPrefix("notice") })
        #expect(summary(LibraryRead(sources, loader: loader).library(helpers: 3)) == alone)
        // Threads that join a read already under way (as a command joins the read started at
        // launch) each take a share; the library is the same.
        let read = LibraryRead(sources, loader: loader)
        let started = (0..<3).compactMap { _ in WorkerThread.start { read.work() } }
        #expect(started.count == 3)
        #expect(summary(read.library(helpers: 0)) == alone)
        for thread in started { WorkerThread.join(thread) }
        #expect(summary(PackLibrary.load(sources, loader: loader)) == alone)
    }

    @Test func aReadWithNoPackFoldersEnds() {
        let missing = [PackSource(folder: Fixtures.root.appending(path: "no-such-folder"), origin: .option)]
        let library = LibraryRead(missing, loader: PackLoader()).library(helpers: 2)
        #expect(library.packs.isEmpty && library.entries.isEmpty)
        #expect(library.notices.count == 1)
        #expect(LibraryRead([], loader: PackLoader()).library(helpers: 0).packs.isEmpty)
        // A folder holding only files: nothing is a pack.
        let files = [PackSource(folder: Fixtures.root.appending(path: "progress"), origin: .option)]
        #expect(LibraryRead(files, loader: PackLoader()).library(helpers: 1).entries.isEmpty)
    }
}
