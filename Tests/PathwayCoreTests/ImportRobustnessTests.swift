import Foundation
import Testing
@testable import PathwayCore

/// Whatever the input, the importers do not crash, and whatever they write loads without errors.
@Suite struct ImportRobustnessTests {
    /// Random inputs made of GIFT's and Aiken's markup, escapes, HTML, YAML syntax, characters
    /// YAML may not hold literally (U+FFFE, U+0085, a byte-order mark) and ordinary words.
    static func randomInput(seed: UInt64) -> String {
        var random = SeededRandom(seed: seed)
        let pieces = ["::", "{", "}", "=", "~", "#", "####", "->", "%50%", "%-100%", "%", "\\", "\\=", "\\{", "\\n", ":", "..",
                      "$CATEGORY: a/b", "//", "\n", "\n\n", " ", "T", "TRUE", "false", "1.5", "-3", "*", "[html]", "[plain]",
                      "[markdown]", "<b>", "</p>", "<img src=x>", "&amp;", "&#0;", "word", "Answer", "\u{1B}[2J", "é", "A)", "B.",
                      "ANSWER: A", "ANSWER: C", "\t", "\r\n", "\u{FEFF}", "\u{FFFE}", "&#x2028;", "\u{85}", "\u{A0}", "👍🏽",
                      "- ", "---", "\"", "'", "*a", "!tag", "=1e400", "=-0:0"]
        return (0..<Int.random(in: 5...80, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    @Test(arguments: 0..<6)
    func randomInputsNeverBreakTheImportersOrThePack(batch: Int) throws {
        var written = 0
        for seed in UInt64(batch * 50)..<UInt64(batch * 50 + 50) {
            let text = Self.randomInput(seed: seed)
            for importer in ImporterRegistry.standard.importers {
                let (result, load, directory) = try ImportFixtures.importAndLoad(text, with: importer, fileName: "r.\(importer.formatID)", packID: "r")
                defer { directory.remove() }
                if !result.files.isEmpty {
                    written += 1
                    #expect(!load.diagnostics.hasErrors, "seed \(seed) \(importer.formatID): \(load.diagnostics)\n\(text.debugDescription)")
                }
                #expect(result.diagnostics.allSatisfy { $0.line == nil || ($0.line! >= 1 && $0.column != nil) })
            }
        }
        // Enough inputs make a pack for the check above to mean something.
        #expect(written >= 10, "only \(written) of 100 imports wrote a pack")
    }
}
