import Foundation
import Testing

/// A learner's first screens on terminals of three widths: every line fits the terminal,
/// broken at word boundaries; only a single word wider than the terminal may overflow.
@Suite(.serialized) struct ScreenWidthTests {
    static let curricula = TerminalSessionTests.repository.appending(path: "curricula")

    func environment(home: URL) -> [String: String] {
        ["PATHWAY_HOME": home.path, "PATHWAY_CURRICULA": Self.curricula.path, "TERM": "xterm-256color", "PATHWAY_SKIP_IDENTITY": "1",
         "HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    }

    /// Columns a line takes (wide characters count two).
    static func columns(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x1F300...0x1FAFF: return total + 2
            default: return total + (scalar.properties.generalCategory == .nonspacingMark ? 0 : 1)
            }
        }
    }

    /// Lines wider than `width` that are not one unbreakable word.
    static func overflowing(_ lines: [String], width: Int) -> [String] {
        lines.filter { columns($0) > width && $0.trimmingCharacters(in: .whitespaces).contains(" ") }
    }

    @Test(arguments: [60, 100, 160])
    func everyScreenOfTheFirstHourFitsTheTerminal(width: Int) throws {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        let home = FileManager.default.temporaryDirectory.appending(path: "pathway-width-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = try PseudoTerminal(executable: binary, arguments: ["--seed", "1"], environment: environment(home: home),
                                          columns: UInt16(width))
        try #require(terminal.expect("pathway> "))
        terminal.settle()
        let steps: [(send: String, waitFor: String)] = [
            ("path", "pathway> "), ("list", "pathway> "), ("list fund-role", "pathway> "),
            ("continue", "Press Enter"), ("", "answer> "), ("hint", "answer> "), ("hint", "answer> "),
            ("skip", "answer> "), ("skip", "> "), ("", "answer> "), ("hint", "answer> "), ("a", "answer> "),
            ("skills", "answer> "), ("career", "answer> "), ("review", "> "), ("help", "> "),
        ]
        for step in steps {
            terminal.send(step.send + "\r")
            let seen = terminal.expect(step.waitFor)
            try #require(seen, "no '\(step.waitFor)' after '\(step.send)': \(terminal.output.suffix(300).debugDescription)")
            terminal.settle()
        }
        terminal.send("quit\r")
        #expect(terminal.waitForExit() == 0)
        let lines = terminal.screenLines()
        #expect(lines.contains { $0.contains("Select all that apply") }, "the select-all question was shown")
        #expect(lines.contains { $0.contains("Hint 1 of") })
        #expect(lines.contains { $0.contains("Readiness for the") })
        #expect(Self.overflowing(lines, width: width) == [])
        // On a wide terminal prose keeps to a readable measure.
        if width > 100 { #expect(Self.overflowing(lines, width: 100) == []) }
    }

    @Test func resizingTheWindowRewrapsTheNextOutput() throws {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        let home = FileManager.default.temporaryDirectory.appending(path: "pathway-width-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = try PseudoTerminal(executable: binary, arguments: ["--seed", "1"], environment: environment(home: home),
                                          columns: 160)
        try #require(terminal.expect("pathway> "))
        terminal.settle()
        terminal.resize(columns: 60)
        let mark = terminal.mark
        terminal.send("help\r")
        try #require(terminal.expect("Ctrl-D or"))
        try #require(terminal.expect("pathway> "))
        let lines = terminal.screenLines(from: mark)
        #expect(lines.count > 5)
        #expect(Self.overflowing(lines, width: 60) == [])
        terminal.send("quit\r")
        #expect(terminal.waitForExit() == 0)
    }
}
