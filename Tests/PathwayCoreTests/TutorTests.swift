import Foundation
import Testing
@testable import PathwayCore

@Suite struct TutorTests {
    let library = Fixtures.sampleLibrary()
    let clock = ManualClock()

    func makeTutor(store: MemoryProgressStore = MemoryProgressStore(), shuffle: Bool = false) -> Tutor {
        var options = Tutor.Options()
        options.shuffleChoices = shuffle
        return Tutor(library: library, progress: LearnerProgress(profile: "t", now: clock.now), store: store,
                     clock: clock.clock, random: SeededRandom(seed: 9), options: options)
    }

    func openIntro(_ tutor: Tutor) throws {
        let (pack, module, lesson) = try #require(library.lessons(matching: "intro").first)
        tutor.open(pack: pack, module: module, lesson: lesson)
    }

    @Test func answersAreRecordedWithTimeHintsAndCorrectness() throws {
        let store = MemoryProgressStore()
        let tutor = makeTutor(store: store)
        try openIntro(tutor)
        #expect(tutor.advance() == .moved)
        clock.advance(12)
        #expect(tutor.hint()?.number == 1)
        guard case .incorrect(_, attemptsLeft: 2) = tutor.answer("b") else { Issue.record("expected a wrong answer"); return }
        clock.advance(3)
        guard case .correct = tutor.answer("a") else { Issue.record("expected a right answer"); return }
        #expect(tutor.active?.settled == true)
        let record = try #require(store.saved?.items["sample/intro-q1"])
        #expect(record.attempts.map(\.correct) == [false, true])
        #expect(record.attempts.map(\.answer) == ["Carrot", "Apple"])
        #expect(record.attempts.map(\.seconds) == [12, 3])
        #expect(record.hintsUsed == 1)
        #expect(record.attempts[0].hintsUsed == 1)
        #expect(!record.firstTryCorrect)
        #expect(record.answeredCorrectly)
    }

    @Test func theAnswerIsRevealedAfterTheLastAllowedAttempt() throws {
        let tutor = makeTutor()
        try openIntro(tutor)
        tutor.advance()
        _ = tutor.answer("b")
        _ = tutor.answer("c")
        guard case let .revealed(_, answer) = tutor.answer("b") else { Issue.record("not revealed"); return }
        #expect(answer == "a) Apple")
        #expect(tutor.progress.items["sample/intro-q1"]?.revealed == true)
    }

    @Test func malformedInputIsNotAnAttempt() throws {
        let tutor = makeTutor()
        try openIntro(tutor)
        tutor.advance()
        guard case .malformed = tutor.answer("zebra crossing") else { Issue.record("graded"); return }
        #expect(tutor.progress.items["sample/intro-q1"] == nil)
    }

    @Test func skippingMarksTheQuestionAndMovesOn() throws {
        let tutor = makeTutor()
        try openIntro(tutor)
        tutor.advance()
        #expect(tutor.skip() == .moved)
        #expect(tutor.progress.items["sample/intro-q1"]?.skipped == true)
        #expect(tutor.active?.index == 2)
        #expect(tutor.back())
        #expect(tutor.active?.index == 1)
    }

    @Test func reopeningResumesAtTheSameStepEvenAfterARestart() throws {
        let store = MemoryProgressStore()
        let first = makeTutor(store: store)
        try openIntro(first)
        first.advance()
        _ = first.answer("a")
        first.advance()
        #expect(first.active?.index == 2)
        let saved = try #require(store.saved)
        let second = Tutor(library: library, progress: saved, store: store, clock: clock.clock)
        let target = try #require(second.resumeTarget())
        #expect(target.lesson.id == "intro")
        second.open(pack: target.pack, module: target.module, lesson: target.lesson)
        #expect(second.active?.index == 2)
        #expect(second.active?.step.id == "intro-q2")
    }

