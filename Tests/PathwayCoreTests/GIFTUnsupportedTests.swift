import Foundation
import Testing
@testable import PathwayCore

/// Constructs Pathway cannot import are reported at their line, never dropped silently, and
/// the rest of the bank is still imported into a pack that loads.
@Suite struct GIFTUnsupportedTests {
    struct Expected: Sendable, CustomStringConvertible {
        var line: Int
        var severity: PackDiagnostic.Severity
        var fragment: String
        var description: String { "\(line): \(severity) \(fragment)" }
    }

    static let expected: [Expected] = [
        Expected(line: 3, severity: .warning, fragment: "partial credit (50%) for 'DCG'"),
        Expected(line: 5, severity: .warning, fragment: "image '@@PLUGINFILE@@/chart.png'"),
        Expected(line: 5, severity: .warning, fragment: "<audio> media"),
        Expected(line: 7, severity: .warning, fragment: "feedback for any other answer"),
        Expected(line: 9, severity: .warning, fragment: "partial credit (50%) for 'Data science'"),
        Expected(line: 11, severity: .error, fragment: "two options have the same text"),
        Expected(line: 13, severity: .warning, fragment: "'{false}' is a short answer"),
        Expected(line: 15, severity: .error, fragment: "needs at least two answers"),
        Expected(line: 17, severity: .error, fragment: "needs an answer with full credit"),
        Expected(line: 17, severity: .warning, fragment: "partial credit (50%) for 'Regression'"),
        Expected(line: 19, severity: .error, fragment: "'{' has no matching '}'"),
        Expected(line: 21, severity: .error, fragment: "a second answer block"),
        Expected(line: 23, severity: .warning, fragment: "title is not closed"),
        Expected(line: 25, severity: .error, fragment: "'forty-two' is not a number"),
        Expected(line: 27, severity: .error, fragment: "needs '->'"),
        Expected(line: 29, severity: .warning, fragment: "add up to 50%, not 100%"),
    ]

    @Test(arguments: expected)
    func isReportedAtItsLine(_ expected: Expected) throws {
        let result = GIFTImporter().import(text: try ImportFixtures.text("unsupported.gift"), fileName: "unsupported.gift", packID: "u")
        let match = result.diagnostics.first { $0.line == expected.line && $0.message.contains(expected.fragment) }
        let found = try #require(match, "not reported; got \(result.diagnostics.map(\.description))")
        #expect(found.severity == expected.severity)
        #expect(found.file == "unsupported.gift")
        #expect(found.column != nil)
    }

    @Test func theRestLoadsAndEveryReportIsExpected() throws {
        let (result, load, directory) = try ImportFixtures.importAndLoad(try ImportFixtures.text("unsupported.gift"), packID: "u")
        defer { directory.remove() }
        #expect(!load.diagnostics.hasErrors, "\(load.diagnostics)")
        #expect(result.skippedQuestions == 7)
        #expect(ImportFixtures.steps(load).count == 7)
        let unexpected = result.diagnostics.filter { diagnostic in
            !Self.expected.contains { $0.line == diagnostic.line && diagnostic.message.contains($0.fragment) }
                && !diagnostic.message.contains("no feedback to use as an explanation")
        }
        #expect(unexpected.isEmpty, "\(unexpected)")
    }

    @Test func aFileWithNothingImportableWritesNoPack() {
        let result = GIFTImporter().import(text: "// only comments\n\n::Broken::{=a\n", fileName: "x.gift", packID: "x")
        #expect(result.files.isEmpty)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains("no question or text could be imported") })
        #expect(throws: GeneratedFileError.nothingToWrite) { try result.write(to: URL(fileURLWithPath: "/nonexistent/x")) }
    }
}
