import Foundation

/// The memory state of one graded item, scheduled by ``FSRSScheduler``; the same fields as
/// py-fsrs 6.3.2's `Card` (without its id: the caller keys cards by item).
///
/// A card starts in ``State/learning`` at step 0 with no stability or difficulty, due
/// when it is first seen; every review returns the next card. It is plain data, saved as JSON.
public struct ReviewCard: Codable, Sendable, Equatable {
    /// Where a card is in its life (py-fsrs: Learning 1, Review 2, Relearning 3).
    public enum State: String, Codable, Sendable, CaseIterable {
        /// New, going through the learning steps.
        case learning
        /// Graduated: reviewed at intervals of days.
        case review
        /// Forgotten in review, going through the relearning steps.
        case relearning
    }

    public var state: State
    /// The learning or relearning step the card is at; `nil` in review.
    public var step: Int?
    /// Days until recall falls to 90 %; `nil` before the first review.
    public var stability: Double?
    /// How hard the item is, from 1 (easy) to 10; `nil` before the first review.
    public var difficulty: Double?
    /// When the card should be reviewed next.
    public var due: Date
    /// When it was last reviewed; `nil` before the first review.
    public var lastReview: Date?

    public init(state: State, step: Int?, stability: Double?, difficulty: Double?, due: Date, lastReview: Date?) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    /// A new card for an item first seen at `date`, due then (py-fsrs `Card(due: date)`).
    public init(firstSeenAt date: Date) {
        self.init(state: .learning, step: 0, stability: nil, difficulty: nil, due: date, lastReview: nil)
    }

    /// Whether the card is due at `now`.
    public func isDue(at now: Date) -> Bool { due <= now }
}
