import Foundation

extension Tutor {
    /// A question the library still has for a card key; only its lesson is decoded.
    public func question(forCard key: ProgressKey) -> (pack: Pack, question: any Question)? {
        guard let pack = library.pack(id: key.pack), let place = questionPlace(key, in: pack),
              let question = place.lesson.steps[place.step] as? any Question else { return nil }
        return (pack, question)
    }

    /// Whether the library still has the question of a card, from the outlines alone.
    public func hasQuestion(forCard key: ProgressKey) -> Bool {
        library.pack(id: key.pack).flatMap { questionPlace(key, in: $0) } != nil
    }

    private func questionPlace(_ key: ProgressKey, in pack: Pack) -> (lesson: Lesson, step: Int)? {
        if questionPlaces[pack.id] == nil {
            var places: [ProgressKey: (lesson: Lesson, step: Int)] = [:]
            for (_, lesson) in pack.lessons {
                for (index, step) in lesson.outline.enumerated() where step.kind == .question {
                    if let id = step.key { places[ProgressKey(pack: pack.id, id: id)] = (lesson, index) }
                }
            }
            questionPlaces[pack.id] = places
        }
        return questionPlaces[pack.id]?[key]
    }

    /// Cards due now whose questions still exist, most overdue first.
    public func dueCards() -> [ProgressKey] {
        let now = clock.now
        return progress.cards.filter { $0.value.isDue(at: now) && hasQuestion(forCard: $0.key) }
            .sorted { ($0.value.due, $0.key) < ($1.value.due, $1.key) }
            .map(\.key)
    }

    /// How many cards fall due now, within 7 days and within 30 days.
    public var reviewForecast: ReviewForecast {
        ReviewForecast(cards: progress.cards.filter { hasQuestion(forCard: $0.key) }.values, now: clock.now)
    }

    /// Starts a review of the due cards; returns how many there are.
    @discardableResult
    public func startReview(limit: Int? = nil) -> Int {
        var due = dueCards()
        if let limit { due = Array(due.prefix(limit)) }
        guard !due.isEmpty else {
            endReview()
            return 0
        }
        mode = .review(ReviewState(queue: due, visit: QuestionVisit(shownAt: clock.now)))
        return due.count
    }

    /// The question being reviewed and how it is shown.
    public func currentReviewQuestion() -> (pack: Pack, question: any Question, presentation: Presentation)? {
        guard var state = review, let key = state.currentKey, let (pack, question) = question(forCard: key) else { return nil }
        if state.presentation == nil {
            state.presentation = present(question, of: pack)
            mode = .review(state)
        }
        return (pack, question, state.presentation!)
    }

    /// The next hint for the reviewed question.
    public func reviewHint() -> (text: String, number: Int, total: Int)? {
        guard let (_, question, _) = currentReviewQuestion(), var state = review, let key = state.currentKey,
              let hint = nextHint(of: question, key: key, visit: &state.visit) else { return nil }
        mode = .review(state)
        persist()
        return hint
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
        guard let (_, question, presentation) = currentReviewQuestion(), var state = review, let key = state.currentKey else { return nil }
        let grade: Grade
        switch self.grade(input, to: question, in: presentation) {
        case let .failure(message): return .failure(message)
        case let .success(value): grade = value
        }
        let hints = state.visit.hints
        let attempt = recordAttempt(grade, key: key, visit: &state.visit, inReview: true).attempts.last!
        let rating = ReviewRating.from(correct: grade.isCorrect, hintsUsed: hints, seconds: attempt.seconds, revealed: false)
        let card = scheduler.review(progress.cards[key] ?? ReviewCard(firstSeenAt: attempt.at), rating: rating, at: attempt.at)
        recorded.set(.cards, key, to: card)
        if grade.isCorrect { state.right += 1 } else { state.wrong += 1 }
        mode = .review(state)
        skipReview()
        persist()
        return .success(ReviewOutcome(grade: grade, rating: rating,
                                      correctAnswer: grade.isCorrect ? nil : question.correctAnswer(in: presentation), due: card.due))
    }

    /// Leaves the card for later (it stays due) and moves on.
    public func skipReview() {
        let now = clock.now
        withReview { state in
            state.index += 1
            state.visit = QuestionVisit(shownAt: now)
            state.presentation = nil
        }
    }

    /// Ends the review session.
    public func endReview() {
        if case .review = mode { mode = .idle }
    }
}
