import Foundation
import Testing
@testable import PathwayCore

/// `pathway pack new`: the commented template is a valid pack with a step of every type.
@Suite struct PackScaffoldTests {
    @Test func theScaffoldValidatesWithoutAnyDiagnostic() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let folder = directory.url.appending(path: "my-pack")
        try GeneratedFile.write(PackScaffold.files(id: "my-pack", title: "My pack"), to: folder)
        let load = PackLoader().load(folder, displayPath: "my-pack")
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
        let pack = try #require(load.pack)
        #expect(pack.id == "my-pack" && pack.title == "My pack")
        // One lesson with one step of every registered type, so a new type must be added here too.
        let steps = pack.modules.flatMap(\.lessons).flatMap(\.steps)
        #expect(pack.modules.flatMap(\.lessons).count == 1)
        #expect(steps.map(\.typeName).sorted() == StepRegistry.standard.typeNames)
        // The reflection shows a rubric and a model answer; the scenario branches and ends.
        let reflection = try #require(steps.compactMap { $0 as? ReflectionStep }.first)
        #expect(reflection.rubric.count == 2 && reflection.modelAnswer != nil)
        let scenario = try #require(steps.compactMap { $0 as? ScenarioStep }.first)
        #expect(scenario.nodes.count == 2 && scenario.level == .evaluate)
        #expect(pack.manifest.references.map(\.key) == ["example-guide"])
        #expect(pack.modules[0].placement?.count == 3)
    }

    @Test func everyKeyIsExplainedByAComment() {
        for file in PackScaffold.files(id: "p") {
            #expect(file.text.contains("# "), "\(file.path) has no comments")
        }
        let manifest = PackScaffold.files(id: "p")[0].text
        for key in ["format:", "id:", "title:", "version:", "authors:", "description:", "license:", "modules:", "policy:"] {
            let line = manifest.split(separator: "\n").firstIndex { $0.hasPrefix(key) }
            let commented = line.map { $0 > 0 && manifest.split(separator: "\n")[$0 - 1].hasPrefix("#") } ?? false
            #expect(commented, "no comment above \(key)")
        }
    }

    @Test(arguments: ["Bad Id", "-dash", String(repeating: "a", count: 45)])
    func unusableIDsAreRefused(_ id: String) {
        #expect(PackScaffold.problem(with: id) != nil)
    }

    @Test func aNonEmptyFolderIsNotOverwritten() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("mine", to: "p/notes.txt")
        #expect(throws: GeneratedFileError.self) { try GeneratedFile.write(PackScaffold.files(id: "p"), to: directory.url.appending(path: "p")) }
        #expect(try String(contentsOf: directory.url.appending(path: "p/notes.txt"), encoding: .utf8) == "mine")
    }
}
