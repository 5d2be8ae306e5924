import Foundation
import Testing
@testable import PathwayCore

/// How an answered question becomes a review rating.
@Suite struct FSRSRatingTests {
    @Test(arguments: [
        // correct, hints, seconds, revealed → rating
        (false, 0, 3.0, false, ReviewRating.again),
        (false, 2, 90.0, false, .again),
        (true, 0, 3.0, true, .again),
        (true, 1, 3.0, false, .hard),
        (true, 3, 30.0, false, .hard),
        (true, 0, 60.5, false, .hard),
        (true, 0, 60.0, false, .good),
        (true, 0, 8.0, false, .good),
        (true, 0, 25.0, false, .good),
        (true, 0, 7.9, false, .easy),
        (true, 0, 0.0, false, .easy),
    ])
    func ratingOfAnAnswer(correct: Bool, hints: Int, seconds: Double, revealed: Bool, rating: ReviewRating) {
        #expect(ReviewRating.from(correct: correct, hintsUsed: hints, seconds: seconds, revealed: revealed) == rating)
    }

    @Test func thresholdsCanBeChanged() {
        let patient = ReviewRating.Thresholds(slowerThan: 120, fasterThan: 20)
        #expect(ReviewRating.from(correct: true, hintsUsed: 0, seconds: 90, revealed: false, thresholds: patient) == .good)
        #expect(ReviewRating.from(correct: true, hintsUsed: 0, seconds: 15, revealed: false, thresholds: patient) == .easy)
        #expect(ReviewRating.Thresholds.standard == ReviewRating.Thresholds(slowerThan: 60, fasterThan: 8))
    }

    @Test func ratingsUseFSRSNumbers() {
        #expect(ReviewRating.allCases.map(\.rawValue) == [1, 2, 3, 4])
    }
}
