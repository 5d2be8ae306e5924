import ArgumentParser
import Foundation
import PathwayCore

extension Pathway.PackCommand {
    /// `pathway pack export-gift DIR [--out FILE]`: a pack's questions back to Moodle GIFT.
    struct ExportGift: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-gift",
            abstract: "Write a pack's GIFT-expressible questions as a Moodle GIFT file (ids kept as // [id:…] comments)."
        )
        @Argument(help: "The pack folder.") var folder: String
        @Option(help: "The GIFT file to write (default: standard output).") var out: String?

        func run() throws {
            let url = URL(fileURLWithPath: folder)
            guard PackLoader.isPack(url) else { fail(PackagingError.notAPack(folder).description) }
            let load = PackLoader(runsSelfCheck: false).load(url, displayPath: folder)
            guard let pack = load.pack else {
                printDiagnostics(load.diagnostics)
                fail("\(folder) has errors; fix them before exporting")
            }
            let export = GIFTExporter().export(pack)
            for note in export.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
            if let out {
                do { try export.text.write(toFile: out, atomically: true, encoding: .utf8) } catch { fail("cannot write \(out): \(error.localizedDescription)") }
                print("Wrote \(out): \(Plural.count(export.questions, "question")) of pack '\(pack.id)'.")
            } else {
                print(export.text, terminator: "")
            }
        }
    }
}
