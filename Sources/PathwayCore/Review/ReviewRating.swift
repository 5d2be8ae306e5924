import Foundation

/// How well a review went, on FSRS's four-point scale (the raw values are FSRS's and Anki's).
public enum ReviewRating: Int, Codable, Sendable, CaseIterable {
    /// Forgotten: wrong, or the answer had to be shown.
    case again = 1
    /// Remembered with effort: a hint, or slowly.
    case hard = 2
    /// Remembered.
    case good = 3
    /// Remembered at once.
    case easy = 4

    /// Where the rating of an answered question changes: the one place these numbers live.
    public struct Thresholds: Sendable, Equatable {
        /// A right answer that took longer than this many seconds is ``ReviewRating/hard``.
        public var slowerThan: TimeInterval
        /// A right answer without hints in less than this many seconds is ``ReviewRating/easy``.
        public var fasterThan: TimeInterval

        public init(slowerThan: TimeInterval, fasterThan: TimeInterval) {
            self.slowerThan = slowerThan
            self.fasterThan = fasterThan
        }

        /// Slow is more than 60 s; fast is less than 8 s.
        public static let standard = Thresholds(slowerThan: 60, fasterThan: 8)
    }

    /// The rating of an answered question.
    ///
    /// | answer | rating |
    /// |---|---|
    /// | wrong, or revealed after the last allowed try | again |
    /// | right with any hint, or slower than 60 s | hard |
    /// | right without a hint in under 8 s | easy |
    /// | any other right answer | good |
    ///
    /// `seconds` is the time spent on the question; the bounds themselves (exactly 60 s, exactly
    /// 8 s) rate good.
    public static func from(correct: Bool, hintsUsed: Int, seconds: Double, revealed: Bool,
                            thresholds: Thresholds = .standard) -> ReviewRating {
        if !correct || revealed { return .again }
        if hintsUsed > 0 || seconds > thresholds.slowerThan { return .hard }
        if seconds < thresholds.fasterThan { return .easy }
        return .good
    }
}
