import Foundation
import Testing
@testable import PathwayCore

/// Career paths as plugins: any pack may ship them, the learner chooses one, everything
/// follows it, path files are validated with file:line:col, and role levels show the gap.
@Suite struct CareerPathChoiceTests {
    let clock = ManualClock()

    /// The sample packs plus the judgment pack, which ships a path of its own.
    func library(extraPath: String? = nil) throws -> (PackLibrary, TemporaryDirectory) {
        let dir = TemporaryDirectory()
        try FileManager.default.copyItem(at: Fixtures.good, to: dir.url.appending(path: "packs"))
        try FileManager.default.copyItem(at: Fixtures.root.appending(path: "judgment"), to: dir.url.appending(path: "packs/judgment"))
        try dir.write("""
            format: 1
            id: judgment-path
            title: Judgment first
            tracks:
              - id: cases
                title: Cases
                pack: judgment
              - id: basics
                title: Basics
                pack: sample
                requires: [cases]
            career:
              role: Senior AI PM
              steps:
                - title: Practise cases
                  tracks: [cases]
              levels:
                - id: associate
                  title: Associate
                  skills: {judgment: developing}
                - id: senior
                  title: Senior
                  skills: {judgment: 0.9, product-thinking: strong}
            """, to: "packs/judgment/paths/judgment-path.yaml")
        if let extraPath { try dir.write(extraPath, to: "packs/judgment/paths/broken.yaml") }
        return (PackLibrary.load([PackSource(folder: dir.url.appending(path: "packs"), origin: .option, displayPath: "packs")]), dir)
    }

    @Test func aPackShipsAPathAndTheLearnerChoosesIt() throws {
        let (library, dir) = try library()
        defer { dir.remove() }
        #expect(Set(library.paths.map(\.id)) == ["sample-path", "judgment-path"])
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "p", now: clock.now), store: MemoryProgressStore(), clock: clock.clock)
        // Without a choice, the first path found is followed.
        #expect(tutor.overview.tracks.map(\.track.id) == ["first", "second"])
        #expect(tutor.choosePath("judgment-path"))
        #expect(!tutor.choosePath("nope"))
        #expect(tutor.progress.settings[.chosenPath] == "judgment-path")
        #expect(tutor.overview.tracks.map(\.track.id) == ["cases", "basics"])
        #expect(tutor.resumeTarget()?.lesson.id == "refunds")
        let report = ReportData(library: library, progress: tutor.progress, now: clock.now)
        #expect(report.tracks.prefix(2).map(\.id) == ["cases", "basics"])
        #expect(CareerReadiness(path: try #require(library.chosenPath(for: tutor.progress)), library: library, progress: tutor.progress)?.role == "Senior AI PM")
    }

    @Test func theChoiceIsSavedThroughTheJournal() throws {
        let (library, dir) = try library()
        defer { dir.remove() }
        let store = JournaledProgressStore(directory: dir.url.appending(path: "profile"), clock: clock.clock)
        try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "p", now: clock.now), store: store, clock: clock.clock)
        #expect(tutor.choosePath("judgment-path"))
        let reloaded = try #require(try JournaledProgressStore(directory: store.directory, clock: clock.clock).load())
        #expect(library.chosenPath(for: reloaded)?.id == "judgment-path")
    }

    @Test func roleLevelsShowTheGapToTheNextLevel() throws {
        let (library, dir) = try library()
        defer { dir.remove() }
        var options = Tutor.Options()
        options.shuffleChoices = false
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "p", now: clock.now), store: MemoryProgressStore(),
                          clock: clock.clock, options: options)
        #expect(tutor.choosePath("judgment-path"))
        let path = try #require(library.path(id: "judgment-path"))
        var readiness = try #require(CareerReadiness(path: path, library: library, progress: tutor.progress))
        #expect(readiness.reachedLevel == nil && readiness.nextLevel == 0)
        #expect(readiness.gap(to: 0) == [.init(skill: "judgment", have: 0, need: 0.25)])
        // Best decisions in the case and right answers raise `judgment` past "developing".
        let (pack, module, lesson) = try #require(library.lessons(matching: "refunds").first)
        tutor.open(pack: pack, module: module, lesson: lesson)
        tutor.advance()
        _ = tutor.decide("a"); _ = tutor.decide("a")
        tutor.advance()
        _ = tutor.answer("7.5")
        readiness = try #require(CareerReadiness(path: path, library: library, progress: tutor.progress))
        #expect(readiness.reachedLevel == 0)
        #expect(readiness.nextLevel == 1)
        #expect(readiness.gap(to: 1).map(\.skill) == ["product-thinking", "judgment"])
    }

    @Test func brokenPathFilesGetFileLineColumnErrors() throws {
        let (library, dir) = try library(extraPath: """
            format: 1
            id: broken
            title: Broken
            tracks:
              - id: a
                title: A
                pack: no-such-pack
              - id: b
                title: B
                pack: sample
                requires: [c]
              - id: c
                title: C
                pack: sample
                modules: [basics, missing]
            career:
              role: R
              steps:
                - title: S
                  tracks: [zzz]
            """)
        defer { dir.remove() }
        #expect(library.path(id: "broken") == nil)
        let found = library.diagnostics.filter { $0.file == "packs/judgment/paths/broken.yaml" }.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
        #expect(found.contains("11:16 track 'b' requires 'c', which does not come before it (requirements must not form a cycle)"))
        #expect(found.contains("7:11 track 'a' uses pack 'no-such-pack', which is not installed or did not load"))
        #expect(found.contains("15:23 track 'c': pack 'sample' has no module 'missing'"))
        #expect(found.contains("20:16 career step 'S' names track 'zzz', which this path does not have"))
    }
}
