import Foundation
import Testing
@testable import PathwayCore

@Suite struct PackCacheTests {
    static let packs = ["ai-pm-fundamentals", "ml-basics-for-pms", "ai-pm-portfolio-career", "responsible-ai-ethics"]

    func encoded(_ pack: Pack) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let entry = pack.modules.map { module in module.lessons.map { ($0.file, $0) } }
        return try encoder.encode(pack.manifest) + encoder.encode(entry.flatMap { $0.map(\.1) })
            + Data(pack.modules.map { "\($0.id)|\($0.file)|\($0.skills)|\($0.lessons.map(\.file))" }.joined().utf8)
    }

    @Test(arguments: packs)
    func aCachedPackIsTheSameAsTheOneLoadedFromItsFiles(id: String) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let folder = Fixtures.curricula.appending(path: id)
        let cache = PackCache(directory: dir.url)
        let fresh = try #require(PackLoader(cache: cache).load(folder).pack)
        let cached = try #require(cache.read(folder), "the pack was not cached")
        #expect(try encoded(cached) == encoded(fresh))
        // Grading works the same on the cached copy.
        for (a, b) in zip(fresh.lessons.flatMap { $0.lesson.questions }, cached.lessons.flatMap { $0.lesson.questions }) {
            #expect(a.questionID == b.questionID)
            #expect(PackValidator.selfCheckFailures(b).isEmpty)
        }
    }

    @Test func editingAPackFileMakesTheCacheStale() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let folder = dir.url.appending(path: "sample")
        try FileManager.default.copyItem(at: Fixtures.samplePack, to: folder)
        let cache = PackCache(directory: dir.url.appending(path: "cache"))
        _ = PackLoader(cache: cache).load(folder)
        #expect(cache.read(folder) != nil)
        let lesson = folder.appending(path: "lessons/intro.yaml")
        let text = try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(of: "Which is a fruit?", with: "Which one is a fruit?")
        try text.write(to: lesson, atomically: true, encoding: .utf8)
        #expect(cache.read(folder) == nil)
        let reloaded = try #require(PackLoader(cache: cache).load(folder).pack)
        #expect(reloaded.lesson(id: "intro")?.lesson.questions.first?.prompt == "Which one is a fruit?")
    }

    @Test func aPackWithErrorsIsNeverCached() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let cache = PackCache(directory: dir.url.appending(path: "cache"))
        let broken = Fixtures.root.appending(path: "bad-packs/19-single-choice-no-correct/pack")
        #expect(PackLoader(cache: cache).load(broken).pack == nil)
        #expect(cache.read(broken) == nil)
    }
}
