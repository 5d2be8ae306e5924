import Foundation
import Testing
@testable import PathwayCore

/// Imports fixtures and loads what they give, for the importer tests.
enum ImportFixtures {
    static let folder = Fixtures.root.appending(path: "import")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appending(path: name), encoding: .utf8)
    }

    /// Imports `text`, writes the pack into a new temporary folder and loads it.
    static func importAndLoad(_ text: String, with importer: any Importer = GIFTImporter(), fileName: String = "bank.gift",
                              packID: String = "bank") throws -> (ImportResult, PackLoadResult, TemporaryDirectory) {
        let result = importer.import(text: text, fileName: fileName, packID: packID)
        let directory = TemporaryDirectory()
        let folder = directory.url.appending(path: packID)
        if !result.files.isEmpty { try result.write(to: folder) }
        return (result, PackLoader().load(folder, displayPath: packID), directory)
    }

    /// The steps of every lesson of a loaded pack, in order.
    static func steps(_ load: PackLoadResult) -> [any Step] {
        load.pack?.modules.flatMap { $0.lessons.flatMap(\.steps) } ?? []
    }

    /// Imports a single GIFT question and returns its one step (failing the test otherwise).
    static func single(_ gift: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (any Step, ImportResult) {
        let (result, load, directory) = try importAndLoad(gift)
        defer { directory.remove() }
        #expect(!load.diagnostics.hasErrors, "\(load.diagnostics)", sourceLocation: sourceLocation)
        let steps = steps(load)
        try #require(steps.count == 1, "steps: \(steps.map(\.typeName)); \(result.diagnostics)", sourceLocation: sourceLocation)
        return (steps[0], result)
    }
}
