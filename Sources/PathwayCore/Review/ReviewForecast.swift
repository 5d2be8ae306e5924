import Foundation

/// How many review cards fall due soon: now, within 7 days and within 30 days.
///
/// The counts are cumulative: a card due now is also counted within 7 and within 30 days.
public struct ReviewForecast: Codable, Sendable, Equatable {
    /// Cards due at or before `now`.
    public var dueNow: Int
    /// Cards due at or before `now` + 7 days.
    public var dueWithin7Days: Int
    /// Cards due at or before `now` + 30 days.
    public var dueWithin30Days: Int

    public init(dueNow: Int, dueWithin7Days: Int, dueWithin30Days: Int) {
        self.dueNow = dueNow
        self.dueWithin7Days = dueWithin7Days
        self.dueWithin30Days = dueWithin30Days
    }

    /// The forecast for `cards` at `now`.
    public init(cards: some Sequence<ReviewCard>, now: Date) {
        let week = now.addingTimeInterval(7 * 86_400)
        let month = now.addingTimeInterval(30 * 86_400)
        self.init(dueNow: 0, dueWithin7Days: 0, dueWithin30Days: 0)
        for card in cards {
            if card.due <= now { dueNow += 1 }
            if card.due <= week { dueWithin7Days += 1 }
            if card.due <= month { dueWithin30Days += 1 }
        }
    }
}
