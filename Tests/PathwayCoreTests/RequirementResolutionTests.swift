import Foundation
import Testing
@testable import PathwayCore

/// An author's pack folder is loaded with the search path, so its `requires` resolve, and the
/// folder being worked on shadows any installed copy.
@Suite struct RequirementResolutionTests {
    let helper = PackLibraryTests()

    @Test func aWorkingFolderResolvesItsRequirementsFromTheSearchPath() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try helper.writePack(dir, folder: "shipped/base", id: "base", version: "1.0.0")
        try helper.writePack(dir, folder: "src/lab", id: "lab", version: "0.1.0", requires: "requires: [{id: base, version: '>=1.0.0'}]")
        let working = [PackSource(folder: dir.url.appending(path: "src/lab"), origin: .working, displayPath: "src/lab")]
        let library = PackLibrary.loadWorking(working, searchPath: [PackSource(folder: dir.url.appending(path: "shipped"), origin: .shipped)])
        #expect(library.workingEntries.map(\.id) == ["lab"])
        #expect(library.workingEntries.first?.status == .enabled)
        #expect(library.pack(id: "lab") != nil)
        #expect(library.diagnostics(inside: working).isEmpty)
    }

    @Test func theWorkingFolderShadowsAnInstalledCopyEvenOfAHigherVersion() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try helper.writePack(dir, folder: "installed/lab", id: "lab", version: "2.0.0")
        try helper.writePack(dir, folder: "src/lab", id: "lab", version: "1.0.0")
        let library = PackLibrary.loadWorking([PackSource(folder: dir.url.appending(path: "src/lab"), origin: .working, displayPath: "src/lab")],
                                              searchPath: [PackSource(folder: dir.url.appending(path: "installed"), origin: .user)])
        #expect(library.pack(id: "lab")?.manifest.version == SemanticVersion(1, 0, 0))
        #expect(library.entries.contains { $0.source.origin == .user && $0.unusedReason?.contains("1.0.0 in src/lab") == true })
    }

    @Test func aMisspeltRequirementIsAnErrorAtItsLineWithADidYouMean() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try helper.writePack(dir, folder: "shipped/ai-pm-fundamentals", id: "ai-pm-fundamentals", version: "1.0.0")
        try helper.writePack(dir, folder: "src/lab", id: "lab", version: "0.1.0", requires: "requires:\n  - id: ai-pm-fundamentalz\n")
        let working = [PackSource(folder: dir.url.appending(path: "src/lab"), origin: .working, displayPath: "src/lab")]
        let library = PackLibrary.loadWorking(working, searchPath: [PackSource(folder: dir.url.appending(path: "shipped"), origin: .shipped)])
        let errors = library.diagnostics(inside: working).filter { $0.severity == .error }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.file == "src/lab/pack.yaml")
        #expect(error.line == 10 && error.column == 9)
        #expect(error.message.contains("'ai-pm-fundamentalz'") && error.message.contains("did you mean 'ai-pm-fundamentals'?"))
        #expect(library.workingEntries.first?.unusedReason?.hasPrefix("disabled: needs pack 'ai-pm-fundamentalz'") == true)
    }

    @Test func aRequirementOnADisabledPackSaysSoRatherThanNotInstalled() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try helper.writePack(dir, folder: "x/base", id: "base", version: "1.0.0", requires: "requires: [{id: ghost}]")
        try helper.writePack(dir, folder: "x/top", id: "top", version: "1.0.0", requires: "requires: [{id: base}]")
        let library = PackLibrary.load([PackSource(folder: dir.url.appending(path: "x"), origin: .option)])
        #expect(library.packs.isEmpty)
        #expect(library.notices.contains { $0.contains("'top'") && $0.contains("which is disabled itself") })
    }

    @Test func suggestionsAreCloseNamesOnly() {
        #expect(Suggestion.closest(to: "explaination", among: ["explanation", "prompt"]) == "explanation")
        #expect(Suggestion.closest(to: "zzz", among: ["explanation", "prompt"]) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }
}
