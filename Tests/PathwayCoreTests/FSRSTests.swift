import Foundation
import Testing
@testable import PathwayCore

/// The scheduler against py-fsrs 6.3.2: the golden vectors of `scripts/fsrs-golden.py`, then
/// the examples documented in py-fsrs's own tests and in the FSRS formulas.
@Suite struct FSRSTests {
    /// The relative difference allowed in stability, difficulty and retrievability.
    static let tolerance = 1e-9

    @Test func replaysEveryGoldenSequenceLikePyFSRS() throws {
        let golden = try GoldenFile.load()
        #expect(golden.reference == "py-fsrs (PyPI fsrs) 6.3.2, fuzzing off")
        #expect(golden.parameters == FSRSParameters.defaultWeights)
        #expect(golden.sequences.count >= 40)
        var worst = 0.0
        var reviews = 0
        var bitExact = 0
        for sequence in golden.sequences {
            let scheduler = FSRSScheduler(parameters: try sequence.scheduler.parameters())
            var card = ReviewCard(firstSeenAt: try sequence.start.date())
            for (index, expected) in sequence.reviews.enumerated() {
                let place = "\(sequence.name), review \(index + 1)"
                let now = try expected.review.date()
                let recall = scheduler.retrievability(of: card, at: now)
                card = scheduler.review(card, rating: try #require(ReviewRating(rawValue: expected.rating)), at: now)
                #expect(card.state.rawValue == expected.state, "\(place)")
                #expect(card.step == expected.step, "\(place)")
                #expect(card.due == (try expected.due.date()), "\(place)")
                #expect(card.lastReview == now, "\(place)")
                #expect(card.due.timeIntervalSince(now) == Double(expected.intervalSeconds), "\(place)")
                let pairs = [(recall, expected.retrievabilityBefore), (card.stability ?? .nan, expected.stability),
                             (card.difficulty ?? .nan, expected.difficulty)]
                for (actual, reference) in pairs {
                    let difference = Self.relativeDifference(actual, reference)
                    #expect(difference <= Self.tolerance, "\(place): \(actual) against \(reference)")
                    worst = max(worst, difference)
                }
                reviews += 1
                if pairs.allSatisfy({ $0.0 == $0.1 }) { bitExact += 1 }
            }
        }
        print("FSRS golden vectors: \(golden.sequences.count) sequences, \(reviews) reviews, "
              + "\(bitExact) bit-identical; largest relative difference \(worst) (tolerance \(Self.tolerance))")
    }

    @Test func pyFSRSReviewCardExampleGivesItsIntervals() {
        let scheduler = FSRSScheduler()
        var now = Self.date("2022-11-29T12:30:00Z")
        var card = ReviewCard(firstSeenAt: now)
        var intervals: [Int] = []
        for rating in [3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3] {
            card = scheduler.review(card, rating: ReviewRating(rawValue: rating)!, at: now)
            intervals.append(FSRSScheduler.wholeDays(from: now, to: card.due))
            now = card.due
        }
        #expect(intervals == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21])
    }

    @Test func pyFSRSMemoStateExample() {
        let scheduler = FSRSScheduler()
        var now = Self.date("2022-11-29T12:30:00Z")
        var card = ReviewCard(firstSeenAt: now)
        for (rating, days) in zip([1, 3, 3, 3, 3, 3], [0, 0, 1, 3, 8, 21]) {
            now += Double(days) * 86_400
            card = scheduler.review(card, rating: ReviewRating(rawValue: rating)!, at: now)
        }
        #expect(abs(card.stability! - 53.62691) < 1e-4)
        #expect(abs(card.difficulty! - 6.3574867) < 1e-4)
    }

    @Test(arguments: [(ReviewRating.again, 0.212, 6.4133, 1), (.hard, 1.2931, 5.112171, 1),
                      (.good, 2.3065, 2.118104, 2), (.easy, 8.2956, 1.0, 8)])
    func firstReviewWithoutLearningSteps(rating: ReviewRating, stability: Double, difficulty: Double, days: Int) throws {
        let scheduler = FSRSScheduler(parameters: try FSRSParameters(learningSteps: []))
        let now = Self.date("2022-01-01T00:00:00Z")
        let card = scheduler.review(ReviewCard(firstSeenAt: now), rating: rating, at: now)
        #expect(card.state == .review && card.step == nil)
        #expect(card.stability == stability)
        #expect(abs(card.difficulty! - difficulty) < 1e-6)
        #expect(card.due == now + Double(days) * 86_400)
    }

    @Test func aHardReviewTheSameDayKeepsStabilityAndRaisesDifficulty() {
        let scheduler = FSRSScheduler()
        let now = Self.date("2022-01-01T00:00:00Z")
        let good = scheduler.review(ReviewCard(firstSeenAt: now), rating: .good, at: now)
        #expect(good.state == .learning && good.step == 1 && good.due == now + 600)
        let hard = scheduler.review(good, rating: .hard, at: now + 600)
        #expect(hard.stability == 2.3065)
        #expect(abs(hard.difficulty! - 4.75286) < 1e-5)
        #expect(hard.step == 1 && hard.due == now + 1_200)
    }

    @Test func tenEasyReviewsReachTheLowestDifficulty() {
        let scheduler = FSRSScheduler()
        var card = ReviewCard(firstSeenAt: Self.date("2022-01-01T00:00:00Z"))
        for _ in 0..<10 { card = scheduler.review(card, rating: .easy, at: card.due) }
        #expect(card.difficulty == 1.0)
    }

    @Test func retrievabilityFollowsTheForgettingCurve() {
        let scheduler = FSRSScheduler()
        let start = Self.date("2022-01-01T00:00:00Z")
        #expect(scheduler.retrievability(of: ReviewCard(firstSeenAt: start), at: start) == 0)
        let card = ReviewCard(state: .review, step: nil, stability: 1, difficulty: 5, due: start, lastReview: start)
        let expected = [0: 1.0, 1: 0.9, 2: 0.845885, 3: 0.809388, 10: 0.692827, 30: 0.590633]
        for (days, recall) in expected {
            // Part of a day does not count: py-fsrs uses whole elapsed days.
            let value = scheduler.retrievability(of: card, at: start + Double(days) * 86_400 + 86_000)
            #expect(abs(value - recall) < 1e-6, "after \(days) days")
        }
    }

    @Test(arguments: [(0.8, 33.16), (0.85, 19.06), (0.9, 10.0), (0.95, 4.03)])
    func documentedIntervalsForStabilityTen(retention: Double, days: Double) {
        let interval = FSRSScheduler().interval(forStability: 10, retention: retention)
        #expect(abs(interval - days) < 0.005)
    }

    @Test func stabilityTenAtTheDefaultRetentionIsTenDays() throws {
        let scheduler = FSRSScheduler()
        #expect(abs(scheduler.interval(forStability: 10) - 10) < 1e-9)
        #expect(scheduler.scheduledDays(stability: 10) == 10)
        #expect(scheduler.scheduledDays(stability: 0.01) == 1)
        #expect(scheduler.scheduledDays(stability: 1e6) == 36_500)
        let lower = FSRSScheduler(parameters: try FSRSParameters(desiredRetention: 0.8))
        #expect(lower.scheduledDays(stability: 10) == 33)
    }

    @Test func parametersOutsidePyFSRSBoundsAreRefused() throws {
        #expect(throws: FSRSParameters.Problem.weightCount(19)) {
            try FSRSParameters(weights: Array(FSRSParameters.defaultWeights.prefix(19)))
        }
        var weights = FSRSParameters.defaultWeights
        weights[20] = 0.9
        #expect(throws: FSRSParameters.Problem.weightOutOfBounds(index: 20, value: 0.9)) { try FSRSParameters(weights: weights) }
        #expect(throws: FSRSParameters.Problem.desiredRetention(1)) { try FSRSParameters(desiredRetention: 1) }
        #expect(throws: FSRSParameters.Problem.step(0)) { try FSRSParameters(relearningSteps: [0]) }
        #expect(throws: FSRSParameters.Problem.maximumInterval(0)) { try FSRSParameters(maximumInterval: 0) }
        #expect(try FSRSParameters() == .standard)
    }

