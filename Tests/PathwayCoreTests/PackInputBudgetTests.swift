import Foundation
import Testing
@testable import PathwayCore

/// What a pack's files can cost is checked before the work: sizes by `stat` before reading,
/// one read per listed file, the pack's text in all, and files that are not regular files.
@Suite struct PackInputBudgetTests {
    static let manifest = "format: 1\nid: p\ntitle: P\nversion: 1.0.0\nauthors: [A]\ndescription: D\nlicense: L\nmodules: [m.yaml]\n"
    static let lesson = "id: l\ntitle: L\nsteps:\n  - {type: text, file: text/t.md}\n"

    func pack(lessons: String = "[l.yaml]", lesson: String = Self.lesson) throws -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        try dir.write(Self.manifest, to: "pack.yaml")
        try dir.write("id: m\ntitle: M\nlessons: \(lessons)\n", to: "m.yaml")
        try dir.write(lesson, to: "l.yaml")
        return dir
    }

    func errors(_ dir: TemporaryDirectory, loader: PackLoader = PackLoader()) -> [String] {
        loader.load(dir.url, displayPath: "p").diagnostics.filter { $0.severity == .error }.map(\.message)
    }

    /// A lesson file listed 100 times was decoded and validated 100 times (20 s, 407 MB).
    @Test func aLessonListedManyTimesIsReadOnceAndReportedOnce() throws {
        let dir = try pack(lessons: "[" + Array(repeating: "l.yaml", count: 100).joined(separator: ", ") + "]")
        defer { dir.remove() }
        try dir.write("Text.", to: "text/t.md")
        let clock = ContinuousClock()
        var messages: [String] = []
        let elapsed = clock.measure { messages = errors(dir) }
        #expect(messages == ["lesson file 'l.yaml' is listed more than once (first as 'l.yaml' in m.yaml); list each lesson file once"])
        #expect(elapsed < .seconds(2))
    }

    /// A 3 GB sparse Markdown file was read whole (3 GB of memory) before its size was checked.
    @Test func aHugeSparseMarkdownFileIsRefusedWithoutReadingIt() throws {
        let dir = try pack()
        defer { dir.remove() }
        try dir.write("", to: "text/t.md")
        #expect(truncate(dir.url.appending(path: "text/t.md").path, 3 * 1024 * 1024 * 1024) == 0)
        let clock = ContinuousClock()
        var messages: [String] = []
        let elapsed = clock.measure { messages = errors(dir) }
        #expect(messages == ["'text/t.md' is 3221225472 bytes; pack files may be at most 4194304 bytes"])
        #expect(elapsed < .seconds(1))
    }

    @Test func aNamedPipeIsRefusedAsNotARegularFileWithoutBlocking() throws {
        let dir = try pack()
        defer { dir.remove() }
        try FileManager.default.createDirectory(at: dir.url.appending(path: "text"), withIntermediateDirectories: true)
        #expect(mkfifo(dir.url.appending(path: "text/t.md").path, 0o644) == 0)
        let messages = errors(dir)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("'text/t.md' is a named pipe (FIFO), not a regular file") == true, "\(messages)")
        #expect(messages.first?.contains("permission") == false)
    }

    @Test func aLessonFileThatIsANamedPipeIsRefusedToo() throws {
        let dir = try pack()
        defer { dir.remove() }
        try FileManager.default.removeItem(at: dir.url.appending(path: "l.yaml"))
        #expect(mkfifo(dir.url.appending(path: "l.yaml").path, 0o644) == 0)
        #expect(errors(dir).contains { $0.contains("named pipe (FIFO)") })
    }

    @Test(arguments: ["text/t.md", "l.yaml"])
    func aSymbolicLinkLoopGetsAClearMessage(file: String) throws {
        let dir = try pack()
        defer { dir.remove() }
        let url = dir.url.appending(path: file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: url.lastPathComponent)
        let messages = errors(dir)
        #expect(messages == ["'\(file)' is a symbolic link that loops (it leads back to itself)"])
    }

    @Test func aManifestThatIsASymbolicLinkLoopGetsAClearMessage() throws {
        let dir = try pack()
        defer { dir.remove() }
        let url = dir.url.appending(path: "pack.yaml")
        try FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "pack.yaml")
        #expect(errors(dir) == ["'pack.yaml' is a symbolic link that loops (it leads back to itself)"])
    }

    /// One Markdown file used by many steps counts each time: the pack's text in all is bounded.
    @Test func thePacksTextInAllIsBounded() throws {
        let steps = (0..<20).map { _ in "  - {type: text, file: text/t.md}\n" }.joined()
        let dir = try pack(lesson: "id: l\ntitle: L\nsteps:\n" + steps)
        defer { dir.remove() }
        try dir.write(String(repeating: "x", count: 100_000), to: "text/t.md")
        var loader = PackLoader()
        loader.maximumPackText = 1_000_000
        let messages = errors(dir, loader: loader)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("more than 0 MB of text in all") == true, "\(messages)")
        loader.maximumPackText = 3_000_000
        #expect(errors(dir, loader: loader).isEmpty)
    }

    /// A broken pack was loaded in full at every start; its diagnostics are now cached too.
    @Test func aFailedPacksDiagnosticsAreCachedByFingerprint() throws {
        let dir = try pack()
        defer { dir.remove() }
        let cacheDir = TemporaryDirectory()
        defer { cacheDir.remove() }
        let cache = PackCache(directory: cacheDir.url)
        let first = PackLoader(cache: cache).load(dir.url, displayPath: "p")
        #expect(first.pack == nil)
        let cached = try #require(cache.lookup(dir.url))
        #expect(cached.pack == nil)
        #expect(cached.diagnostics == first.diagnostics)
        #expect(cached.manifest?.id == "p")
        // Fixing the pack changes its fingerprint: it is read again.
        try dir.write("Text.", to: "text/t.md")
        #expect(cache.lookup(dir.url) == nil)
        #expect(PackLoader(cache: cache).load(dir.url, displayPath: "p").pack != nil)
    }
}
