import Foundation
import Testing

/// `report` and `portfolio` take the same words on the command line and in the REPL: a format
/// and a file as plain words, `--format`, `--out` (`-o`), and file names with spaces quoted.
@Suite(.serialized) struct ReportWordsTests {
    /// Each registered progress-report format, and a text only that format's output holds.
    static let formats = [("md", "# Progress report: default"), ("html", "<html lang=\"en\">"),
                          ("json", "\"reportSchemaVersion\""), ("csv", "profile,pack,module,lesson,question"),
                          ("xapi", "http://adlnet.gov/expapi/verbs/")]

    func environment(home: URL) -> [String: String] {
        ["PATHWAY_HOME": home.path, "PATHWAY_CURRICULA": TerminalSessionTests.fixtures.path,
         "HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    }

    /// A fresh data folder where one lesson was started and one question answered.
    func learnerHome() throws -> URL {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        let home = FileManager.default.temporaryDirectory.appending(path: "pathway-words-e2e-\(UUID().uuidString)")
        let session = "start intro\n\na\na,b,d\nprecision\n0.25\nMy plan for the bike\n.\n1,2\nquit\n"
        let run = try BinaryRun.run(binary, ["--no-shuffle"], input: session, environment: environment(home: home))
        try #require(run.status == 0, "\(run.stderr)")
        return home
    }

    func pathway(_ arguments: [String], home: URL, input: String? = nil) throws -> BinaryRun {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        return try BinaryRun.run(binary, arguments, input: input, environment: environment(home: home), directory: home)
    }

    @Test func theCommandLineTakesTheFormatAsAWordForEveryFormat() throws {
        let home = try learnerHome()
        defer { try? FileManager.default.removeItem(at: home) }
        for (format, marker) in Self.formats {
            let positional = try pathway(["report", format], home: home)
            #expect(positional.status == 0, "report \(format): \(positional.stderr)")
            #expect(positional.stdout.contains(marker), "report \(format)")
            let option = try pathway(["report", "--format", format], home: home)
            #expect(option.stdout.contains(marker))
        }
        // A format and a file as words; a file alone picks the format from its extension.
        let both = try pathway(["report", "html", "report one.html"], home: home)
        #expect(both.status == 0, "\(both.stderr)")
        #expect(try String(contentsOf: home.appending(path: "report one.html"), encoding: .utf8).contains("<html lang=\"en\">"))
        let byName = try pathway(["report", "progress.csv"], home: home)
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(try String(contentsOf: home.appending(path: "progress.csv"), encoding: .utf8).hasPrefix("profile,pack,module"))
        let short = try pathway(["report", "json", "-o", "r.json"], home: home)
        #expect(short.status == 0, "\(short.stderr)")
        #expect(try String(contentsOf: home.appending(path: "r.json"), encoding: .utf8).contains("\"reportSchemaVersion\""))

        let twice = try pathway(["report", "md", "--format", "html"], home: home)
        #expect(twice.status == 64)
        #expect(twice.stderr.contains("the format is given twice"))
        let unknown = try pathway(["report", "pdf"], home: home)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown format 'pdf'; choose one of: md, html, json, csv, xapi"))
    }

    @Test func thePortfolioTakesTheFormatAsAWordToo() throws {
        let home = try learnerHome()
        defer { try? FileManager.default.removeItem(at: home) }
        for arguments in [["portfolio", "md"], ["portfolio", "export", "md"], ["portfolio"], ["portfolio", "--format", "md"]] {
            let run = try pathway(arguments, home: home)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(run.stdout.hasPrefix("# Portfolio: default\n"), "\(arguments)")
        }
        // One piece is "1 portfolio piece", not "1 portfolio pieces".
        let export = try pathway(["progress", "export", "moved.json"], home: home)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("1 lesson, 4 answers, 1 portfolio piece, to moved.json"), "\(export.stdout)")
        let html = try pathway(["portfolio", "html", "my portfolio.html"], home: home)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(try String(contentsOf: home.appending(path: "my portfolio.html"), encoding: .utf8).contains("<html lang=\"en\">"))
    }

    @Test func theReplTakesTheCommandLinesOptionsAndQuotedFileNames() throws {
        let home = try learnerHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let lines = [
            "report --format html --out options.html",
            "report md -o short.md",
            "report --out=equals.csv",
            "report html \"double quoted.html\"",
            "report json 'single quoted.json'",
            "report csv back\\ slashed.csv",
            "portfolio --format html --out \"my portfolio.html\"",
            "portfolio md",
            "report html \"never closed.html",
            "report md --format html",
            "report --colour",
            "quit",
        ]
        let run = try pathway([], home: home, input: lines.joined(separator: "\n") + "\n")
        #expect(run.status == 0)
        func saved(_ name: String) throws -> String { try String(contentsOf: home.appending(path: name), encoding: .utf8) }
        #expect(try saved("options.html").contains("<html lang=\"en\">"))
        #expect(try saved("short.md").hasPrefix("# Progress report: default"))
        #expect(try saved("equals.csv").hasPrefix("profile,pack,module"))
        #expect(try saved("double quoted.html").contains("<html lang=\"en\">"))
        #expect(try saved("single quoted.json").contains("\"reportSchemaVersion\""))
        #expect(try saved("back slashed.csv").hasPrefix("profile,pack,module"))
        #expect(try saved("my portfolio.html").contains("<html lang=\"en\">"))
        #expect(run.stdout.contains("# Portfolio: default"))
        #expect(run.stdout.contains("The quote (\") is never closed"))
        #expect(!FileManager.default.fileExists(atPath: home.appending(path: "never closed.html").path))
        #expect(!FileManager.default.fileExists(atPath: home.appending(path: "\"never").path))
        #expect(run.stdout.contains("the format is given twice"))
        #expect(run.stdout.contains("Unknown option '--colour'"))
    }

    @Test func tabCompletesAFileNameWithSpacesEscaped() throws {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        let home = try learnerHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appending(path: "out dir")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: folder.appending(path: "my report.html"))
        var environment = environment(home: home)
        environment["TERM"] = "xterm-256color"
        let terminal = try PseudoTerminal(executable: binary, arguments: [], environment: environment)
        try #require(terminal.expect("pathway> "))
        let escapedHome = home.path.replacingOccurrences(of: " ", with: "\\ ")
        terminal.send("report html \(escapedHome)/out\t")
        try #require(terminal.expect("out\\ dir/"), "\(terminal.output.suffix(300))")
        terminal.send("my\t")
        try #require(terminal.expect("my\\ report.html "), "\(terminal.output.suffix(300))")
        terminal.send("\r")
        // (The message is wrapped at the space in the folder's name, so only its start is matched.)
        try #require(terminal.expect("Saved the html report to \(home.path)/out"), "\(terminal.output.suffix(300))")
        terminal.send("quit\r")
        #expect(terminal.waitForExit() == 0)
        #expect(try String(contentsOf: folder.appending(path: "my report.html"), encoding: .utf8).contains("<html lang=\"en\">"))
    }
}
