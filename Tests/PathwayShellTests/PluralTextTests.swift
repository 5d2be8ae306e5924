import Foundation
import Testing
@testable import PathwayCore
@testable import PathwayShell

/// Counts shown to the learner agree with their nouns: "1 question", "1 of 1 piece".
@Suite struct PluralTextTests {
    let library = PackLibrary.load([PackSource(folder: ReplTests.fixtures, origin: .option)])

    func run(_ lines: [String]) -> String {
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "t", now: Date()), store: MemoryProgressStore(),
                          random: SeededRandom(seed: 5), options: { var o = Tutor.Options(); o.shuffleChoices = false; return o }())
        let output = BufferOutput()
        Repl(tutor: tutor, reader: ScriptedLineReader(lines: lines, interactive: false), output: output, width: 100).run()
        return output.plainText
    }

    @Test func aCountOfOneTakesTheSingular() {
        let text = run(["list basics", "progress", "report", "career", "paths", "quit"])
        #expect(text.contains("1 question"))
        #expect(!text.contains("1 questions"))
        #expect(text.contains("0 of 1 piece written"))
        #expect(!text.contains("1 pieces"))
        #expect(!text.contains("1 tracks"))
        #expect(!text.contains("1 lessons"))
    }

    @Test func theHelperSaysOneAndMany() {
        #expect(Plural.count(1, "question") == "1 question")
        #expect(Plural.count(0, "question") == "0 questions")
        #expect(Plural.count(2, "portfolio piece") == "2 portfolio pieces")
        #expect(Plural.count(1, "batch", "batches") == "1 batch")
        #expect(Plural.count(3, "batch", "batches") == "3 batches")
        #expect(Plural.noun(1, "question is", "questions are") == "question is")
        #expect(Plural.noun(4, "question is", "questions are") == "questions are")
        #expect(Plural.count(1_250, "answer") == "1250 answers")
    }
}
