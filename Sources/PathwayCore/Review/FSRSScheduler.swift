import Foundation

/// Schedules review cards with FSRS-6: each review updates a card's stability and difficulty
/// and sets its next due date. A port of py-fsrs 6.3.2's `Scheduler.review_card` with fuzzing
/// off; golden vectors from py-fsrs check it (`scripts/fsrs-golden.py`, `docs/review.md`).
///
/// It never reads the clock: the caller passes the time of every review.
///
/// ```swift
/// let scheduler = FSRSScheduler()
/// let rating = ReviewRating.from(correct: true, hintsUsed: 0, seconds: 12, revealed: false)
/// var card = ReviewCard(firstSeenAt: answeredAt)
/// card = scheduler.review(card, rating: rating, at: answeredAt)  // card.due: when to ask again
/// ```
public struct FSRSScheduler: Sendable {
    /// Seconds in a day.
    static let day: TimeInterval = 86_400

    public let parameters: FSRSParameters

    public init(parameters: FSRSParameters = .standard) {
        self.parameters = parameters
    }

    /// The card after a review rated `rating` at `now`; deterministic (no fuzz).
    public func review(_ card: ReviewCard, rating: ReviewRating, at now: Date) -> ReviewCard {
        schedule(card, rating: rating, at: now).card
    }

    /// The probability that the card is recalled at `now`: 0 before its first review, else the
    /// forgetting curve at the whole days elapsed since the last review (as py-fsrs).
    public func retrievability(of card: ReviewCard, at now: Date) -> Double {
        guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
        return retrievability(stability: stability, elapsedDays: max(0, Self.wholeDays(from: lastReview, to: now)))
    }

    /// The days after which recall falls to `retention` (default: the desired retention), before
    /// rounding: with the default weights, 10 days for stability 10 at 0.9, 33.16 days at 0.8.
    public func interval(forStability stability: Double, retention: Double? = nil) -> Double {
        let retention = retention ?? parameters.desiredRetention
        return (stability / parameters.factor) * (pow(retention, 1 / parameters.decay) - 1)
    }

    /// The next card, and the interval in whole days when it was scheduled in days.
    func schedule(_ card: ReviewCard, rating: ReviewRating, at now: Date) -> (card: ReviewCard, days: Int?) {
        var next = card
        let memory = memoryState(after: card, rating: rating, at: now)
        next.stability = memory.stability
        next.difficulty = memory.difficulty

        var wait: TimeInterval
        var days: Int?
        switch card.state {
        case .learning, .relearning:
            let steps = card.state == .learning ? parameters.learningSteps : parameters.relearningSteps
            let step = card.step ?? 0
            if steps.isEmpty || (step >= steps.count && rating != .again) || rating == .easy
                || (rating == .good && step + 1 == steps.count) {
                next.state = .review
                next.step = nil
                days = scheduledDays(stability: memory.stability)
                wait = 0
            } else {
                switch rating {
                case .again:
                    next.step = 0
                    wait = steps[0]
                case .hard:
                    next.step = step
                    if step == 0 {
                        wait = steps.count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2
                    } else {
                        wait = steps[step]
                    }
                case .good, .easy:
                    next.step = step + 1
                    wait = steps[step + 1]
                }
            }
        case .review:
            if rating == .again && !parameters.relearningSteps.isEmpty {
                next.state = .relearning
                next.step = 0
                wait = parameters.relearningSteps[0]
            } else {
                next.step = nil
                days = scheduledDays(stability: memory.stability)
                wait = 0
            }
        }
        if let days { wait = Double(days) * Self.day }
        next.due = now.addingTimeInterval(wait)
        next.lastReview = now
        return (next, days)
    }

    /// Whole days from `start` to `end`, rounded down, as Python's `timedelta.days` counts them
    /// (the difference is first taken to the microsecond, as a `timedelta` holds it).
    static func wholeDays(from start: Date, to end: Date) -> Int {
        let microseconds = (end.timeIntervalSince(start) * 1_000_000).rounded()
        return Int((microseconds / (day * 1_000_000)).rounded(.down))
    }

    /// The interval in whole days for a stability: rounded half to even (Python's `round`),
    /// at least 1 and at most the maximum interval.
    func scheduledDays(stability: Double) -> Int {
        let days = interval(forStability: stability).rounded(.toNearestOrEven)
        return Int(min(max(days, 1), Double(parameters.maximumInterval)))
    }
}
