import Foundation
import Testing
@testable import PathwayCore

@Suite struct PackLibraryTests {
    func manifest(id: String, version: String, requires: String = "") -> String {
        "format: 1\nid: \(id)\ntitle: \(id)\nversion: \(version)\nauthors: [A]\ndescription: D\nlicense: L\nmodules: [m.yaml]\n\(requires)"
    }

    func writePack(_ dir: TemporaryDirectory, folder: String, id: String, version: String, requires: String = "") throws {
        try dir.write(manifest(id: id, version: version, requires: requires), to: "\(folder)/pack.yaml")
        try dir.write("id: m-\(id)\ntitle: M\nlessons:\n  - id: l-\(id)\n    title: L\n    steps:\n      - {type: text, text: Hi}\n", to: "\(folder)/m.yaml")
    }

    @Test func theHigherVersionOfTwoPacksWinsAndTheLearnerIsTold() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try writePack(dir, folder: "a/p", id: "p", version: "1.0.0")
        try writePack(dir, folder: "b/p", id: "p", version: "1.1.0")
        let library = PackLibrary.load([PackSource(folder: dir.url.appending(path: "a"), origin: .shipped),
                                        PackSource(folder: dir.url.appending(path: "b"), origin: .option)])
        #expect(library.packs.count == 1)
        #expect(library.pack(id: "p")?.manifest.version == SemanticVersion(1, 1, 0))
        #expect(library.notices.contains { $0.contains("using version 1.1.0") })
        #expect(library.entries.contains { if case .shadowed = $0.status { return true } else { return false } })
    }

    @Test func twoCopiesOfTheSameVersionAreNotCalledNewer() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try writePack(dir, folder: "a/p", id: "p", version: "1.0.0")
        try writePack(dir, folder: "b/p", id: "p", version: "1.0.0")
        let library = PackLibrary.load([PackSource(folder: dir.url.appending(path: "a"), origin: .shipped),
                                        PackSource(folder: dir.url.appending(path: "b"), origin: .option)])
        let shadowed = try #require(library.entries.first { if case .shadowed = $0.status { return true } else { return false } })
        let detail = try #require(shadowed.statusDetail)
        #expect(!detail.contains("newer"))
        #expect(detail.contains("same version"))
    }

    /// Ranges on the largest version numbers overflowed and crashed every start of the tutor.
    @Test(arguments: ["^9223372036854775807.0.0", "~1.9223372036854775807.0", "9223372036854775807.x"])
    func aRangeAtTheLargestVersionNumbersDisablesThePackWithoutCrashing(range: String) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try writePack(dir, folder: "x/base", id: "base", version: "1.0.0")
        try writePack(dir, folder: "x/huge", id: "huge", version: "1.0.0", requires: "requires: [{id: base, version: '\(range)'}]")
        let library = PackLibrary.load([PackSource(folder: dir.url.appending(path: "x"), origin: .option)])
        #expect(library.packs.map(\.id) == ["base"])
        #expect(library.notices.contains { $0.contains("huge") && $0.contains("1.0.0 is installed") })
    }

    @Test func aMissingOrIncompatibleDependencyDisablesOnlyThatPack() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try writePack(dir, folder: "x/base", id: "base", version: "1.0.0")
        try writePack(dir, folder: "x/needs-two", id: "needs-two", version: "1.0.0", requires: "requires: [{id: base, version: '^2.0.0'}]")
        try writePack(dir, folder: "x/needs-ghost", id: "needs-ghost", version: "1.0.0", requires: "requires: [{id: ghost}]")
        try writePack(dir, folder: "x/fine", id: "fine", version: "1.0.0", requires: "requires: [{id: base, version: '>=1.0.0'}]")
        let library = PackLibrary.load([PackSource(folder: dir.url.appending(path: "x"), origin: .option)])
        #expect(library.packs.map(\.id).sorted() == ["base", "fine"])
        #expect(library.notices.contains { $0.contains("needs-two") && $0.contains("1.0.0 is installed") })
        #expect(library.notices.contains { $0.contains("needs-ghost") && $0.contains("not installed") })
    }

    @Test func aBrokenPackIsDisabledAndTheOthersStillLoad() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try writePack(dir, folder: "x/good", id: "good", version: "1.0.0")
        try dir.write("format: 1\nid: bad\n", to: "x/bad/pack.yaml")
        let library = PackLibrary.load([PackSource(folder: dir.url.appending(path: "x"), origin: .option)])
        #expect(library.packs.map(\.id) == ["good"])
        let bad = try #require(library.entries.first { $0.folder.lastPathComponent == "bad" })
        guard case let .disabled(reason) = bad.status else { Issue.record("not disabled"); return }
        #expect(reason.contains("pathway pack validate"))
        #expect(library.diagnostics.contains { $0.file.hasSuffix("bad/pack.yaml") })
    }

    @Test func lessonsAndModulesAreFoundByIdOrPackQualifiedId() {
        let library = Fixtures.sampleLibrary()
        #expect(library.lessons(matching: "intro").count == 1)
        #expect(library.lessons(matching: "sample/intro").count == 1)
        #expect(library.lessons(matching: "other/intro").isEmpty)
        #expect(library.modules(matching: "basics").first?.module.title == "Basics")
        #expect(library.paths.map(\.id) == ["sample-path"])
    }
}

@Suite struct PackUpgradeTests {
    @Test func answersToRemovedQuestionsAreReportedNotDropped() {
        let library = Fixtures.sampleLibrary()
        var progress = LearnerProgress(profile: "t", now: Date())
        progress.items["sample/intro-q1"] = ItemRecord()
        progress.items["sample/retired-question"] = ItemRecord()
        progress.reflections["sample/old-essay"] = ReflectionRecord(artifact: nil, text: "x", checked: [], savedAt: Date())
        progress.items["other-pack/q"] = ItemRecord()
        let orphans = library.orphanedRecords(in: progress)
        #expect(orphans.map(\.pack.id) == ["sample"])
        #expect(orphans.first?.count == 2)
        #expect(progress.items["sample/retired-question"] != nil)
    }
}

@Suite struct RequirementCycleTests {
    @Test func packsThatRequireEachOtherAreDisabled() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        for (id, other) in [("a", "b"), ("b", "a")] {
            try dir.write("format: 1\nid: \(id)\ntitle: \(id)\nversion: 1.0.0\nauthors: [A]\ndescription: D\nlicense: L\nmodules: [m.yaml]\nrequires: [{id: \(other)}]\n", to: "x/\(id)/pack.yaml")
            try dir.write("id: m-\(id)\ntitle: M\nlessons:\n  - id: l-\(id)\n    title: L\n    steps:\n      - {type: text, text: Hi}\n", to: "x/\(id)/m.yaml")
        }
        let library = PackLibrary.load([PackSource(folder: dir.url.appending(path: "x"), origin: .option)])
        #expect(library.packs.isEmpty)
        #expect(library.notices.filter { $0.contains("cycle") }.count == 2)
    }
}
