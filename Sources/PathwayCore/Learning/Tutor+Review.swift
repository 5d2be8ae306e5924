import Foundation

/// A spaced-review session: the due cards, one question at a time.
public struct ReviewState: Sendable {
    /// Item keys (`pack/question`) in the order they are asked.
    public var queue: [String]
    public var index = 0
    var shownAt: Date
    var hintsShown = 0
    var presentation: Presentation?
    /// How the session went so far: right and wrong answers.
    public var right = 0
    public var wrong = 0

    /// The key of the card being asked.
    public var currentKey: String? { index < queue.count ? queue[index] : nil }
}

extension Tutor {
    /// A question the library still has for a card key.
    public func question(forCard key: String) -> (pack: Pack, question: any Question)? {
        if questionIndex == nil {
            var index: [String: (pack: Pack, question: any Question)] = [:]
            for pack in library.packs {
                for (_, lesson) in pack.lessons {
                    for question in lesson.questions { index[LearnerProgress.key(pack.id, question.questionID)] = (pack, question) }
                }
            }
            questionIndex = index
        }
        return questionIndex?[key]
    }

    /// Cards due now whose questions still exist, most overdue first.
    public func dueCards() -> [String] {
        let now = clock.now
        return progress.cards.filter { $0.value.isDue(at: now) && question(forCard: $0.key) != nil }
            .sorted { ($0.value.due, $0.key) < ($1.value.due, $1.key) }
            .map(\.key)
    }

    /// How many cards fall due now, within 7 days and within 30 days.
    public var reviewForecast: ReviewForecast {
        ReviewForecast(cards: progress.cards.filter { question(forCard: $0.key) != nil }.values, now: clock.now)
    }

    /// Starts a review of the due cards; returns how many there are.
    @discardableResult
    public func startReview(limit: Int? = nil) -> Int {
        var due = dueCards()
        if let limit { due = Array(due.prefix(limit)) }
        guard !due.isEmpty else {
            review = nil
            return 0
        }
        leave()
        review = ReviewState(queue: due, shownAt: clock.now)
        return due.count
    }

    /// The question being reviewed and how it is shown.
    public func currentReviewQuestion() -> (pack: Pack, question: any Question, presentation: Presentation)? {
        guard var state = review, let key = state.currentKey, let (pack, question) = question(forCard: key) else { return nil }
        if state.presentation == nil {
            let shuffles = type(of: question).alwaysShuffles || (options.shuffleChoices && pack.manifest.policy.shuffle)
            state.presentation = question.present(shuffling: shuffles, using: &random)
            review = state
        }
        return (pack, question, state.presentation!)
    }

    /// The next hint for the reviewed question.
    public func reviewHint() -> (text: String, number: Int, total: Int)? {
        guard var state = review, let (_, question, _) = currentReviewQuestion(), state.hintsShown < question.hints.count else { return nil }
        let text = question.hints[state.hintsShown]
        state.hintsShown += 1
        review = state
        return (text, state.hintsShown, question.hints.count)
    }

    /// What answering a review question did.
    public struct ReviewOutcome: Equatable {
        public var grade: Grade
        public var rating: ReviewRating
        /// The correct answer when the answer was wrong.
        public var correctAnswer: String?
        /// The card's next due date.
        public var due: Date
    }

    /// Grades one review answer (one attempt per card), reschedules the card and moves on.
    /// Nil when the input is not an answer; the message says what to type.
    public func answerReview(_ input: String) -> Result<ReviewOutcome, InputMessage>? {
        guard var state = review, let key = state.currentKey, let (_, question, presentation) = currentReviewQuestion() else { return nil }
        let grade: Grade
        switch question.evaluate(input, in: presentation) {
        case let .malformed(message): return .failure(InputMessage(text: message))
        case let .graded(value): grade = value
        }
        let now = clock.now
        let seconds = min(max(now.timeIntervalSince(state.shownAt), 0), options.attemptTimeCap)
        var record = progress.items[key] ?? ItemRecord()
        var attempt = Attempt(answer: grade.recordedAnswer, correct: grade.isCorrect, at: now, seconds: seconds, hintsUsed: state.hintsShown)
        attempt.review = true
        record.attempts.append(attempt)
        record.secondsSpent += seconds
        record.hintsUsed = max(record.hintsUsed, state.hintsShown)
        progress.items[key] = record
        dirty.items.insert(key)
        let rating = ReviewRating.from(correct: grade.isCorrect, hintsUsed: state.hintsShown, seconds: seconds, revealed: false)
        let card = scheduler.review(progress.cards[key] ?? ReviewCard(firstSeenAt: now), rating: rating, at: now)
        progress.cards[key] = card
        dirty.cards.insert(key)
        if grade.isCorrect { state.right += 1 } else { state.wrong += 1 }
        state.index += 1
        state.hintsShown = 0
        state.presentation = nil
        state.shownAt = now
        review = state
        persist()
        return .success(ReviewOutcome(grade: grade, rating: rating,
                                      correctAnswer: grade.isCorrect ? nil : question.correctAnswer(in: presentation), due: card.due))
    }

    /// Leaves the card for later (it stays due) and moves on.
    public func skipReview() {
        guard var state = review else { return }
        state.index += 1
        state.hintsShown = 0
        state.presentation = nil
        state.shownAt = clock.now
        review = state
    }

    /// Ends the review session.
    public func endReview() { review = nil }
}

/// A sentence telling the learner what to type instead.
public struct InputMessage: Error, Equatable {
    public var text: String
}
