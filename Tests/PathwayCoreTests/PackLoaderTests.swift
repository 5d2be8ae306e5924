import Foundation
import Testing
@testable import PathwayCore

@Suite struct PackLoaderTests {
    @Test func loadsAPackWrittenInYAMLAndJSON() throws {
        let result = PackLoader().load(Fixtures.samplePack, displayPath: "sample")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let pack = try #require(result.pack)
        #expect(pack.id == "sample")
        #expect(pack.manifest.version == SemanticVersion(1, 2, 0))
        #expect(pack.modules.map(\.id) == ["basics", "more"])
        #expect(pack.lessons.map(\.lesson.id) == ["intro", "second", "json-lesson"])
        let intro = try #require(pack.lesson(id: "intro")?.lesson)
        #expect(intro.steps.map(\.typeName) == ["text", "single_choice", "multiple_select", "short_text", "numeric", "reflection"])
        // Text kept in a Markdown file is read in.
        #expect((intro.steps[0] as? TextStep)?.text.contains("# Welcome") == true)
        #expect(pack.lesson(id: "json-lesson")?.lesson.questions.first is NumericQuestion)
    }

    /// Writes a minimal valid pack into `dir`, with `lesson` as its only lesson file.
    func writePack(_ dir: TemporaryDirectory, lesson: String, manifestExtra: String = "") throws {
        try dir.write("""
        format: 1
        id: broken
        title: Broken
        version: 1.0.0
        authors: [A]
        description: D
        license: CC0-1.0
        modules: [modules/m.yaml]
        \(manifestExtra)
        """, to: "broken/pack.yaml")
        try dir.write("id: m\ntitle: M\nlessons: [lessons/l.yaml]\n", to: "broken/modules/m.yaml")
        try dir.write(lesson, to: "broken/lessons/l.yaml")
    }

    func diagnostics(lesson: String, manifestExtra: String = "") throws -> [PackDiagnostic] {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try writePack(dir, lesson: lesson, manifestExtra: manifestExtra)
        let result = PackLoader().load(dir.url.appending(path: "broken"), displayPath: "broken")
        #expect(result.pack == nil || !result.diagnostics.hasErrors)
        return result.diagnostics
    }

    @Test func aMissingFieldNamesTheFileTheLineAndTheField() throws {
        let found = try diagnostics(lesson: """
        id: l
        title: L
        steps:
          - type: single_choice
            id: q1
            choices:
              - text: A
                correct: true
              - text: B
        """)
        let error = try #require(found.first)
        #expect(error.severity == .error)
        #expect(error.file == "broken/lessons/l.yaml")
        #expect(error.message.contains("'prompt'"))
        #expect(error.message.contains("steps[0]"))
        #expect(error.line == 4)
        #expect(error.description.hasPrefix("broken/lessons/l.yaml:4:"))
    }

    @Test func anUnknownKeyIsAnErrorNotSilentlyIgnored() throws {
        let found = try diagnostics(lesson: """
        id: l
        title: L
        steps:
          - type: true_false
            id: q1
            prompt: P
            answer: true
            explaination: typo
        """)
        let error = try #require(found.first)
        #expect(error.message.contains("unknown key 'explaination'"))
        #expect(error.line == 8)
    }

    @Test func aWrongTypeSaysWhatWasExpected() throws {
        let found = try diagnostics(lesson: """
        id: l
        title: L
        steps:
          - type: numeric
            id: q1
            prompt: P
            answer: lots
        """)
        #expect(found.first?.message.contains("steps[0].answer") == true)
        #expect(found.first?.message.contains("number") == true)
    }

    @Test func anUnknownStepTypeListsTheKnownOnes() throws {
        let found = try diagnostics(lesson: "id: l\ntitle: L\nsteps:\n  - type: essay\n    id: e\n")
        #expect(found.first?.message.contains("unknown step type 'essay'") == true)
        #expect(found.first?.message.contains("single_choice") == true)
    }

    @Test func aYAMLSyntaxErrorPointsAtTheLine() throws {
        let found = try diagnostics(lesson: "id: l\ntitle: L\nsteps:\n  - type: text\n    text: \"unclosed\n")
        #expect(found.first?.message.hasPrefix("YAML syntax") == true)
        #expect(found.first?.line != nil)
    }

    @Test func aChoiceQuestionWithoutACorrectChoiceIsRejected() throws {
        let found = try diagnostics(lesson: """
        id: l
        title: L
        steps:
          - type: single_choice
            id: q1
            prompt: P
            explanation: E
            choices:
              - text: A
              - text: B
        """)
        #expect(found.contains { $0.message.contains("exactly one choice") && $0.line == 8 })
    }