    static func relativeDifference(_ actual: Double, _ reference: Double) -> Double {
        if actual == reference { return 0 }
        return abs(actual - reference) / max(abs(actual), abs(reference))
    }

    static func date(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }
}

/// `Tests/PathwayCoreTests/Fixtures/fsrs-golden.json`, written by `scripts/fsrs-golden.py`.
struct GoldenFile: Decodable {
    struct Settings: Decodable {
        var desiredRetention: Double
        var learningSteps: [Double]
        var relearningSteps: [Double]
        var maximumInterval: Int

        func parameters() throws -> FSRSParameters {
            try FSRSParameters(desiredRetention: desiredRetention, learningSteps: learningSteps,
                               relearningSteps: relearningSteps, maximumInterval: maximumInterval)
        }
    }

    struct Review: Decodable {
        var rating: Int
        var review: String
        var retrievabilityBefore: Double
        var state: String
        var step: Int?
        var stability: Double
        var difficulty: Double
        var due: String
        var intervalSeconds: Int
    }

    struct ReviewSequence: Decodable {
        var name: String
        var scheduler: Settings
        var start: String
        var reviews: [Review]
    }

    var reference: String
    var parameters: [Double]
    var sequences: [ReviewSequence]

    static func load() throws -> GoldenFile {
        let data = try Data(contentsOf: Fixtures.root.appending(path: "fsrs-golden.json"))
        return try JSONDecoder().decode(GoldenFile.self, from: data)
    }
}

private extension String {
    /// The date this ISO 8601 text names.
    func date() throws -> Date { try Date(self, strategy: .iso8601) }
}
