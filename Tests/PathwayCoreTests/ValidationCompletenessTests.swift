import Foundation
import Testing
@testable import PathwayCore

/// One run of the validator reports every problem of a pack, each at its own line.
@Suite struct ValidationCompletenessTests {
    func write(lesson: String, extraModules: String = "") throws -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        try dir.write("format: 1\nid: p\ntitle: P\nversion: 1.0.0\nauthors: [A]\ndescription: D\nlicense: L\nmodules: [m.yaml\(extraModules)]\n", to: "pack.yaml")
        try dir.write("id: m\ntitle: M\nskills: [s]\nlessons: [l.yaml]\n", to: "m.yaml")
        try dir.write(lesson, to: "l.yaml")
        return dir
    }

    func errors(_ dir: TemporaryDirectory) -> [PackDiagnostic] {
        PackLoader().load(dir.url, displayPath: "p").diagnostics.filter { $0.severity == .error }
    }

    @Test func anUnknownKeyNoLongerHidesAMissingFileInTheSameLesson() throws {
        let dir = try write(lesson: """
            id: l
            title: L
            steps:
              - type: short_text
                id: q
                prompt: P
                explaination: E
                answers: [a]
              - type: text
                file: missing.md
            """)
        defer { dir.remove() }
        let found = errors(dir)
        #expect(found.count == 2, "\(found.map(\.description))")
        #expect(found.contains { $0.message.contains("unknown key 'explaination'; did you mean 'explanation'?") && $0.line == 7 && $0.column == 5 })
        #expect(found.contains { $0.message.contains("'missing.md' does not exist") && $0.line == 10 })
    }

    @Test func everyBadPatternAndEveryMissingModuleIsReported() throws {
        let dir = try write(lesson: """
            id: l
            title: L
            steps:
              - type: short_text
                id: q
                prompt: P
                explanation: E
                patterns: ['(a', 'b[', ok]
            """, extraModules: ", gone.yaml, also-gone.yaml")
        defer { dir.remove() }
        let found = errors(dir)
        #expect(found.count == 4, "\(found.map(\.description))")
        #expect(found.filter { $0.file == "p/l.yaml" && $0.line == 8 }.count == 2)
        #expect(found.contains { $0.message.contains("'gone.yaml' does not exist") && $0.line == 8 && $0.column == 19 })
        #expect(found.contains { $0.message.contains("'also-gone.yaml' does not exist") && $0.line == 8 })
    }

    @Test func aYAMLSyntaxErrorSaysWhatIsWrongInPlainWords() throws {
        let dir = try write(lesson: "id: l\ntitle: L\nsteps:\n  - type: text\n    text: One\n   - type: text\n    text: Two\n")
        defer { dir.remove() }
        let found = errors(dir)
        #expect(found.count == 1)
        let message = try #require(found.first?.message)
        #expect(message.hasPrefix("YAML syntax: "))
        #expect(!message.contains("did not find expected"))
        #expect(message.contains("same column"))
    }
}
