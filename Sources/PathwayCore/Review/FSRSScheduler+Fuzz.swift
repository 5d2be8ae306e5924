import Foundation

/// Optional interval fuzz: spreads cards that would fall due on the same day over a few days.
///
/// Off unless asked for, and then driven by the caller's random number generator, so a seeded
/// generator gives the same schedule every run.
extension FSRSScheduler {
    /// How far an interval may move: 1 day, plus 15 % of the part between 2.5 and 7 days, 10 %
    /// of the part between 7 and 20 days and 5 % of the part beyond 20 days (py-fsrs and Anki).
    private static let fuzzBands: [(start: Double, end: Double, factor: Double)] = [
        (2.5, 7, 0.15), (7, 20, 0.10), (20, .infinity, 0.05),
    ]

    /// The card after a review, as ``review(_:rating:at:)``, with a review interval of 3 days or
    /// more moved to a day drawn uniformly from ``fuzzRange(days:)`` using `random`.
    ///
    /// py-fsrs draws the same range but rounds `min + u·(max − min + 1)` half to even, which
    /// can land one day past the range; this takes the floor, as Anki does, and stays inside it.
    public func review(_ card: ReviewCard, rating: ReviewRating, at now: Date,
                       fuzzingWith random: inout some RandomNumberGenerator) -> ReviewCard {
        var (next, days) = schedule(card, rating: rating, at: now)
        if let days, let range = fuzzRange(days: days) {
            let unit = Double(random.next() >> 11) * 0x1p-53
            let fuzzed = min(range.lowerBound + Int((unit * Double(range.count)).rounded(.down)), range.upperBound)
            next.due = now.addingTimeInterval(Double(fuzzed) * Self.day)
        }
        return next
    }

    /// The days an interval of `days` may be fuzzed to, or `nil` for intervals under 2.5 days.
    public func fuzzRange(days: Int) -> ClosedRange<Int>? {
        guard Double(days) >= 2.5 else { return nil }
        var delta = 1.0
        for band in Self.fuzzBands {
            delta += band.factor * max(min(Double(days), band.end) - band.start, 0)
        }
        let upper = min(Int((Double(days) + delta).rounded(.toNearestOrEven)), parameters.maximumInterval)
        let lower = min(max(2, Int((Double(days) - delta).rounded(.toNearestOrEven))), upper)
        return lower...upper
    }
}
