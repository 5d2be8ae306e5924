import Foundation
import Testing
import Yams
@testable import PathwayCore

/// Packs from anyone must not be able to crash, hang or hijack the tutor.
@Suite struct HostilePackTests {
    func decodeLesson(_ text: String) -> Result<DocumentDecoder.Decoded<Lesson>, PackDiagnostic> {
        DocumentDecoder().decode(Lesson.self, text: text, displayPath: "l.yaml")
    }

    @Test func aYAMLAliasBombIsRefusedQuickly() {
        // Ten levels of ten aliases each: 10^10 values if anything expanded it.
        var yaml = "id: l\ntitle: T\nsteps: *a9\nx0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { yaml += "x\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let clock = ContinuousClock()
        var result: Result<DocumentDecoder.Decoded<Lesson>, PackDiagnostic>?
        let elapsed = clock.measure { result = decodeLesson(yaml) }
        guard case .failure? = result else { Issue.record("an alias bomb decoded"); return }
        #expect(elapsed < .seconds(5))
    }

    @Test func deepNestingIsRefused() {
        let yaml = "id: l\ntitle: T\nsteps: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        guard case let .failure(diagnostic) = decodeLesson(yaml) else { Issue.record("decoded"); return }
        #expect(diagnostic.line != nil)
    }

    @Test func theDecoderStopsAtItsValueBudget() throws {
        let text = try String(contentsOf: Fixtures.samplePack.appending(path: "lessons/intro.yaml"), encoding: .utf8)
        let decoder = NodeDecoder()
        decoder.maximumValues = 20
        let node = try #require(try Yams.compose(yaml: text))
        #expect(throws: NodeDecoder.Limit.self) { try decoder.decode(Lesson.self, from: node) }
    }

    @Test(arguments: ["\\e[2J\\e[H", "\\e]52;c;ZXZpbA==\\a", "\\e]8;;http://evil\\e\\\\link\\e]8;;\\e\\\\", "back\\b\\b\\bwards", "\\u202Eevil"])
    func escapeSequencesInPackTextAreShownEscaped(hostile: String) throws {
        let yaml = "id: l\ntitle: \"T \(hostile)\"\nsteps:\n  - type: text\n    text: \"Hello \(hostile)\"\n"
        guard case let .success(decoded) = decodeLesson(yaml) else { Issue.record("did not decode"); return }
        let text = try #require((decoded.value.steps.first as? TextStep)?.text)
        for value in [text, decoded.value.title] {
            #expect(!value.unicodeScalars.contains { TerminalSafeText.isUnsafe($0) })
            #expect(value.contains("\\u{"))
        }
        #expect(decoded.warnings.first?.message.contains("control characters") == true)
        #expect(decoded.warnings.first?.line == 2)
    }

    @Test func jsonEscapesAreSanitisedToo() throws {
        let json = #"{"id": "l", "title": "T", "steps": [{"type": "text", "text": "a\u001b[31mred"}]}"#
        guard case let .success(decoded) = decodeLesson(json) else { Issue.record("did not decode"); return }
        #expect((decoded.value.steps.first as? TextStep)?.text == "a\\u{1B}[31mred")
    }

    @Test func invalidUTF8IsReported() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.url.appending(path: "l.yaml")
        try Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: file)
        guard case let .failure(diagnostic) = DocumentDecoder().decode(Lesson.self, from: file, displayPath: "l.yaml") else {
            Issue.record("decoded"); return
        }
        #expect(diagnostic.message.contains("not valid UTF-8"))
    }

    @Test func anOversizedFileIsRefusedBeforeParsing() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.url.appending(path: "big.yaml")
        try Data(repeating: 0x61, count: 5 * 1024 * 1024).write(to: file)
        guard case let .failure(diagnostic) = DocumentDecoder().decode(Lesson.self, from: file, displayPath: "big.yaml") else {
            Issue.record("decoded"); return
        }
        #expect(diagnostic.message.contains("at most"))
    }
}
