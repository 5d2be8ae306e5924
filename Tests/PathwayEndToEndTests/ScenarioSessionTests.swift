import Foundation
import Testing

/// A learner plays a branching case through a pseudo-terminal, along two different paths:
/// the second run starts from the beginning with `again`, and a session quit mid-case resumes
/// at the same decision.
@Suite(.serialized) struct ScenarioSessionTests {
    static let judgment = TerminalSessionTests.repository.appending(path: "Tests/PathwayCoreTests/Fixtures/judgment")

    func environment(home: URL) -> [String: String] {
        ["PATHWAY_HOME": home.path, "PATHWAY_CURRICULA": Self.judgment.path, "TERM": "xterm-256color", "PATHWAY_SKIP_IDENTITY": "1",
         "HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    }

    @Test func aCaseIsPlayedAlongTwoPathsAndResumesMidway() throws {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        let home = FileManager.default.temporaryDirectory.appending(path: "pathway-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }

        let first = try PseudoTerminal(executable: binary, arguments: ["--no-shuffle"], environment: environment(home: home))
        try #require(first.expect("pathway> "))
        first.send("start refunds\r")
        try #require(first.expect("(Zinkevich 2016)"))
        first.send("\r")
        try #require(first.expect("Case: The refund bot that promised too much"))
        try #require(first.expect("decide> "))
        // Path one: wait, then honour the promises.
        first.send("b\r")
        try #require(first.expect("Forty more customers are promised refunds overnight."))
        try #require(first.expect("decide> "))
        first.send("back\r")
        try #require(first.expect("A decision stands"))
        first.send("a\r")
        try #require(first.expect("End of the case."))
        try #require(first.expect("Stop the harm, then repair trust (NIST 2023)."))
        try #require(first.expect("1. Keep it running and watch the numbers"))
        try #require(first.expect("decision score 20%"))
        try #require(first.expect("Score: 60%"))
        // Path two, from the start: ask legal, loop back, pause the bot, honour the promises.
        first.send("again\r")
        try #require(first.expect("Playing the case again from the start"))
        first.send("c\r")
        try #require(first.expect("Legal refuses"))
        try #require(first.expect("Legal said no. Now what?"))
        // Quit in the middle of the case.
        first.send("quit\r")
        #expect(first.waitForExit() == 0)

        let second = try PseudoTerminal(executable: binary, arguments: ["--no-shuffle"], environment: environment(home: home))
        try #require(second.expect("pathway> "))
        second.send("continue\r")
        try #require(second.expect("Case in progress: decision 2."))
        try #require(second.expect("Legal said no. Now what?"))
        second.send("a\r")
        try #require(second.expect("You return to the first decision."))
        try #require(second.expect("A support bot has promised refunds"))
        second.send("a\r")
        try #require(second.expect("the support lead asks what comes next"))
        second.send("a\r")
        try #require(second.expect("End of the case."))
        try #require(second.expect("1. Ask legal to change the policy"))
        try #require(second.expect("decision score 0%"))
        try #require(second.expect("Score: 75%"))
        try #require(second.expect("First run 60%, best 75% (2 runs)."))
        second.send("quit\r")
        #expect(second.waitForExit() == 0)
    }
}
