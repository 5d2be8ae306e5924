import Foundation
import Testing
@testable import PathwayCore
@testable import PathwayShell

/// What the views show: names rather than ids, and states a learner understands.
@Suite struct ReplViewTests {
    let library = PackLibrary.load([PackSource(folder: ReplTests.fixtures, origin: .option)])

    func run(_ lines: [String], width: TerminalWidth = .fixed(60)) -> String {
        var options = Tutor.Options()
        options.shuffleChoices = false
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "t", now: Date()), store: MemoryProgressStore(),
                          random: SeededRandom(seed: 5), options: options)
        let output = BufferOutput()
        Repl(tutor: tutor, reader: ScriptedLineReader(lines: lines), output: output, terminalWidth: width).run()
        return output.plainText
    }

    @Test func skillsAreNamedAndUntouchedOnesAreNotStarted() {
        let text = run(["skills", "quit"])
        #expect(text.contains("Product thinking"))
        #expect(!text.contains("product-thinking"))
        #expect(text.contains("not started"))
        #expect(!text.contains("beginning"))
    }

    @Test func skillNamesReadAsWords() {
        #expect(SkillLevel.name(of: "ai-literacy") == "AI literacy")
        #expect(SkillLevel.name(of: "analytical-mindset") == "Analytical mindset")
        #expect(SkillLevel.name(of: "llm_evaluation") == "LLM evaluation")
    }

    @Test func everyLineFitsANarrowTerminal() {
        let text = run(["path", "list", "skills", "career", "progress", "help", "start intro", "", "hint", "b", "quit"], width: .fixed(40))
        let long = text.split(separator: "\n").filter { $0.count > 40 && $0.contains(" ") }
        #expect(long == [])
    }
}
