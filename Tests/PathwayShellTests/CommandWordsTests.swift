import Foundation
import Testing
@testable import PathwayCore
@testable import PathwayShell

/// The REPL splits a command's arguments as a shell would: quotes and backslashes keep spaces.
@Suite struct CommandWordsTests {
    @Test(arguments: [
        ("report html out.html", ["report", "html", "out.html"]),
        ("  report   md\t x ", ["report", "md", "x"]),
        ("report html \"my report.html\"", ["report", "html", "my report.html"]),
        ("report 'x y.csv'", ["report", "x y.csv"]),
        ("report my\\ report.md", ["report", "my report.md"]),
        ("report \"say \\\"hi\\\".md\"", ["report", "say \"hi\".md"]),
        ("report 'a \\ b'", ["report", "a \\ b"]),
        ("report a\"b c\"d", ["report", "ab cd"]),
        ("report \"\"", ["report", ""]),
        ("report it\\'s", ["report", "it's"]),
        ("report C:\\\\dir", ["report", "C:\\dir"]),
    ])
    func wordsAreSplitLikeAShellDoes(line: String, expected: [String]) throws {
        #expect(try CommandWords.split(line) == expected)
    }

    @Test(arguments: [("report \"my report.html", "\""), ("report 'x y", "'"), ("report 'a' \"b", "\"")])
    func anUnclosedQuoteIsExplained(line: String, quote: String) {
        #expect(throws: CommandWords.UnclosedQuote.self) { try CommandWords.split(line) }
        do {
            _ = try CommandWords.split(line)
        } catch {
            #expect(error.description.contains("The quote (\(quote)) is never closed"))
            #expect(error.description.contains("backslash"))
        }
    }

    @Test func aTrailingBackslashStaysItself() throws {
        #expect(try CommandWords.split("report x\\") == ["report", "x\\"])
    }

    @Test func escapingForCompletionQuotesWhatTheSplitterWouldSeparate() throws {
        for name in ["my report.html", "it's \"here\".md", "plain.csv", "tab\there"] {
            #expect(try CommandWords.split("report " + CommandWords.escape(name)) == ["report", name])
        }
        #expect(CommandWords.escape("plain.csv") == "plain.csv")
        #expect(CommandWords.escape("my report.html") == "my\\ report.html")
    }
}
