import Foundation
import Testing
@testable import PathwayShell

/// Tab after `report` or `portfolio` completes file names, escaped so that the line reads back
/// as one word (`my\ report.html`), or left as they are inside an opened quote.
@Suite struct FileNameCompletionTests {
    func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "pathway-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appending(path: "sub dir"), withIntermediateDirectories: true)
        for name in ["my report.html", "my notes.md", "it's.csv", ".hidden"] {
            try Data().write(to: folder.appending(path: name))
        }
        return folder
    }

    @Test func namesWithSpacesAreEscapedAndReadBackAsOneWord() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = CommandWords.escape(dir.path) + "/"
        #expect(FileNameCompletion.candidates(for: base + "my\\ r", quote: nil) == [base + "my\\ report.html"])
        #expect(FileNameCompletion.candidates(for: base + "my", quote: nil) == [base + "my\\ notes.md", base + "my\\ report.html"])
        #expect(FileNameCompletion.candidates(for: base + "it", quote: nil) == [base + "it\\'s.csv"])
        #expect(FileNameCompletion.candidates(for: base + "su", quote: nil) == [base + "sub\\ dir/"])
        let typed = "report html " + FileNameCompletion.candidates(for: base + "my\\ r", quote: nil)[0]
        #expect(try CommandWords.split(typed) == ["report", "html", dir.path + "/my report.html"])
    }

    @Test func insideAQuoteNamesAreLeftAsTheyAre() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(FileNameCompletion.candidates(for: dir.path + "/my r", quote: "\"") == [dir.path + "/my report.html"])
        #expect(FileNameCompletion.candidates(for: dir.path + "/my r", quote: "'") == [dir.path + "/my report.html"])
    }

    @Test func hiddenFilesOnlyWhenAskedFor() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = CommandWords.escape(dir.path) + "/"
        #expect(!FileNameCompletion.candidates(for: base, quote: nil).contains(base + ".hidden"))
        #expect(FileNameCompletion.candidates(for: base + ".h", quote: nil) == [base + ".hidden"])
        #expect(FileNameCompletion.candidates(for: base + "nothing-here", quote: nil).isEmpty)
        #expect(FileNameCompletion.candidates(for: "/no/such/folder/x", quote: nil).isEmpty)
    }

    @Test func reportAndPortfolioCompleteFilesOtherCommandsDoNot() {
        let table = CompletionTable(commands: ["report", "start"], arguments: ["report": ["md", "html"], "start": ["intro"]],
                                    fileCommands: ["report", "portfolio"])
        #expect(table.completesFiles(after: "report "))
        #expect(table.completesFiles(after: "report html "))
        #expect(table.completesFiles(after: "portfolio --out "))
        #expect(table.completesFiles(after: "report html \""))
        #expect(!table.completesFiles(after: ""))
        #expect(!table.completesFiles(after: "start "))
        // Formats are still offered after the command word.
        #expect(table.candidates(for: "h", after: "report ") == ["html"])
    }
}
