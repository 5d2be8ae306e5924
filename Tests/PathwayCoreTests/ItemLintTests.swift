import Foundation
import Testing
@testable import PathwayCore

/// The item-writing lint: each rule has a fixture that triggers it and one that does not.
@Suite struct ItemLintTests {
    /// Loads a one-lesson pack with `steps` (YAML list items) and returns the lint's warnings.
    func lint(_ steps: String, manifestExtra: String = "") throws -> [PackDiagnostic] {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("""
            format: 1
            id: lintpack
            title: Lint pack
            version: 1.0.0
            authors: [Tester]
            description: Items for the lint.
            license: CC0-1.0
            modules: [m.yaml]
            \(manifestExtra)
            """, to: "p/pack.yaml")
        try dir.write("id: m\ntitle: M\nlessons: [l.yaml]\n", to: "p/m.yaml")
        try dir.write("id: l\ntitle: L\nsteps:\n" + steps, to: "p/l.yaml")
        let result = PackLoader(runsLint: true).load(dir.url.appending(path: "p"), displayPath: "p")
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.description))")
        // Without the lint, the same pack has no lint warnings.
        let plain = PackLoader().load(dir.url.appending(path: "p"), displayPath: "p")
        #expect(!plain.diagnostics.contains { $0.message.contains(": pack 'lintpack'") || $0.message.hasPrefix("key-") })
        return result.diagnostics.filter { $0.severity == .warning }
    }

    func rule(_ name: String, in diagnostics: [PackDiagnostic]) -> [PackDiagnostic] {
        diagnostics.filter { $0.message.hasPrefix(name + ":") }
    }

    static func single(_ id: String, key: String, others: [String], feedback: Bool = true) -> String {
        var text = "  - type: single_choice\n    id: \(id)\n    prompt: P\n    explanation: E\n    choices:\n"
        text += "      - {text: \"\(key)\", correct: true}\n"
        for other in others { text += "      - {text: \"\(other)\"\(feedback ? ", feedback: F" : "")}\n" }
        return text
    }

    @Test func keyLongestFlagsAPackWhoseKeysAreLongestMoreOftenThanChance() throws {
        let long = (0..<8).map { Self.single("q\($0)", key: "a long and careful answer with qualifiers \($0)", others: ["short \($0)", "brief \($0)", "tiny \($0)"]) }
        let found = rule("key-longest", in: try lint(long.joined()))
        #expect(found.first?.message.contains("the right choice is the longest in 8 of 8 single-choice items (100%)") == true)
        #expect(found.count == 9)
        #expect(found.dropFirst().allSatisfy { $0.file == "p/l.yaml" && $0.line != nil && $0.column != nil })
        #expect(found.first?.file == "p/pack.yaml")
    }

    @Test func keyLongestIsQuietWhenKeysVaryInLength() throws {
        let items = (0..<8).map { i in
            i % 4 == 0 ? Self.single("q\(i)", key: "the longest answer of all here \(i)", others: ["short \(i)", "brief \(i)"])
                       : Self.single("q\(i)", key: "key \(i)", others: ["a longer distractor option \(i)", "another \(i)"])
        }
        #expect(rule("key-longest", in: try lint(items.joined())).isEmpty)
    }

    /// With several right choices there is no one key to be longest.
    @Test func keyLongestLeavesOutQuestionsWithSeveralRightChoices() throws {
        let items = (0..<8).map { i in
            "  - type: single_choice\n    id: q\(i)\n    prompt: P\n    explanation: E\n    any_correct: true\n    choices:\n"
                + "      - {text: \"a long and careful answer with qualifiers \(i)\", correct: true}\n"
                + "      - {text: \"short \(i)\", correct: true}\n      - {text: \"brief \(i)\", feedback: F}\n"
        }
        #expect(rule("key-longest", in: try lint(items.joined())).isEmpty)
    }

    @Test func absoluteTermsInDistractorsButNotTheKey() throws {
        let bad = Self.single("q", key: "Test with a holdout group", others: ["Always ship the largest model", "Ask the team"])
        let found = rule("absolute-terms", in: try lint(bad))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("'always'") == true)
        let fair = Self.single("q", key: "Always test with a holdout group", others: ["Always ship the largest model", "Ask the team"])
        #expect(rule("absolute-terms", in: try lint(fair)).isEmpty)
        // A pack may allow a topic word.
        #expect(rule("absolute-terms", in: try lint(bad, manifestExtra: "lint:\n  allow: [always]")).isEmpty)
    }

    static func trueFalse(_ id: String, _ prompt: String, _ answer: Bool) -> String {
        "  - {type: true_false, id: \(id), prompt: \"\(prompt)\", answer: \(answer), explanation: E}\n"
    }

    @Test func absoluteTrueFalseStatementsThatAreMostlyFalse() throws {
        let bad = Self.trueFalse("t1", "A model always improves with more data.", false)
            + Self.trueFalse("t2", "Accuracy never misleads.", false) + Self.trueFalse("t3", "Recall is a rate.", true)
        let found = rule("absolute-terms", in: try lint(bad))
        #expect(found.count == 3)
        #expect(found.first?.message.contains("2 of 2 true/false statements") == true)
        let balanced = Self.trueFalse("t1", "A model always improves with more data.", false)
            + Self.trueFalse("t2", "A launch plan always names a rollback trigger.", true)
        #expect(rule("absolute-terms", in: try lint(balanced)).isEmpty)
    }

    @Test func trueFalseKeysMostlyOneWay() throws {
        let bad = (0..<10).map { Self.trueFalse("t\($0)", "Statement \($0).", $0 < 8) }.joined()
        let found = rule("true-false-balance", in: try lint(bad))
        #expect(found.map(\.message) == ["true-false-balance: pack 'lintpack': 8 of 10 true/false statements (80%) are true; keep either side at 60% or less, so guessing 'true' does not pay"])
        let even = (0..<10).map { Self.trueFalse("t\($0)", "Statement \($0).", $0 < 5) }.joined()
        #expect(rule("true-false-balance", in: try lint(even)).isEmpty)
    }

    @Test func allOrNoneOfTheAbove() throws {
        let bad = Self.single("q", key: "All of the above", others: ["Recall", "Precision"])
        #expect(rule("above-options", in: try lint(bad)).count == 1)
        let good = Self.single("q", key: "Both precision and recall", others: ["Recall", "Precision"])
        #expect(rule("above-options", in: try lint(good)).isEmpty)
    }

    @Test func nearDuplicateChoices() throws {
        let bad = Self.single("q", key: "Measure recall", others: ["The model's precision", "Model precisions"])
        #expect(rule("near-duplicate", in: try lint(bad)).count == 1)
        let good = Self.single("q", key: "Launch on 2 August 2026", others: ["Launch on 2 August 2025", "Intrinsic hallucination"])
        #expect(rule("near-duplicate", in: try lint(good)).isEmpty)
    }

    @Test func distractorsWithoutFeedback() throws {
        let bad = Self.single("q", key: "Right", others: ["Wrong one", "Wrong two"], feedback: false)
        let found = rule("distractor-feedback", in: try lint(bad))
        #expect(found.count == 2)
        #expect(Set(found.compactMap(\.line)).count == 2)
        #expect(rule("distractor-feedback", in: try lint(Self.single("q", key: "Right", others: ["Wrong one"]))).isEmpty)
    }

    static func select(hint: String) -> String {
        """
          - type: multiple_select
            id: ms
            prompt: Which apply?
            explanation: E
            hints: ["\(hint)"]
            choices:
              - {text: A, correct: true}
              - {text: B, correct: true}
              - {text: C, feedback: F}

        """
    }

    @Test func hintsThatGiveAwayHowManyAreRight() throws {
        #expect(rule("hint-count", in: try lint(Self.select(hint: "Two are correct."))).count == 1)
        #expect(rule("hint-count", in: try lint(Self.select(hint: "Both of the steer-and-check duties count."))).count == 1)
        #expect(rule("hint-count", in: try lint(Self.select(hint: "Think about who steers the work."))).isEmpty)
    }

    @Test func forbiddenTextAnywhereALearnerReadsIt() throws {
        let steps = "  - {type: text, text: \"As Seed-003 says, PMs steer.\"}\n" + Self.single("q", key: "Steer", others: ["Build"])
        let manifest = "lint:\n  forbidden:\n    - {text: seed-0, reason: \"internal label; cite the article by its title\"}"
        let found = rule("forbidden-text", in: try lint(steps, manifestExtra: manifest))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("internal label; cite the article by its title") == true)
        #expect(found.first?.line == 4)
        #expect(rule("forbidden-text", in: try lint(Self.single("q", key: "Steer", others: ["Build"]), manifestExtra: manifest)).isEmpty)
    }

    @Test func theUpperTailIsTheBinomialOne() {
        // 9 of 20 four-option items: p ≈ .041 (the reference's threshold), 8 of 20: p ≈ .102.
        let quarter = Array(repeating: 0.25, count: 20)
        #expect(abs(ItemLint.upperTail(observed: 9, probabilities: quarter) - 0.0409) < 0.001)
        #expect(ItemLint.upperTail(observed: 8, probabilities: quarter) > 0.05)
    }
}
