import Foundation
import Testing
@testable import PathwayCore
@testable import PathwayShell

/// The prompt's counter is the number in "Question 3 of 4" above it, and skills are shown by
/// name ("Product thinking"), never by id ("product-thinking"), wherever a person reads them.
@Suite struct CounterAndSkillNameTests {
    let library = PackLibrary.load([PackSource(folder: ReplTests.fixtures, origin: .option)])

    func run(_ lines: [String]) -> (text: String, prompts: [String]) {
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "t", now: Date()), store: MemoryProgressStore(),
                          random: SeededRandom(seed: 5), options: { var o = Tutor.Options(); o.shuffleChoices = false; return o }())
        let reader = ScriptedLineReader(lines: lines, interactive: true)
        let output = BufferOutput()
        Repl(tutor: tutor, reader: reader, output: output, width: 100).run()
        return (output.plainText, reader.prompts)
    }

    /// The counters of the answer prompts, in order, without repeats.
    func counters(_ prompts: [String]) -> [String] {
        prompts.filter { $0.hasSuffix("] answer> ") }.reduce(into: []) { if $0.last != $1 { $0.append($1) } }
    }

    /// The "Question N of M" lines, in order.
    func questionLines(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            line.hasPrefix("Question ") ? String(line.prefix { $0 != "·" }).trimmingCharacters(in: .whitespaces) : nil
        }
    }

    @Test func theCounterMatchesTheQuestionLineThroughALesson() {
        let (text, prompts) = run(["start intro", "", "a", "a,b,d", "precision", "0.25", "quit"])
        #expect(counters(prompts) == ["[1/4] answer> ", "[2/4] answer> ", "[3/4] answer> ", "[4/4] answer> "])
        #expect(questionLines(text) == ["Question 1 of 4", "Question 2 of 4", "Question 3 of 4", "Question 4 of 4"])
    }

    @Test func theCounterMatchesWhenALessonIsOpenedAtAStepOrHasOneQuestion() {
        let (atStep, atStepPrompts) = run(["start intro --step intro-q3", "quit"])
        #expect(counters(atStepPrompts) == ["[3/4] answer> "])
        #expect(questionLines(atStep) == ["Question 3 of 4"])
        let (single, singlePrompts) = run(["start second", "", "quit"])
        #expect(counters(singlePrompts) == ["[1/1] answer> "])
        #expect(questionLines(single) == ["Question 1 of 1"])
    }

    @Test func skillsAreShownByNameInEveryViewAndTheMarkdownPortfolio() {
        let (text, _) = run(["start intro", "", "a", "skills", "report", "career", "report md", "portfolio md", "portfolio html", "quit"])
        #expect(text.contains("Product thinking"))
        #expect(!text.contains("product-thinking"), "\(text)")
        #expect(text.contains("## Skills practised\n\nProduct thinking"))
    }
}
