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
        let text = run(["report pdf.pdf", "report md a b", "quit"])
        #expect(text.contains("Cannot tell the report format from 'pdf.pdf'. Formats: md, html, json, csv, xapi."))
        #expect(text.contains("Usage: report [format] [file]"))
    }

    @Test func helpListsTheReportCommand() {
        let text = run(["help report", "quit"])
        #expect(text.contains("report [format] [file]"))
        #expect(text.contains("xAPI 1.0.3"))
    }
}
