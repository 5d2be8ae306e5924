import Foundation
import Testing
@testable import PathwayCore
@testable import PathwayShell

/// Drives the REPL with scripted lines through the same code that serves a terminal.
@Suite struct ReplTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "PathwayCoreTests/Fixtures/good")
    let library = PackLibrary.load([PackSource(folder: ReplTests.fixtures, origin: .option)])

    func run(_ lines: [String], store: MemoryProgressStore = MemoryProgressStore(), interactive: Bool = false,
             shuffle: Bool = false, saving: Tutor.Saving = .saved) -> (text: String, store: MemoryProgressStore, reader: ScriptedLineReader) {
        var options = Tutor.Options()
        options.shuffleChoices = shuffle
        let progress = (try? store.load()) ?? nil
        let tutor = Tutor(library: library, progress: progress ?? LearnerProgress(profile: "t", now: Date()), store: store,
                          random: SeededRandom(seed: 5), options: options, saving: saving)
        let reader = ScriptedLineReader(lines: lines, interactive: interactive)
        let output = BufferOutput()
        Repl(tutor: tutor, reader: reader, output: output, width: 60).run()
        return (output.plainText, store, reader)
    }

    @Test func aWholeLessonFromStartToFinish() {
        let (text, store, _) = run(["start intro", "", "a", "a,b,d", "Precision.", "0.25",
                                    "I like my bike because it is fast", ".", "1,2", "quit"])
        #expect(text.contains("Welcome"))
        #expect(text.components(separatedBy: "✓ Correct.").count == 5)
        #expect(text.contains("Saved to your portfolio as 'Product note'"))
        #expect(text.contains("✓ Lesson complete."))
        #expect(text.contains("4 of 4 right on the first try"))
        #expect(text.contains("Test source"))
        #expect(store.saved?.lessons["sample/intro"]?.completed == true)
        #expect(store.saved?.reflections["sample/intro-r1"]?.checked == [0, 1])
    }

    @Test func aReadOnlySessionSaysAnswersAreNotSaved() {
        let (text, store, _) = run(["start intro", "", "a", "b", "quit"], saving: .readOnly)
        #expect(text.contains("✓ Correct. Not saved: another pathway has this profile open"))
        #expect(text.contains("✗ Not quite. Not saved"))
        #expect(text.contains("Nothing from this session was saved"))
        #expect(!text.contains("Progress saved"))
        #expect(store.saved == nil)
    }

    @Test func aLessonDoneAgainEndsWithItsOwnSources() {
        let first = run(["start intro", "", "a", "a,b,d", "precision", "0.25", "skip", "start second", "", "false", "quit"])
        #expect(first.store.saved?.lessons["sample/second"]?.completed == true)
        let (text, _, _) = run(["start intro", "", "a", "a,b,d", "precision", "0.25", "skip", "quit"], store: first.store)
        #expect(text.contains("✓ Lesson complete."))
        #expect(text.contains("Test source"))
    }

    @Test func wrongAnswersGetFeedbackHintsAndFinallyTheAnswer() {
        let (text, store, _) = run(["start intro", "", "b", "hint", "hint", "hint", "c", "b", "quit"])
        #expect(text.contains("A carrot is a root vegetable."))
        #expect(text.contains("2 tries left"))
        #expect(text.contains("Hint 1 of 2: It is red or green."))
        #expect(text.contains("Hint 2 of 2: It keeps the doctor away."))
        #expect(text.contains("No more hints"))
        #expect(text.contains("The answer: a) Apple"))
        #expect(text.contains("Apples grow on trees."))
        #expect(store.saved?.items["sample/intro-q1"]?.attempts.count == 3)
        #expect(store.saved?.items["sample/intro-q1"]?.hintsUsed == 2)
    }

    @Test func malformedAnswersAndUnknownCommandsGetAOneLineHint() {
        let (text, _, _) = run(["strat intro", "start intro", "", "q", "quit"])
        #expect(text.contains("Unknown command 'strat'. Did you mean 'start'?"))
        #expect(text.contains("'q' is not one of the choices; type a letter a–c or 1–3."))
    }

    @Test func choiceLettersAreAnswersNotCommands() {
        // "b" must be graded as the answer b, never taken as a command.
        let (text, store, _) = run(["start intro", "", "b", "quit"])
        #expect(text.contains("✗ Not quite."))
        #expect(store.saved?.items["sample/intro-q1"]?.attempts.first?.answer == "Carrot")
    }

    @Test func aBackslashSendsACommandWordAsAnAnswer() {
        let (_, store, _) = run(["start intro", "", "a", "a,b,d", "\\next", "quit"])
        #expect(store.saved?.items["sample/intro-q3"]?.attempts.first?.answer == "next")
    }

    @Test func continueResumesExactlyWhereTheLearnerLeftOff() {
        let first = run(["start intro", "", "a", "quit"])
        #expect(first.store.saved?.current?.stepID == "intro-q2")
        let (text, _, _) = run(["continue", "quit"], store: first.store)
        #expect(text.contains("Resuming at step 3 of 6."))
        #expect(text.contains("Which are primary colours of light?"))
    }

    @Test func nextAtTheTopOpensTheNextLessonOnThePath() {
        let (text, _, _) = run(["next", "quit"])
        #expect(text.contains("Basics › Introduction"))
    }

    @Test func nextAndBackMoveThroughTheLesson() {
        let (text, _, _) = run(["start intro", "next", "next", "back", "back", "back", "quit"])
        #expect(text.contains("Answer the question first, or type skip"))
        #expect(text.contains("This is the first step of the lesson."))
    }

    @Test func skipMovesOnAndMarksTheQuestion() {
        let (text, store, _) = run(["start intro", "", "skip", "quit"])
        #expect(text.contains("Skipped."))
        #expect(store.saved?.items["sample/intro-q1"]?.skipped == true)
        #expect(store.saved?.current?.stepID == "intro-q2")
    }

    @Test func resetAsksFirstAndOnlyAYesResets() {
        let started = run(["start intro", "", "a", "quit"])
        let declined = run(["reset basics", "n", "quit"], store: started.store)
        #expect(declined.text.contains("Nothing was reset."))
        #expect(declined.store.saved?.items["sample/intro-q1"] != nil)
        let accepted = run(["reset basics", "yes", "quit"], store: started.store)
        #expect(accepted.text.contains("Reset 'Basics'"))
        #expect(accepted.store.saved?.items.isEmpty == true)
    }

    @Test func aLockedModuleAsksBeforeOpening() {
        let (text, _, _) = run(["start more", "n", "start json-lesson", "y", "quit"])
        #expect(text.contains("'More' is locked: finish First track first. Start it anyway?"))
        #expect(text.contains("More › A lesson in JSON"))
    }

    @Test func pathListAndProgressShowWhereTheLearnerStands() {
        let (text, _, _) = run(["start intro", "", "a", "path", "list", "list basics", "progress", "quit"])
        #expect(text.contains("1. First track"))
        #expect(text.contains("▸ basics"))
        #expect(text.contains("(locked: finish First track first)"))
        #expect(text.contains("intro"))
        #expect(text.contains("Questions   1 of 6 answered: 1 right, 1 on the first try"))
        #expect(text.contains("Portfolio   0 of 1 piece written"))
    }

    @Test func helpListsCommandsAndExplainsOne() {
        let (text, _, _) = run(["help", "help reset", "help nothing", "quit"])
        #expect(text.contains("start <module-or-lesson>"))
        #expect(text.contains("reset <module> — forget your answers in a module"))
        #expect(text.contains("No command 'nothing'"))
    }

    @Test func interruptsClearTheLineAndEndOfInputQuitsCleanly() {
        let store = MemoryProgressStore()
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "t", now: Date()), store: store)
        let reader = ScriptedLineReader([.line("start intro"), .interrupted, .interrupted, .line(""), .endOfInput])
        let output = BufferOutput()
        let status = Repl(tutor: tutor, reader: reader, output: output).run()
        #expect(status == 0)
        #expect(output.plainText.components(separatedBy: "Ctrl-C clears the line").count == 2)
        #expect(output.plainText.contains("Progress saved"))
        #expect(store.saved?.current?.stepID == "intro-q1")
    }

    @Test func aReflectionMayBeginWithACapitalisedCommandWord() {
        let lines = ["start intro", "", "a", "a,b,d", "Precision.", "0.25"]
        let (_, store, _) = run(lines + ["Portfolio pieces show how I think about my bike", ".", "1,2", "quit"])
        #expect(store.saved?.reflections["sample/intro-r1"]?.text == "Portfolio pieces show how I think about my bike")
        let (_, review, _) = run(lines + ["Review: my bike is fast", "and cheap", ".", "1,2", "quit"])
        #expect(review.saved?.reflections["sample/intro-r1"]?.text == "Review: my bike is fast\nand cheap")
        // Typed in lower case, the word is still a command there.
        let (text, _, _) = run(lines + ["progress", "quit"])
        #expect(text.contains("Portfolio   0 of 1 piece written"))
    }

    @Test func promptsFollowTheStep() {
        let (_, _, reader) = run(["start intro", "", "quit"], interactive: true)
        // The counter is the question's number, as in "Question 1 of 4" above it.
        #expect(reader.prompts.prefix(3) == ["pathway> ", "> ", "[1/4] answer> "])
    }

    @Test func completionOffersCommandsAndIds() {
        let (_, _, reader) = run(["quit"])
        let table = reader.completions
        #expect(table.candidates(for: "st", after: "") == ["start"])
        #expect(table.candidates(for: "in", after: "start ") == ["intro"])
        #expect(table.candidates(for: "b", after: "reset ") == ["basics"])
        #expect(table.candidates(for: "re", after: "help ").sorted() == ["reload", "report", "reset", "review"])
        #expect(table.candidates(for: "x", after: "start intro ").isEmpty)
    }

    @Test func aFailedSaveIsReportedAndTheSessionGoesOn() {
        struct DiskFull: Error, CustomStringConvertible { var description: String { "No space left on device" } }
        let store = MemoryProgressStore()
        store.failure = DiskFull()
        let (text, _, _) = run(["start intro", "", "a", "quit"], store: store)
        #expect(text.contains("warning: your progress could not be saved: No space left on device."))
        #expect(text.contains("✓ Correct."))
    }
}

