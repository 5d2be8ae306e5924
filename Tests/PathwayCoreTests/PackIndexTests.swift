import Foundation
import PathwayTestSupport
import Testing
@testable import PathwayCore

/// The pack index: start-up reads each pack's head only, a lesson is decoded when it is used,
/// every edit to a pack is seen, and a damaged index is rebuilt rather than trusted.
@Suite struct PackIndexTests {
    /// The library as the tutor loads it, through the index in `cache`.
    func library(_ folder: URL, cache: URL) -> PackLibrary {
        PackLibrary.load([PackSource(folder: folder, origin: .shipped)], loader: PackLoader(runsSelfCheck: false, cache: PackCache(directory: cache)))
    }

    func decodedLessons(_ library: PackLibrary) -> [String] {
        library.packs.flatMap { pack in pack.lessons.filter(\.lesson.stepsDecoded).map { "\(pack.id)/\($0.lesson.id)" } }
    }

    /// Whether `index` holds a sound index of the same size as `whole` (rebuilt, not patched).
    func rebuilt(_ index: URL, like whole: Data, packs: URL) throws -> Bool {
        try Data(contentsOf: index).count == whole.count && PackCache(directory: index.deletingLastPathComponent()).read(packs.appending(path: "sample")) != nil
    }

    func indexFile(in cache: URL) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".index") }
        #expect(names.count == 1, "\(names)")
        return cache.appending(path: try #require(names.first))
    }

    /// A copy of the sample pack in a folder of its own, and a cache folder.
    func samplePack() throws -> (dir: TemporaryDirectory, packs: URL, pack: URL, cache: URL) {
        let dir = TemporaryDirectory()
        let packs = dir.url.appending(path: "packs")
        try FileManager.default.createDirectory(at: packs, withIntermediateDirectories: true)
        let pack = packs.appending(path: "sample")
        try FileManager.default.copyItem(at: Fixtures.samplePack, to: pack)
        return (dir, packs, pack, dir.url.appending(path: "cache"))
    }

    @Test func startUpPathListAndProgressDecodeNoLessonAndOpeningOneDecodesOnlyIt() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let cache = dir.url.appending(path: "cache")
        let first = library(Fixtures.curricula, cache: cache)
        #expect(first.packs.count == 5)
        let library = self.library(Fixtures.curricula, cache: cache)
        #expect(library.packs.map(\.id) == first.packs.map(\.id))
        // A learner with answers, reflections and due cards in one pack.
        var progress = LearnerProgress(profile: "t", now: Date(timeIntervalSince1970: 1_800_000_000))
        progress.items["ai-pm-fundamentals/fund-intro-q1"] = ItemRecord()
        progress.items["ai-pm-fundamentals/retired-question"] = ItemRecord()
        progress.cards["ai-pm-fundamentals/fund-intro-q1"] = ReviewCard(firstSeenAt: Date(timeIntervalSince1970: 1_700_000_000))
        let tutor = Tutor(library: library, progress: progress, store: MemoryProgressStore())
        _ = library.retiredAnswers(in: progress)
        _ = library.orphanedRecords(in: progress)
        let overview = tutor.overview
        #expect(overview.allModules.count >= 20)
        _ = tutor.dueCards()
        _ = tutor.reviewForecast
        let target = try #require(tutor.resumeTarget())
        #expect(decodedLessons(library).isEmpty, "decoded at start-up: \(decodedLessons(library))")

        tutor.open(pack: target.pack, module: target.module, lesson: target.lesson)
        #expect(decodedLessons(library) == ["\(target.pack.id)/\(target.lesson.id)"])
    }

    @Test(arguments: ["ai-pm-fundamentals", "llm-products", "responsible-ai-ethics"])
    func aLessonReadFromTheIndexIsTheSameAsTheOneReadFromItsFiles(id: String) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let folder = Fixtures.curricula.appending(path: id)
        let cache = PackCache(directory: dir.url)
        let fresh = try #require(PackLoader(runsSelfCheck: false, cache: cache).load(folder).pack)
        let indexed = try #require(cache.read(folder))
        #expect(indexed.head.lessonCount == fresh.lessons.count)
        #expect(indexed.head.skills == fresh.head.skills)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for (a, b) in zip(fresh.lessons, indexed.lessons) {
            #expect(a.lesson.outline == b.lesson.outline)
            #expect(!b.lesson.stepsDecoded)
            #expect(try encoder.encode(a.lesson) == encoder.encode(b.lesson))
        }
    }

    @Test func editsToALessonAModuleATextFileAndTheManifestAreEachSeen() throws {
        let (dir, packs, pack, cache) = try samplePack()
        defer { dir.remove() }
        func prompt() -> String? {
            (library(packs, cache: cache).pack(id: "sample")?.lesson(id: "intro")?.lesson.steps[1] as? any Question)?.prompt
        }
        #expect(prompt() == "Which is a fruit?")
        let index = try indexFile(in: cache)
        let written = try FileManager.default.attributesOfItem(atPath: index.path)[.modificationDate] as? Date
        // A second start-up uses the index as it is.
        #expect(prompt() == "Which is a fruit?")
        #expect(try FileManager.default.attributesOfItem(atPath: index.path)[.modificationDate] as? Date == written)

        // The same size, in place: only the modification time changes.
        try overwrite(pack.appending(path: "lessons/intro.yaml"), "Which is a fruit?", "Which is a FRUIT?")
        #expect(prompt() == "Which is a FRUIT?")

        try overwrite(pack.appending(path: "modules/basics.yaml"), "title: Basics", "title: Basics, revised")
        #expect(library(packs, cache: cache).pack(id: "sample")?.module(id: "basics")?.title == "Basics, revised")

        try overwrite(pack.appending(path: "pack.yaml"), "version: 1.2.0", "version: 1.3.0")
        let upgraded = try #require(library(packs, cache: cache).pack(id: "sample"))
        #expect(upgraded.version.description == "1.3.0")
        #expect(upgraded.manifest.version.description == "1.3.0")

        let text = pack.appending(path: "text/intro.md")
        try (String(contentsOf: text, encoding: .utf8) + "\nOne more line.\n").write(to: text, atomically: true, encoding: .utf8)
        let step = library(packs, cache: cache).pack(id: "sample")?.lesson(id: "intro")?.lesson.steps[0] as? TextStep
        #expect(step?.text.contains("One more line.") == true)

        // A pack broken by an edit is disabled, and working again once it is fixed.
        try overwrite(pack.appending(path: "modules/basics.yaml"), "id: basics", "id: [basics")
        #expect(library(packs, cache: cache).pack(id: "sample") == nil)
        try overwrite(pack.appending(path: "modules/basics.yaml"), "id: [basics", "id: basics")
        #expect(library(packs, cache: cache).pack(id: "sample")?.module(id: "basics")?.title == "Basics, revised")
    }

    func overwrite(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: old, with: new).utf8))
        try handle.close()
    }

    @Test func aTruncatedIndexIsRebuilt() throws {
        let (dir, packs, _, cache) = try samplePack()
        defer { dir.remove() }
        _ = library(packs, cache: cache)
        let index = try indexFile(in: cache)
        let whole = try Data(contentsOf: index)
        for cut in [1, whole.count / 2, whole.count - 1] {
            try whole.prefix(cut).write(to: index)
            let reloaded = library(packs, cache: cache)
            #expect(reloaded.pack(id: "sample")?.lesson(id: "intro") != nil)
            #expect(try rebuilt(index, like: whole, packs: packs), "the index cut at \(cut) bytes was not rebuilt")
        }
        try Data().write(to: index)
        #expect(library(packs, cache: cache).pack(id: "sample") != nil)
        #expect(try rebuilt(index, like: whole, packs: packs))
    }

    @Test func aDamagedIndexIsNeverTrusted() throws {
        let (dir, packs, _, cache) = try samplePack()
        defer { dir.remove() }
        _ = library(packs, cache: cache)
        let index = try indexFile(in: cache)
        let whole = try Data(contentsOf: index)
        let lines = whole.split(separator: 10, maxSplits: 1)
        let header = String(decoding: lines[0], as: UTF8.self)

        // A changed byte in the head (the title): not used; the pack is read again and the index rewritten.
        var damaged = whole
        let title = try #require(whole.range(of: Data("Sample pack".utf8)))
        damaged[title.lowerBound] = UInt8(ascii: "X")
        try damaged.write(to: index)
        #expect(library(packs, cache: cache).pack(id: "sample")?.title == "Sample pack")
        #expect(try rebuilt(index, like: whole, packs: packs))

        // A header claiming more than the file holds.
        let inflated = header.replacingOccurrences(of: " ok ", with: " ok 99999999999 ")
        try (Data(inflated.utf8) + Data([10]) + lines[1]).write(to: index)
        #expect(library(packs, cache: cache).pack(id: "sample")?.title == "Sample pack")
        #expect(try rebuilt(index, like: whole, packs: packs))

        // Bytes that are no index at all.
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: index)
        #expect(library(packs, cache: cache).pack(id: "sample") != nil)
        #expect(try rebuilt(index, like: whole, packs: packs))

        // A changed byte in a lesson's steps: the head is sound, so start-up uses the index; the
        // lesson's steps fail their check and are read from the pack's files, and the index is
        // removed so that the next start-up writes a new one.
        damaged = whole
        let prompt = try #require(whole.range(of: Data("Which is a fruit?".utf8), options: .backwards))
        damaged[prompt.lowerBound] = UInt8(ascii: "X")
        try damaged.write(to: index)
        let loaded = library(packs, cache: cache)
        let lesson = try #require(loaded.pack(id: "sample")?.lesson(id: "intro")?.lesson)
        #expect((lesson.steps[1] as? any Question)?.prompt == "Which is a fruit?")
        #expect(!FileManager.default.fileExists(atPath: index.path))
        _ = library(packs, cache: cache)
        #expect(try rebuilt(index, like: whole, packs: packs))
    }

    @Test func theModulesSectionKeepsAnyTextExactly() throws {
        let hostile = "Tab\there, line\nbreak, back\\slash \\x41, \u{1F}unit\u{1E}, \r\n, é\u{301}, 👩‍💻, + - ~"
        let body = PackIndexFile.BodyRange(offset: 12, length: 34, hash: "00ab")
        let modules: [PackIndexModules.Module] = [
            .init(id: "m1", title: hostile, summary: nil, skills: [], file: "modules/m1.yaml", placement: nil, lessons: [
                .init(id: "l1", title: "", minutes: nil, sources: [], file: "l1.yaml", counts: StepCounts(questions: 1, graded: 2, reflections: 3),
                      body: body, outline: StepOutline.text([StepOutline(kind: .question, id: "q", key: "q@r2"), StepOutline(kind: .other, id: nil, key: nil)])),
                .init(id: "l2", title: "-", minutes: 7, sources: ["+", "", hostile], file: hostile, counts: StepCounts(questions: 0, graded: 0, reflections: 0),
                      body: body, outline: ""),
            ]),
            .init(id: "m2", title: "+", summary: hostile, skills: ["a", hostile], file: "", placement: [], lessons: []),
            .init(id: "m3", title: "x", summary: "", skills: [""], file: "f", placement: ["q1", "q2"], lessons: []),
        ]
        let decoded = try #require(PackIndexModules.decode(PackIndexModules.encode(modules)))
        #expect(decoded.map(\.title) == [hostile, "+", "x"])
        #expect(decoded.map(\.summary) == [nil, hostile, ""])
        #expect(decoded.map(\.skills) == [[], ["a", hostile], [""]])
        #expect(decoded.map(\.placement) == [nil, [], ["q1", "q2"]])
        #expect(decoded.map(\.file) == ["modules/m1.yaml", "", "f"])
        let lessons = decoded[0].lessons
        #expect(lessons.map(\.title) == ["", "-"])
        #expect(lessons.map(\.minutes) == [nil, 7])
        #expect(lessons.map(\.sources) == [[], ["+", "", hostile]])
        #expect(lessons[1].file == hostile)
        #expect(lessons[0].counts == StepCounts(questions: 1, graded: 2, reflections: 3))
        #expect(lessons[0].body.offset == 12 && lessons[0].body.length == 34 && lessons[0].body.hash == "00ab")
        #expect(StepOutline.parse(lessons[0].outline) == [StepOutline(kind: .question, id: "q", key: "q@r2"), StepOutline(kind: .other, id: nil, key: nil)])
        #expect(StepOutline.parse(lessons[1].outline) == [])
        // Anything else is no modules section.
        for bad in ["X\tm", "M\tm\tt", "L\tl\tt\t-\t\tf\t1\t1\t1\t0\t1\th\t", "M\tm\tt\t?\tf\t\t-"] {
            #expect(PackIndexModules.decode(Data(bad.utf8)) == nil, "\(bad)")
        }
    }

    @Test func theHeadKeepsAnyTextExactly() throws {
        let hostile = "Tab\there\nand \\ \u{1F} é 👩‍💻 + -"
        var head = PackHead(id: "p", title: hostile, version: try #require(SemanticVersion("1.2.3-beta.1")))
        head.requires = [PackRequirement(id: "a", version: ">=1.0.0 <2.0.0"), PackRequirement(id: "b", version: nil)]
        head.skills = ["x", hostile]
        head.modules = [.init(id: "m1", title: hostile, lessons: ["l1", "l2"], counts: StepCounts(questions: 3, graded: 2, reflections: 1)),
                        .init(id: "m2", title: "", lessons: [], counts: .zero)]
        let decoded = try #require(PackIndexModules.decodeHead(PackIndexModules.encode(head)))
        #expect(decoded.id == "p" && decoded.title == hostile && decoded.version.description == "1.2.3-beta.1")
        #expect(decoded.requires.map(\.id) == ["a", "b"] && decoded.requires.map(\.version) == [">=1.0.0 <2.0.0", nil])
        #expect(decoded.skills == ["x", hostile])
        #expect(decoded.modules.map(\.id) == ["m1", "m2"] && decoded.modules.map(\.lessons) == [["l1", "l2"], []])
        #expect(decoded.modules.map(\.title) == [hostile, ""])
        #expect(decoded.modules.map(\.counts) == [StepCounts(questions: 3, graded: 2, reflections: 1), .zero])
        #expect(decoded.lessonCount == 2 && decoded.counts == StepCounts(questions: 3, graded: 2, reflections: 1))
        for bad in ["", "H\tp\tt", "H\tp\tt\tnot-a-version\nS\t", "H\tp\tt\t1.0.0", "H\tp\tt\t1.0.0\nS\t\nX\t1",
                    "H\tp\tt\t1.0.0\nS\t\nD\tm\tt\t+l\t1\t2", "H\tp\tt\t1.0.0\nS\t\nD\tm\tt\t+l\t1\t2\tx"] {
            #expect(PackIndexModules.decodeHead(Data(bad.utf8)) == nil, "\(bad)")
        }
    }
}
