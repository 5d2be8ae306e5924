import Foundation
import Testing
@testable import PathwayCore

/// `pack export-gift`: import → export → import gives the same pack.
@Suite struct GIFTExportTests {
    static let bank = """
        $CATEGORY: $course$/top/Metrics/Basics

        ::Precision::Which metric counts false positives? {=precision#Right: precision looks at predicted positives. ~recall#No, recall is about misses. ~accuracy}

        // [id:tf-one]
        Models drift after launch. {TRUE#They do: data changes.####Monitoring catches drift.}

        Name the two parts of F1. {=precision and recall =recall and precision =%0%accuracy#Not part of F1.}

        Pick the leading indicators. {~%50%activation ~%50%retention in week 1 ~%-100%revenue#Revenue lags.}

        How many weeks is a quarter, roughly? {#13:1}

        A rate between 1 and 5\\: {#1..5}

        $CATEGORY: $course$/top/Metrics/Advanced

        Match the metric to what it counts. {=precision -> false positives =recall -> false negatives = -> true negatives}

        Escapes\\: \\{braces\\} \\= \\~ and \\# stay text. {=yes ~no}
        """

    func files(_ text: String) -> [String: String] {
        let result = GIFTImporter().import(text: text, fileName: "bank.gift", packID: "bank")
        return Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.text) })
    }

    @Test func importExportImportGivesTheSamePack() throws {
        let first = files(Self.bank)
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        for (path, text) in first { try dir.write(text, to: "bank/\(path)") }
        let load = PackLoader().load(dir.url.appending(path: "bank"), displayPath: "bank")
        let pack = try #require(load.pack, "\(load.diagnostics)")
        let export = GIFTExporter().export(pack)
        #expect(export.questions == 8)
        #expect(export.notes.isEmpty, "\(export.notes)")
        #expect(export.text.contains("// [id:tf-one]"))
        let second = files(export.text)
        #expect(second.keys.sorted() == first.keys.sorted())
        for path in first.keys.sorted() where path.hasPrefix("lessons/") || path.hasPrefix("modules/") {
            #expect(second[path] == first[path], "\(path) differs:\n\(second[path] ?? "")\n---\n\(first[path] ?? "")")
        }
    }

    @Test func whatGIFTCannotSayIsNamed() throws {
        let pack = Fixtures.sampleLibrary().packs[0]
        let export = GIFTExporter().export(pack)
        #expect(export.notes.contains { $0.contains("has no GIFT form") })
        #expect(GIFTExporter.escape("a=b {c} #d ~e: f\\g\nh") == "a\\=b \\{c\\} \\#d \\~e\\: f\\\\g\\nh")
    }
}
