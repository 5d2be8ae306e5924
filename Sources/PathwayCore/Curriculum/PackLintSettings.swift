/// A pack's settings for the item-writing lint, in the manifest's `lint`.
public struct PackLintSettings: Sendable, Equatable, Codable {
    /// Text learners must never see, e.g. internal labels.
    public struct Forbidden: Sendable, Equatable, Codable {
        /// Matched case-insensitively anywhere in learner-facing text.
        public var text: String
        /// Why, shown with each match.
        public var reason: String?

        public init(text: String, reason: String? = nil) {
            self.text = text
            self.reason = reason
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case text, reason }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = try c.decode(String.self, forKey: .text)
            reason = try c.decodeIfPresent(String.self, forKey: .reason)
        }
    }

    public var forbidden: [Forbidden]
    /// Words the absolute-terms and stem-repeat rules accept in this pack (topic terms).
    public var allow: [String]

    public init(forbidden: [Forbidden] = [], allow: [String] = []) {
        self.forbidden = forbidden
        self.allow = allow
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case forbidden, allow }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        forbidden = try c.decodeIfPresent([Forbidden].self, forKey: .forbidden) ?? []
        allow = try c.decodeIfPresent([String].self, forKey: .allow) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !forbidden.isEmpty { try c.encode(forbidden, forKey: .forbidden) }
        if !allow.isEmpty { try c.encode(allow, forKey: .allow) }
    }
}
