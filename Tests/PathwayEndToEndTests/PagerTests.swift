import Foundation
import Testing

/// Long output goes through the pager on a terminal, and never when piped.
@Suite(.serialized) struct PagerTests {
    func environment(home: URL) -> [String: String] {
        ["PATHWAY_HOME": home.path, "PATHWAY_CURRICULA": ScreenWidthTests.curricula.path, "TERM": "xterm-256color", "PATHWAY_SKIP_IDENTITY": "1",
         "HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PAGER": "sed s/^/PAGED:/"]
    }

    @Test func theFullReportIsPagedOnATerminal() throws {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        let home = FileManager.default.temporaryDirectory.appending(path: "pathway-pager-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = try PseudoTerminal(executable: binary, arguments: ["--seed", "1"], environment: environment(home: home), columns: 80)
        terminal.resize(columns: 80, rows: 20)
        #expect(terminal.expect("pathway> "))
        terminal.send("report\r")
        #expect(terminal.expect("report md FILE"))
        #expect(terminal.expect("pathway> "))
        #expect(!terminal.output.contains("PAGED:"), "the one-screen summary is not paged")
        terminal.send("report md\r")
        #expect(terminal.expect("PAGED:"))
        #expect(terminal.expect("pathway> "))
        let lines = terminal.screenLines()
        #expect(lines.contains("PAGED:Progress report: default"), "\(lines.suffix(30))")
        #expect(!terminal.output.contains("|---"))
        terminal.send("quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func pipedOutputIsNeverPaged() throws {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        let home = FileManager.default.temporaryDirectory.appending(path: "pathway-pager-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let piped = try BinaryRun.run(binary, ["--seed", "1"], input: "report md\nquit\n", environment: environment(home: home))
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("# Progress report: default"))
        #expect(!piped.stdout.contains("PAGED:"))
    }
}
