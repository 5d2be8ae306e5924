import Foundation

/// What lessons and reviews share when a question is asked and answered: how it is shown,
/// how an answer is graded, and how the attempt is recorded.
extension Tutor {
    /// Shows `question` of `pack`, shuffled when the question or the pack asks for it.
    func present(_ question: any Question, of pack: Pack) -> Presentation {
        let shuffles = type(of: question).alwaysShuffles || (options.shuffleChoices && pack.manifest.policy.shuffle)
        return question.present(shuffling: shuffles, using: &random)
    }

    /// The grade of `input`, or a message saying what to type instead.
    func grade(_ input: String, to question: any Question, in presentation: Presentation) -> Result<Grade, InputMessage> {
        switch question.evaluate(input, in: presentation) {
        case let .malformed(message): return .failure(InputMessage(text: message))
        case let .graded(grade): return .success(grade)
        }
    }

    /// Seconds of an attempt begun at `start`: never negative, and capped at the options' cap
    /// (beyond it the learner was away).
    func attemptSeconds(since start: Date, now: Date) -> Double {
        let seconds = now.timeIntervalSince(start)
        guard seconds.isFinite else { return 0 }
        return min(max(seconds, 0), options.attemptTimeCap)
    }

    /// Records an attempt at the question `key` with the visit's time and hints, and starts
    /// timing the next one. Returns the item's record after it.
    @discardableResult
    func recordAttempt(_ grade: Grade, key: ProgressKey, visit: inout QuestionVisit, inReview: Bool) -> ItemRecord {
        let now = clock.now
        let seconds = attemptSeconds(since: visit.shownAt, now: now)
        var attempt = Attempt(answer: grade.recordedAnswer, correct: grade.isCorrect,
                              score: grade.isCorrect || grade.score == 0 ? nil : grade.score,
                              at: now, seconds: seconds, hintsUsed: visit.hints)
        if inReview { attempt.review = true }
        visit.shownAt = now
        if !grade.isCorrect { visit.wrong += 1 }
        let hints = visit.hints
        return recorded.update(.items, key, default: ItemRecord()) { record in
            record.attempts.append(attempt)
            record.secondsSpent += seconds
            record.hintsUsed = max(record.hintsUsed, hints)
            if grade.isCorrect { record.skipped = false }
            return record
        }
    }

    /// The next hint of `question` for this visit: its text, number and the total.
    func nextHint(of question: any Question, key: ProgressKey, visit: inout QuestionVisit) -> (text: String, number: Int, total: Int)? {
        guard visit.hints < question.hints.count else { return nil }
        let text = question.hints[visit.hints]
        visit.hints += 1
        let hints = visit.hints
        recorded.update(.items, key, default: ItemRecord()) { $0.hintsUsed = max($0.hintsUsed, hints) }
        return (text, hints, question.hints.count)
    }
}

/// A sentence telling the learner what to type instead.
public struct InputMessage: Error, Equatable {
    public var text: String
}
