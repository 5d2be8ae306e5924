import Foundation
import Testing
@testable import PathwayCore
@testable import PathwayShell

/// The REPL's `report` command.
@Suite struct ReplReportTests {
    let library = PackLibrary.load([PackSource(folder: ReplTests.fixtures, origin: .option)])

    func run(_ lines: [String]) -> String {
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "t", now: Date()), store: MemoryProgressStore(),
                          random: SeededRandom(seed: 5), options: { var o = Tutor.Options(); o.shuffleChoices = false; return o }())
        let output = BufferOutput()
        Repl(tutor: tutor, reader: ScriptedLineReader(lines: lines, interactive: false), output: output, width: 60).run()
        return output.plainText
    }

    @Test func reportShowsOneScreenAndWhereTheFullReportGoes() {
        let text = run(["start intro", "", "a", "report", "quit"])
        let report = String(text[text.range(of: "Progress report")!.lowerBound...])
        #expect(report.contains("Lessons      0 of 3 completed"))
        #expect(report.contains("report md FILE"))
        #expect(!report.contains("| "))
        #expect(report.split(separator: "\n").count < 20)
    }

    @Test func reportMdToAPipeIsTheMarkdownItself() {
        let text = run(["start intro", "", "a", "report md", "quit"])
        #expect(text.contains("# Progress report: t"))
        #expect(text.contains("| intro-q1 | 1 | Apple | right |"))
    }

    @Test func reportMdOnATerminalIsRenderedNotRaw() {
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "t", now: Date()), store: MemoryProgressStore(),
                          random: SeededRandom(seed: 5), options: { var o = Tutor.Options(); o.shuffleChoices = false; return o }())
        let output = BufferOutput()
        Repl(tutor: tutor, reader: ScriptedLineReader(lines: ["start intro", "", "a", "report md", "quit"]), output: output,
             terminalWidth: .fixed(80)).run()
        let text = output.plainText
        #expect(text.contains("Progress report: t\n──"))
        #expect(!text.contains("# Progress"))
        #expect(!text.contains("|---"))
        #expect(!text.contains("\\"))
        #expect(text.contains("  Lessons completed"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 || !$0.contains(" ") })
    }

    @Test(arguments: [(["report", "html"], "report.html", "<!DOCTYPE html>"), (["report"], "report.csv", "profile,pack,module"),
                      (["report", "json"], "out.txt", "\"reportSchemaVersion\" : 1"), (["report", "xapi"], "x.json", "http://adlnet.gov/expapi/verbs/answered")])
    func reportSavesToAFileInTheFormatAskedOrImpliedByTheName(words: [String], name: String, expected: String) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "pathway-repl-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: name)
        let text = run(["start intro", "", "a", (words + [file.path]).joined(separator: " "), "quit"])
        #expect(text.contains("Saved the "))
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.contains(expected))
    }

    @Test func unknownFormatsAndTooManyWordsAreExplained() {
        let text = run(["report pdf.pdf", "report md a b", "report pdf", "quit"])
        #expect(text.contains("cannot tell the report format from 'pdf.pdf'; name it before the file (report md pdf.pdf); formats: md, html, json, csv, xapi"))
        #expect(text.contains("Usage: report [FORMAT] [FILE]"))
        #expect(text.contains("put a file name with spaces in quotes"))
        #expect(text.contains("unknown format 'pdf'; choose one of: md, html, json, csv, xapi"))
    }

    @Test(arguments: [
        "report --format html --out %@", "report html --out %@", "report --out %@ --format html", "report -o %@ html",
        "report --format=html --out=%@", "report html %@", "report --out %@",
    ])
    func theCommandLinesOptionsWorkHere(pattern: String) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "pathway-repl-options-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "my report.html")
        let quoted = "'" + file.path + "'"
        let text = run(["start intro", "", "a", pattern.replacingOccurrences(of: "%@", with: quoted), "quit"])
        #expect(text.contains("Saved the html report to \(file.path)."), "\(text)")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("<!DOCTYPE html>"))
    }

    @Test func everyRegisteredFormatIsAWordAndAnOption() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "pathway-repl-formats-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for id in ReportRegistry.standard.ids {
            let text = run(["report \(id) \(folder.path)/a.txt", "report --format \(id) --out \(folder.path)/b.txt", "quit"])
            #expect(text.components(separatedBy: "Saved the \(id) report to").count == 3, "\(id): \(text)")
            let byWord = try String(contentsOf: folder.appending(path: "a.txt"), encoding: .utf8)
            let byOption = try String(contentsOf: folder.appending(path: "b.txt"), encoding: .utf8)
            #expect(byWord.prefix(20) == byOption.prefix(20))
        }
    }

    @Test func conflictingAndUnknownWordsAreExplainedAndNothingIsWritten() {
        let folder = FileManager.default.temporaryDirectory.appending(path: "pathway-repl-refused-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = run(["report md --format html \(folder)/x", "report a.md --out b.md", "report --colour", "report --out",
                        "report html \"\(folder)/x.html", "quit"])
        #expect(text.contains("the format is given twice ('md' and --format html); give it once"))
        #expect(text.contains("two files are given ('a.md' and --out b.md); give one"))
        #expect(text.contains("Unknown option '--colour'"))
        #expect(text.contains("Missing value for '--out"))
        #expect(text.contains("The quote (\") is never closed"))
        #expect(!text.contains("Saved the"))
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func thePortfolioIsShownOrSavedWithTheSameWords() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "pathway-repl-portfolio-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "my portfolio.html")
        let text = run(["portfolio", "portfolio --format html --out \"\(file.path)\"", "portfolio pdf", "quit"])
        #expect(text.contains("# Portfolio: t"))
        #expect(text.contains("Saved the html portfolio to \(file.path)."))
        #expect(try String(contentsOf: file, encoding: .utf8).contains("<html lang=\"en\">"))
        #expect(text.contains("unknown format 'pdf'; choose one of: md, html"))
    }

    @Test func helpListsTheReportCommand() {
        let text = run(["help report", "quit"])
        #expect(text.contains("report [FORMAT] [FILE]"))
        #expect(text.contains("`--format` `html`"))
        #expect(text.contains("xAPI 1.0.3"))
    }
}
