/// How many items spaced review will ask for, given to a report by the review scheduler.
///
/// Counts are cumulative: `dueWithin7Days` includes the items due now, and `dueWithin30Days`
/// includes both.
public struct ReviewForecast: Codable, Sendable, Equatable {
    public var dueNow: Int
    public var dueWithin7Days: Int
    public var dueWithin30Days: Int

    public init(dueNow: Int, dueWithin7Days: Int, dueWithin30Days: Int) {
        self.dueNow = dueNow
        self.dueWithin7Days = dueWithin7Days
        self.dueWithin30Days = dueWithin30Days
    }
}
