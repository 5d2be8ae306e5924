import Foundation
import Testing
@testable import PathwayCore
@testable import PathwayShell

/// The learner always knows where they are, what is next, and how to recover from a mistake.
@Suite struct ReplGuidanceTests {
    let library = PackLibrary.load([PackSource(folder: ReplTests.fixtures, origin: .option)])

    final class Clock: @unchecked Sendable { var now = Date(timeIntervalSince1970: 1_800_000_000) }

    func run(_ lines: [String], store: MemoryProgressStore = MemoryProgressStore(), interactive: Bool = false,
             clock: Clock = Clock(), width: TerminalWidth? = nil) -> (text: String, store: MemoryProgressStore, reader: ScriptedLineReader) {
        var options = Tutor.Options()
        options.shuffleChoices = false
        let progress = ((try? store.load()) ?? nil) ?? LearnerProgress(profile: "t", now: clock.now)
        let tutor = Tutor(library: library, progress: progress, store: store, clock: PathwayCore.Clock { clock.now },
                          random: SeededRandom(seed: 5), options: options)
        let reader = ScriptedLineReader(lines: lines, interactive: interactive)
        let output = BufferOutput()
        Repl(tutor: tutor, reader: reader, output: output, width: 200, terminalWidth: width).run()
        return (output.plainText, store, reader)
    }

    @Test func aYesNoQuestionAsksOnceAndAgainAfterAnythingElse() {
        let (text, _, reader) = run(["start more", "list fund-role", "y", "quit"], interactive: true)
        #expect(!text.contains("[y/N]"), "on a terminal [y/N] is the prompt, not printed as well")
        #expect(reader.prompts.filter { $0 == "[y/N] " }.count == 2)
        #expect(text.contains("Please type y for yes or n for no"))
        #expect(text.components(separatedBy: "Start it anyway?").count == 3)
        #expect(text.contains("More › A lesson in JSON"))
        let piped = run(["start more", "maybe", "n", "quit"]).text
        #expect(piped.components(separatedBy: "[y/N]").count == 3)
        #expect(!piped.contains("More › A lesson in JSON"))
    }

    @Test func aWrongAnswerWithoutFeedbackGetsTheNextHintOrWhatToReread() {
        let (text, store, _) = run(["start intro", "", "c", "a", "a,b,d", "banana", "quit"])
        // Potato has no feedback of its own: the first hint is shown.
        #expect(text.contains("✗ Not quite.\nHint 1 of 2: It is red or green."))
        #expect(store.saved?.items["sample/intro-q1"]?.hintsUsed == 1)
        // The short answer has no feedback and no hints: the reading is named.
        #expect(text.contains("Reread: “Welcome” (type back to see it again)."))
    }

    @Test func aHintThatPointsAtAParagraphQuotesIt() {
        let reading = "# The hard parts\n\nFirst idea here.\n\nSecond idea: data drifts.\n\n# Other\n\nUnrelated."
        #expect(ReadingReference.paragraph(for: "Reread the last paragraph of \"The hard parts\".", readings: [reading]) == "Second idea: data drifts.")
        #expect(ReadingReference.paragraph(for: "Look again at the last paragraph of the text.", readings: [reading]) == "Unrelated.")
        #expect(ReadingReference.paragraph(for: "Think about costs.", readings: [reading]) == nil)
    }

    @Test func theLessonEndListsSkippedQuestionsWithTheCommandBackToEach() {
        let (text, store, _) = run(["start intro", "", "skip", "a,b,d", "skip", "0.25", "skip", "quit"])
        #expect(text.contains("Skipped, to come back to:"))
        #expect(text.contains("• Question 1: start intro --step intro-q1"))
        #expect(text.contains("• Question 3: start intro --step intro-q3"))
        let back = run(["start intro --step intro-q3", "precision", "quit"], store: store).text
        #expect(back.contains("What metric is TP / (TP + FP)?"))
        #expect(back.contains("✓ Correct."))
    }

    @Test func nextSaysReviewsComeFirstAndReviewSaysWhenTheNextIsDue() {
        let clock = Clock()
        let first = run(["start intro", "", "a", "a,b,d", "precision", "0.25", "skip", "review", "quit"], clock: clock)
        #expect(first.text.contains("No reviews are due. The next one is due in "))
        #expect(first.text.contains("; 0 fall due within 7 days."))
        #expect(first.text.contains("Next: 'Second lesson' in Basics."))
        clock.now = clock.now.addingTimeInterval(40 * 86_400)
        let later = run(["next", "quit"], store: first.store, clock: clock).text
        #expect(later.contains("4 reviews first, then 'Second lesson'."))
        #expect(later.contains("Review: 4 questions due."))
    }

    @Test func aReviewOnANarrowTerminalFitsIt() {
        let clock = Clock()
        let first = run(["start intro", "", "c", "a", "a,b,d", "banana", "precision", "0.25", "skip", "quit"], clock: clock)
        clock.now = clock.now.addingTimeInterval(40 * 86_400)
        let text = run(["review", "hint", "b", "quit"], store: first.store, clock: clock, width: .fixed(40)).text
        #expect(text.contains("Review: 4 questions due."))
        let long = text.split(separator: "\n").filter { $0.count > 40 && $0.contains(" ") }
        #expect(long == [])
    }

    @Test func aReflectionStatesItsLengthFirstAndNamesWhatIsLeft() {
        let (text, _, _) = run(["start intro", "", "a", "a,b,d", "precision", "0.25", "My bike is fast", ".", "1", "quit"])
        let target = text.range(of: "Aim for about 3 words.")?.lowerBound
        let saved = text.range(of: "Saved to your portfolio")?.lowerBound
        #expect(target != nil && saved != nil)
        if let target, let saved { #expect(target < saved) }
        #expect(text.contains("Still to cover:\n  2. Says why"))
        #expect(text.contains("start intro --step intro-r1"))
    }

    @Test func theGreetingSaysPickUpNotContinueToContinue() {
        let first = run(["start intro", "", "a", "quit"])
        let text = run(["quit"], store: first.store).text
        #expect(text.contains("Type continue to pick up 'Introduction'"))
    }
}
