import Foundation
import Testing
@testable import PathwayCore

@Suite struct ReviewSessionTests {
    let library = Fixtures.sampleLibrary()

    func tutorAfterFirstLesson(clock: ManualClock) throws -> Tutor {
        var options = Tutor.Options()
        options.shuffleChoices = false
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "t", now: clock.now), store: MemoryProgressStore(),
                          clock: clock.clock, random: SeededRandom(seed: 3), options: options)
        let (pack, module, lesson) = try #require(library.lessons(matching: "intro").first)
        tutor.open(pack: pack, module: module, lesson: lesson)
        tutor.advance()
        for answer in ["b", "a", "a,b,d", "precision", "0.25"] {
            clock.advance(5)
            if case .correct = tutor.answer(answer) { tutor.advance() }
        }
        return tutor
    }

    @Test func theFirstAnswerToEachQuestionSeedsACard() throws {
        let clock = ManualClock()
        let tutor = try tutorAfterFirstLesson(clock: clock)
        #expect(Set(tutor.progress.cards.keys) == ["sample/intro-q1", "sample/intro-q2", "sample/intro-q3", "sample/intro-q4"])
        // A wrong first answer is rated Again: the card comes back within minutes.
        let missed = try #require(tutor.progress.cards["sample/intro-q1"])
        #expect(missed.due.timeIntervalSince(clock.now) < 15 * 60)
        let known = try #require(tutor.progress.cards["sample/intro-q2"])
        #expect(known.due > missed.due)
    }

    @Test func aReviewAsksTheDueCardsAndReschedulesThem() throws {
        let clock = ManualClock()
        let tutor = try tutorAfterFirstLesson(clock: clock)
        #expect(tutor.startReview() == 0 || !tutor.dueCards().isEmpty)
        clock.advance(2 * 86_400)
        let due = tutor.dueCards()
        #expect(!due.isEmpty)
        #expect(tutor.startReview() == due.count)
        #expect(tutor.active == nil)
        var answered = 0
        while let (_, question, _) = tutor.currentReviewQuestion() {
            let answer = question.selfCheck().mustPass[0]
            clock.advance(4)
            guard case let .success(outcome)? = tutor.answerReview(answer) else { Issue.record("not graded"); return }
            #expect(outcome.grade.isCorrect)
            #expect(outcome.rating == .easy)
            #expect(outcome.due > clock.now)
            answered += 1
        }
        #expect(answered == due.count)
        #expect(tutor.dueCards().isEmpty)
        #expect(tutor.progress.items[due[0]]?.attempts.last?.review == true)
        #expect(tutor.reviewForecast.dueNow == 0)
    }

    @Test func aWrongReviewAnswerShowsTheAnswerAndComesBackSoon() throws {
        let clock = ManualClock()
        let tutor = try tutorAfterFirstLesson(clock: clock)
        clock.advance(30 * 86_400)
        tutor.startReview()
        let key = try #require(tutor.review?.currentKey)
        guard case .failure? = tutor.answerReview("zzz not an answer zzz") else {
            // Short-text questions grade any text; choice questions refuse it.
            return
        }
        let (_, question, _) = try #require(tutor.currentReviewQuestion())
        let wrong = question.selfCheck().mustFail.first ?? "definitely wrong"
        guard case let .success(outcome)? = tutor.answerReview(wrong) else { Issue.record("not graded"); return }
        #expect(!outcome.grade.isCorrect)
        #expect(outcome.rating == .again)
        #expect(outcome.correctAnswer != nil)
        #expect(try #require(tutor.progress.cards[key]).due.timeIntervalSince(clock.now) < 86_400)
    }
}
