import Foundation

/// Who a learner is outside this machine: the name reports show, and the xAPI account their
/// learning records are filed under (an account on a system, or an email address).
public struct LearnerIdentity: Codable, Sendable, Equatable {
    /// How a Learning Record Store identifies the learner (an xAPI inverse functional identifier).
    public enum Account: Sendable, Equatable {
        /// An account on a system: `homePage` is the system's address, `name` the login there.
        case account(homePage: String, name: String)
        /// An email address, sent as `mailto:ADDRESS`.
        case mbox(String)
    }

    /// The name reports, the portfolio and cohort rows show; nil shows the account name.
    public var displayName: String?
    /// The xAPI account; nil files records under the profile name on the class's home page.
    public var account: Account?

    public init(displayName: String? = nil, account: Account? = nil) {
        self.displayName = displayName
        self.account = account
    }

    /// What reports show for this learner: the display name, else the account name or email,
    /// else `profile`.
    public func label(profile: String) -> String {
        if let displayName, !displayName.isEmpty { return displayName }
        switch account {
        case let .account(_, name)?: return name
        case let .mbox(email)?: return email
        case nil: return profile
        }
    }

    /// The default home page of accounts when neither the learner nor an instructor chose one.
    public static let defaultHomePage = "https://pathway.example"

    /// Checks an email address's shape (one `@`, something on each side, a dot in the domain).
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }

    /// Checks a home page: an absolute http(s) address.
    public static func isHomePage(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host != nil else { return false }
        return scheme == "https" || scheme == "http"
    }

    enum CodingKeys: String, CodingKey { case displayName, homePage, accountName, email }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        displayName = try c.decodeIfPresent(String.self, forKey: .displayName)
        if let email = try c.decodeIfPresent(String.self, forKey: .email) {
            account = .mbox(email)
        } else if let name = try c.decodeIfPresent(String.self, forKey: .accountName) {
            account = .account(homePage: try c.decodeIfPresent(String.self, forKey: .homePage) ?? Self.defaultHomePage, name: name)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(displayName, forKey: .displayName)
        switch account {
        case let .account(homePage, name)?:
            try c.encode(homePage, forKey: .homePage)
            try c.encode(name, forKey: .accountName)
        case let .mbox(email)?:
            try c.encode(email, forKey: .email)
        case nil: break
        }
    }
}

/// A learner's identity with every default filled in: what reports and statements use.
public struct ResolvedIdentity: Sendable, Equatable {
    public var displayName: String?
    public var account: LearnerIdentity.Account

    public init(displayName: String?, account: LearnerIdentity.Account) {
        self.displayName = displayName
        self.account = account
    }

    /// What reports show: the display name, else the account name or email address.
    public var label: String { stored.label(profile: "") }

    /// One line naming the account: `name on https://…` or the email address.
    public var accountDescription: String {
        switch account {
        case let .account(homePage, name): return "\(name) on \(homePage)"
        case let .mbox(email): return email
        }
    }

    /// `identity` for `profile` with its defaults, environment overrides and the class's fixed
    /// home page applied.
    ///
    /// `PATHWAY_LEARNER_NAME`, `PATHWAY_LEARNER_EMAIL` and `PATHWAY_LEARNER_ACCOUNT` override the
    /// saved values (for scripted use); the class's home page, when set, replaces any other.
    public static func resolve(_ identity: LearnerIdentity?, profile: String, environment: [String: String],
                               classSettings: ClassSettings) -> ResolvedIdentity {
        var displayName = identity?.displayName
        var account = identity?.account
        if let name = environment["PATHWAY_LEARNER_NAME"], !name.isEmpty { displayName = name }
        if let email = environment["PATHWAY_LEARNER_EMAIL"], !email.isEmpty { account = .mbox(email) }
        if let name = environment["PATHWAY_LEARNER_ACCOUNT"], !name.isEmpty {
            account = .account(homePage: LearnerIdentity.defaultHomePage, name: name)
        }
        var resolved = account ?? .account(homePage: LearnerIdentity.defaultHomePage, name: profile)
        if case let .account(_, name) = resolved, let fixed = classSettings.accountHomePage {
            resolved = .account(homePage: fixed, name: name)
        }
        return ResolvedIdentity(displayName: displayName.flatMap { $0.isEmpty ? nil : $0 }, account: resolved)
    }

    /// The identity as it is written into an exported progress file.
    public var stored: LearnerIdentity { LearnerIdentity(displayName: displayName, account: account) }

    /// The xAPI settings for this learner's statements, under `base`.
    public func xapiConfiguration(base: XAPIConfiguration = XAPIConfiguration()) -> XAPIConfiguration {
        var configuration = base
        configuration.actorName = displayName
        switch account {
        case let .account(homePage, name):
            configuration.homePage = homePage
            configuration.accountName = name
            configuration.mbox = nil
        case let .mbox(email):
            configuration.mbox = email
        }
        return configuration
    }
}
