import Foundation

/// Who the xAPI statements are about and where their activity ids live.
public struct XAPIConfiguration: Sendable, Equatable {
    /// Activity ids are built under this IRI: `<base>packs/<pack>/lessons/<lesson>` and so on.
    public var baseIRI: String
    /// The `actor.account.homePage`: the system the learner's account belongs to.
    public var homePage: String
    /// The `actor.account.name`; nil means the profile name.
    public var accountName: String?
    /// The learner's email address: when set, the actor is `mbox: mailto:…` instead of an account.
    public var mbox: String?
    /// The learner's display name (`actor.name`), if it should be sent at all.
    public var actorName: String?
    /// The language of definition names, RFC 5646.
    public var language: String
    /// The first-try accuracy at or above which a completed module is `passed`.
    public var passingScore: Double

    public init(baseIRI: String = "https://pathway.example/xapi/", homePage: String = "https://pathway.example",
                accountName: String? = nil, actorName: String? = nil, language: String = "en-US", passingScore: Double = 0.8) {
        self.baseIRI = baseIRI.hasSuffix("/") ? baseIRI : baseIRI + "/"
        self.homePage = homePage
        self.accountName = accountName
        self.actorName = actorName
        self.language = language
        self.passingScore = passingScore
    }

    /// The id of an activity: `base` followed by the path segments, each percent-encoded.
    func iri(_ segments: String...) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        return baseIRI + segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }.joined(separator: "/")
    }
}