/// What `next` recommends at the top level in each situation.
@Suite struct NextRecommendationTests {
    final class Clock2: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_800_000_000)
    }

    let library = PackLibrary.load([PackSource(folder: ReplTests.fixtures, origin: .option)])

    func session(_ lines: [String], tutor: Tutor) -> String {
        let output = BufferOutput()
        Repl(tutor: tutor, reader: ScriptedLineReader(lines: lines), output: output, width: 80).run(greeting: false)
        return output.plainText
    }

    func makeTutor(_ time: Clock2) -> Tutor {
        var options = Tutor.Options()
        options.shuffleChoices = false
        return Tutor(library: library, progress: LearnerProgress(profile: "t", now: time.now), store: MemoryProgressStore(),
                     clock: PathwayCore.Clock { time.now }, random: SeededRandom(seed: 1), options: options)
    }

    @Test func aFreshLearnerIsSentToTheFirstLessonOfThePath() {
        let time = Clock2()
        #expect(session(["next", "quit"], tutor: makeTutor(time)).contains("Basics › Introduction"))
    }

    @Test func aLessonUnderWayComesBeforeANewOne() {
        let time = Clock2()
        let tutor = makeTutor(time)
        _ = session(["start second", "quit"], tutor: tutor)
        tutor.leave()   // as a new process starts
        #expect(session(["next", "quit"], tutor: tutor).contains("Basics › Second lesson"))
    }

    @Test func dueReviewsComeFirst() {
        let time = Clock2()
        let tutor = makeTutor(time)
        _ = session(["start intro", "", "b", "quit"], tutor: tutor)   // a wrong first answer: due again in minutes
        tutor.leave()
        time.now += 3_600
        let text = session(["next", "stop", "quit"], tutor: tutor)
        #expect(text.contains("Review: 1 question due."))
        #expect(text.contains("Review finished"))
    }

    @Test func whenEverythingIsDoneNextSaysSo() throws {
        let time = Clock2()
        let tutor = makeTutor(time)
        for (pack, module, lesson) in library.packs.flatMap({ pack in pack.lessons.map { (pack, $0.module, $0.lesson) } }) {
            tutor.open(pack: pack, module: module, lesson: lesson)
            while let active = tutor.active {
                if let question = active.step as? any Question { _ = tutor.answer(question.selfCheck().mustPass[0]) }
                if active.step is ReflectionStep { tutor.saveReflection(text: "done", checked: []) }
                tutor.advance()
            }
        }
        // Right after answering, no review is due yet.
        let text = session(["next", "quit"], tutor: tutor)
        #expect(text.contains("every open lesson is completed"))
    }
}