    @Test func finishingALessonCompletesItAndSummarises() throws {
        let tutor = makeTutor()
        try openIntro(tutor)
        tutor.advance()
        for answer in ["a", "a", "a,b,d", "precision", "0.25"] {
            // The second "a" is wrong on the multiple-select question, so it stays there.
            if case .correct = tutor.answer(answer) { tutor.advance() }
        }
        #expect(tutor.active?.step is ReflectionStep)
        tutor.saveReflection(text: "I like bikes", checked: [1])
        guard case let .lessonCompleted(summary)? = tutor.advance() else { Issue.record("not completed"); return }
        #expect(summary == Tutor.LessonSummary(questions: 4, firstTryCorrect: 3, answeredCorrectly: 4, skipped: 0))
        #expect(tutor.progress.lessons["sample/intro"]?.completed == true)
        #expect(tutor.progress.reflections["sample/intro-r1"]?.text == "I like bikes")
        #expect(tutor.progress.current == nil)
        #expect(tutor.resumeTarget()?.lesson.id == "second")
    }

    @Test func resetForgetsOnlyThatModule() throws {
        let tutor = makeTutor()
        try openIntro(tutor)
        tutor.advance()
        _ = tutor.answer("a")
        let (pack, module) = try #require(library.modules(matching: "basics").first)
        let removed = tutor.reset(pack: pack, module: module)
        #expect(removed == 2)
        #expect(tutor.progress.items.isEmpty)
        #expect(tutor.progress.lessons.isEmpty)
        #expect(tutor.active == nil)
    }

    @Test func aFailedSaveIsReportedOnceAndRetriedOnTheNextChange() throws {
        struct DiskFull: Error {}
        let store = MemoryProgressStore()
        let tutor = makeTutor(store: store)
        try openIntro(tutor)
        tutor.advance()
        store.failure = DiskFull()
        _ = tutor.answer("a")
        #expect(tutor.takeSaveFailure() is DiskFull)
        #expect(tutor.takeSaveFailure() == nil)
        #expect(store.saved?.items["sample/intro-q1"] == nil)
        store.failure = nil
        tutor.advance()
        _ = tutor.answer("a,b,d")
        #expect(store.saved?.items["sample/intro-q1"]?.answeredCorrectly == true)
        #expect(store.saved?.items["sample/intro-q2"]?.answeredCorrectly == true)
    }

    @Test func choicesKeepTheirOrderWithinASession() throws {
        let tutor = makeTutor(shuffle: true)
        try openIntro(tutor)
        tutor.advance()
        let question = try #require(tutor.active?.step as? any Question)
        let first = tutor.presentation(for: question)
        _ = tutor.back()
        tutor.advance()
        #expect(tutor.presentation(for: question) == first)
    }

    @Test func previewModeNeverSaves() throws {
        let store = MemoryProgressStore()
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "t", now: clock.now), store: store,
                          clock: clock.clock, saving: .preview)
        try openIntro(tutor)
        tutor.advance()
        _ = tutor.answer("a")
        #expect(store.saveCount == 0)
    }
}

@Suite struct PathOverviewTests {
    let library = Fixtures.sampleLibrary()

    @Test func tracksUnlockWhenTheirPrerequisitesAreCompleted() {
        var progress = LearnerProgress(profile: "t", now: Date())
        var overview = PathOverview(library: library, progress: progress)
        #expect(overview.state(pack: "sample", module: "basics") == .available)
        guard case .locked(let reason)? = overview.state(pack: "sample", module: "more") else { Issue.record("not locked"); return }
        #expect(reason.contains("First track"))

        var done = LessonRecord(startedAt: Date())
        done.completed = true
        progress.lessons["sample/intro"] = done
        overview = PathOverview(library: library, progress: progress)
        #expect(overview.state(pack: "sample", module: "basics") == .inProgress)
        #expect(overview.state(pack: "sample", module: "more")?.isLocked == true)
        #expect(overview.nextLesson(progress: progress)?.lesson.id == "second")

        progress.lessons["sample/second"] = done
        overview = PathOverview(library: library, progress: progress)
        #expect(overview.state(pack: "sample", module: "basics") == .completed)
        #expect(overview.state(pack: "sample", module: "more") == .available)
        #expect(overview.nextLesson(progress: progress)?.lesson.id == "json-lesson")
    }
}
