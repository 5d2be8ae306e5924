import Foundation
import Testing
@testable import PathwayCore

/// A YAML document's expanded size is bounded in nodes and bytes, keys included, before it is
/// composed; aliases and collections cannot be mapping keys.
@Suite struct YAMLBudgetTests {
    func decodeLesson(_ text: String) -> Result<DocumentDecoder.Decoded<Lesson>, PackDiagnostic> {
        DocumentDecoder().decode(Lesson.self, text: text, displayPath: "l.yaml")
    }

    /// Levels of ten aliases each, the last used as a key: the composer hashed the expanded key
    /// (10^8 nodes at depth 8) before any limit applied, and start-up hung.
    static func bombAsKey(depth: Int) -> String {
        var yaml = "id: l\ntitle: T\nsteps: []\nextra:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...depth { yaml += "  a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        return yaml + "  ? *a\(depth)\n  : 1\n"
    }

    @Test func anAliasBombUsedAsAKeyIsRefusedQuickly() {
        let clock = ContinuousClock()
        var result: Result<DocumentDecoder.Decoded<Lesson>, PackDiagnostic>?
        let elapsed = clock.measure { result = decodeLesson(Self.bombAsKey(depth: 8)) }
        guard case let .failure(diagnostic)? = result else { Issue.record("decoded"); return }
        #expect(diagnostic.message.contains("expands to more than"))
        #expect(elapsed < .seconds(1))
    }

    @Test func anAliasIsNeverAMappingKey() {
        let yaml = "id: l\ntitle: T\nsteps: []\nextra:\n  a0: &a0 [lol, lol]\n  ? *a0\n  : 1\n"
        guard case let .failure(diagnostic) = decodeLesson(yaml) else { Issue.record("decoded"); return }
        #expect(diagnostic.message.contains("alias (*name) is used as a mapping key"))
        #expect(diagnostic.line == 6)
    }

    @Test(arguments: ["extra: {? [a, b] : c}", "extra:\n  ? {a: b}\n  : c", "extra: {*x : c}"])
    func listsMappingsAndAliasesAsKeysAreRefused(yaml: String) {
        guard case let .failure(diagnostic) = decodeLesson("id: l\ntitle: &x T\nsteps: []\n" + yaml + "\n") else {
            Issue.record("decoded"); return
        }
        #expect(diagnostic.message.contains("as a mapping key"))
    }

    /// One long text aliased many times: few values, many bytes. The value count stayed low
    /// while the expanded text reached gigabytes.
    @Test func aLongTextAliasedManyTimesIsRefusedByBytes() {
        let yaml = "id: l\ntitle: &big " + String(repeating: "x", count: 1_000_000) + "\nsteps: []\nextra: ["
            + Array(repeating: "*big", count: 30).joined(separator: ", ") + "]\n"
        let clock = ContinuousClock()
        var result: Result<DocumentDecoder.Decoded<Lesson>, PackDiagnostic>?
        let elapsed = clock.measure { result = decodeLesson(yaml) }
        guard case let .failure(diagnostic)? = result else { Issue.record("decoded"); return }
        #expect(diagnostic.message.contains("MB of text"))
        #expect(elapsed < .seconds(2))
    }

    @Test func keysCountTowardsTheBytes() {
        let key = String(repeating: "k", count: 100_000)
        let yaml = "m: &m\n  ? \(key)\n  : 1\nall: [" + Array(repeating: "*m", count: 200).joined(separator: ", ") + "]\n"
        #expect(throws: YAMLBudget.Exceeded.tooManyBytes(limit: YAMLBudget().maximumBytes)) { try YAMLBudget().check(yaml) }
    }

    @Test func anAliasCostsWhatItsAnchorHolds() throws {
        // Root mapping 1, keys a and b 2, [1, 2] 3, the outer list 1, two aliases of [1, 2] 6.
        let cost = try YAMLBudget().check("a: &x [1, 2]\nb: [*x, *x]\n")
        #expect(cost == YAMLBudget.Cost(nodes: 13, bytes: 8))
    }

    @Test func nestingIsBoundedBeforeComposing() {
        let yaml = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: YAMLBudget.Exceeded.tooDeep(limit: 64, line: 1, column: 65)) { try YAMLBudget().check(yaml) }
    }

    @Test func syntaxErrorsAreLeftToTheComposer() {
        guard case let .failure(diagnostic) = decodeLesson("id: l\ntitle: [unclosed\n") else { Issue.record("decoded"); return }
        #expect(diagnostic.message.contains("YAML syntax"))
    }
}