    @Test func aListedWrongAnswerThatPassesTheGraderIsReported() throws {
        let found = try diagnostics(lesson: """
        id: l
        title: L
        steps:
          - type: short_text
            id: q1
            prompt: P
            explanation: E
            answers: [F1 score]
            wrong:
              - answer: "f1-score"
                feedback: This normalises to the right answer.
        """)
        #expect(found.contains { $0.severity == .error && $0.message.contains("'f1-score' is graded right") })
    }

    @Test func duplicateStepIdsAndInvalidIdsAreReported() throws {
        let found = try diagnostics(lesson: """
        id: l
        title: L
        steps:
          - {type: true_false, id: q1, prompt: P, answer: true, explanation: E}
          - {type: true_false, id: q1, prompt: P, answer: false, explanation: E}
          - {type: true_false, id: Bad Id, prompt: P, answer: false, explanation: E}
        """)
        #expect(found.contains { $0.message.contains("'q1' is already used") })
        #expect(found.contains { $0.message.contains("'Bad Id' is not valid") })
    }

    @Test func aMissingExplanationIsAWarningAndThePackStillLoads() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try writePack(dir, lesson: "id: l\ntitle: L\nsteps:\n  - {type: true_false, id: q1, prompt: P, answer: true}\n")
        let result = PackLoader().load(dir.url.appending(path: "broken"), displayPath: "broken")
        #expect(result.pack != nil)
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.message.contains("no explanation") == true)
    }

    @Test(arguments: ["../outside.md", "/etc/passwd"])
    func referencesOutsideThePackAreRefused(path: String) throws {
        let found = try diagnostics(lesson: "id: l\ntitle: L\nsteps:\n  - type: text\n    file: \(path)\n")
        #expect(found.contains { $0.severity == .error && ($0.message.contains("'..'") || $0.message.contains("absolute")) })
    }

    @Test func aSymbolicLinkLeavingThePackIsRefused() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try writePack(dir, lesson: "id: l\ntitle: L\nsteps:\n  - type: text\n    file: text/secret.md\n")
        try "secret".write(to: dir.url.appending(path: "secret.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dir.url.appending(path: "broken/text"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: dir.url.appending(path: "broken/text/secret.md"),
                                                   withDestinationURL: dir.url.appending(path: "secret.md"))
        let result = PackLoader().load(dir.url.appending(path: "broken"), displayPath: "broken")
        #expect(result.pack == nil)
        #expect(result.diagnostics.contains { $0.message.contains("outside the pack") })
    }

    @Test func aBadVersionAndANewerFormatAreExplained() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("format: 1\nid: p\ntitle: P\nversion: one\nauthors: [A]\ndescription: D\nlicense: L\nmodules: []\n", to: "p/pack.yaml")
        let bad = PackLoader().load(dir.url.appending(path: "p"), displayPath: "p")
        #expect(bad.diagnostics.first?.message.contains("'one' is not a semantic version") == true)
        try dir.write("format: 9\nid: p\ntitle: P\nversion: 1.0.0\nauthors: [A]\ndescription: D\nlicense: L\nmodules: []\n", to: "q/pack.yaml")
        let newer = PackLoader().load(dir.url.appending(path: "q"), displayPath: "q")
        #expect(newer.diagnostics.first?.message.contains("pack format 9 is not supported") == true)
    }

    @Test func aFolderWithoutManifestSaysWhatToAdd() {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let result = PackLoader().load(dir.url, displayPath: "empty")
        #expect(result.diagnostics.first?.message.contains("pack.yaml") == true)
    }
}

@Suite struct YAMLPitfallTests {
    @Test func anUnquotedColonInAHintExplainsHowToFixIt() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("format: 1\nid: p\ntitle: P\nversion: 1.0.0\nauthors: [A]\ndescription: D\nlicense: L\nmodules: [m.yaml]\n", to: "p/pack.yaml")
        try dir.write("id: m\ntitle: M\nlessons:\n  - id: l\n    title: L\n    steps:\n      - type: true_false\n        id: q\n        prompt: P\n        answer: true\n        hints:\n          - Think: what is measured?\n", to: "p/m.yaml")
        let result = PackLoader().load(dir.url.appending(path: "p"), displayPath: "p")
        let error = try #require(result.diagnostics.first)
        #expect(error.message.contains("put it in quotes"))
        #expect(error.line == 12)
    }
}
