/// How a pack's lessons behave, set by its author in the manifest's `policy`.
public struct PackPolicy: Sendable, Equatable, Codable {
    /// Whether learners may skip questions.
    public var allowSkip = true
    /// Wrong attempts before the answer is shown.
    public var attemptsBeforeReveal = 3
    /// Whether choices are shuffled (ordering and matching questions always are).
    public var shuffle = true
    /// The weighted share of graded items a module needs to count as mastered.
    public var masteryThreshold = 0.8
    /// The least share of graded items at `apply` level or above, checked by `pack validate`.
    public var minimumApplyShare: Double?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case allowSkip = "allow_skip"
        case attemptsBeforeReveal = "attempts_before_reveal"
        case shuffle
        case masteryThreshold = "mastery_threshold"
        case minimumApplyShare = "min_apply_share"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        allowSkip = try c.decodeIfPresent(Bool.self, forKey: .allowSkip) ?? true
        attemptsBeforeReveal = try c.decodeIfPresent(Int.self, forKey: .attemptsBeforeReveal) ?? 3
        shuffle = try c.decodeIfPresent(Bool.self, forKey: .shuffle) ?? true
        masteryThreshold = try c.decodeIfPresent(Double.self, forKey: .masteryThreshold) ?? 0.8
        minimumApplyShare = try c.decodeIfPresent(Double.self, forKey: .minimumApplyShare)
        if let minimumApplyShare, !(0...1).contains(minimumApplyShare) {
            throw DecodingError.dataCorruptedError(forKey: .minimumApplyShare, in: c, debugDescription: "must be between 0 and 1, e.g. 0.45")
        }
        guard attemptsBeforeReveal >= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .attemptsBeforeReveal, in: c, debugDescription: "must be at least 1")
        }
        guard (0...1).contains(masteryThreshold) else {
            throw DecodingError.dataCorruptedError(forKey: .masteryThreshold, in: c, debugDescription: "must be between 0 and 1, e.g. 0.8")
        }
    }
}
