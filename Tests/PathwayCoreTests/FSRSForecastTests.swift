import Foundation
import Testing
@testable import PathwayCore

/// Review forecasts, review cards as saved data, and optional fuzz.
@Suite struct FSRSForecastTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let day: TimeInterval = 86_400

    func card(dueIn seconds: TimeInterval) -> ReviewCard { ReviewCard(firstSeenAt: now + seconds) }

    @Test func countsCardsDueNowWithinAWeekAndWithinAMonth() {
        let cards = [card(dueIn: -3_600), card(dueIn: 0), card(dueIn: 1), card(dueIn: 3 * day), card(dueIn: 7 * day),
                     card(dueIn: 7 * day + 1), card(dueIn: 20 * day), card(dueIn: 30 * day), card(dueIn: 31 * day)]
        #expect(ReviewForecast(cards: cards, now: now) == ReviewForecast(dueNow: 2, dueWithin7Days: 5, dueWithin30Days: 8))
        #expect(ReviewForecast(cards: [], now: now) == ReviewForecast(dueNow: 0, dueWithin7Days: 0, dueWithin30Days: 0))
        #expect(cards[1].isDue(at: now) && !cards[2].isDue(at: now))
    }

    @Test func aNewCardIsDueWhenFirstSeenAndReviewedCardsForecastTheirDueDates() {
        let scheduler = FSRSScheduler()
        var cards = (0..<3).map { _ in ReviewCard(firstSeenAt: now) }
        #expect(ReviewForecast(cards: cards, now: now).dueNow == 3)
        cards[0] = scheduler.review(cards[0], rating: .easy, at: now)  // 8 days
        cards[1] = scheduler.review(cards[1], rating: .again, at: now)  // 1 minute
        #expect(ReviewForecast(cards: cards, now: now) == ReviewForecast(dueNow: 1, dueWithin7Days: 2, dueWithin30Days: 3))
    }

    @Test func aCardRoundTripsThroughReadableJSON() throws {
        let card = FSRSScheduler().review(ReviewCard(firstSeenAt: now), rating: .easy, at: now)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(card), as: UTF8.self)
        #expect(text == #"{"difficulty":1,"due":"2027-01-23T08:00:00Z","lastReview":"2027-01-15T08:00:00Z","# +
            #""stability":8.2956,"state":"review"}"#)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(ReviewCard.self, from: Data(text.utf8)) == card)
    }

    @Test(arguments: [(2, nil), (3, 2...4), (7, 5...9), (17, 14...20), (37, 33...41)] as [(Int, ClosedRange<Int>?)])
    func fuzzRangesMatchAnki(days: Int, range: ClosedRange<Int>?) {
        #expect(FSRSScheduler().fuzzRange(days: days) == range)
    }

    @Test func fuzzIsSeededStaysInRangeAndLeavesStepsAlone() {
        let scheduler = FSRSScheduler()
        let review = ReviewCard(state: .review, step: nil, stability: 30, difficulty: 5, due: now, lastReview: now - 30 * day)
        let plain = scheduler.review(review, rating: .good, at: now)
        let days = Int(plain.due.timeIntervalSince(now) / day)
        let range = scheduler.fuzzRange(days: days)!
        var seen = Set<Int>()
        var first = SeededRandom(seed: 7), second = SeededRandom(seed: 7)
        for _ in 0..<200 {
            let fuzzed = scheduler.review(review, rating: .good, at: now, fuzzingWith: &first)
            #expect(fuzzed == scheduler.review(review, rating: .good, at: now, fuzzingWith: &second))
            #expect(fuzzed.stability == plain.stability && fuzzed.difficulty == plain.difficulty)
            let fuzzedDays = fuzzed.due.timeIntervalSince(now) / day
            #expect(fuzzedDays == fuzzedDays.rounded() && range.contains(Int(fuzzedDays)))
            seen.insert(Int(fuzzedDays))
        }
        #expect(seen == Set(range))
        var random = SeededRandom(seed: 1)
        let learning = ReviewCard(firstSeenAt: now)
        #expect(scheduler.review(learning, rating: .good, at: now, fuzzingWith: &random)
            == scheduler.review(learning, rating: .good, at: now))
    }
}
