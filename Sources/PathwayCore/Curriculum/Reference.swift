/// One entry of a pack's bibliography, declared once in the manifest's `references` and cited
/// by its key from lessons' `sources` and inline as `[@key]`.
public struct Reference: Sendable, Codable, Equatable {
    /// What kind of work it is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case article, standard, law, paper, book, guide
    }

    /// The pattern a key follows: lowercase letters, digits and hyphens, starting with a letter or digit.
    public static let keyRule = "lowercase letters, digits and hyphens, starting with a letter or digit (e.g. zinkevich-2016)"

    public var key: String
    public var title: String
    /// People, in the order the work names them.
    public var authors: [String]
    /// The organisation responsible, when no person is named.
    public var organisation: String?
    /// The year of publication; nil when unknown (the note then says so).
    public var year: Int?
    public var publisher: String?
    /// A public address, when there is one.
    public var url: String?
    public var kind: Kind
    /// Shown with the reference, e.g. what is not known about it.
    public var note: String?

    public init(key: String, title: String, authors: [String] = [], organisation: String? = nil, year: Int? = nil,
                publisher: String? = nil, url: String? = nil, kind: Kind, note: String? = nil) {
        self.key = key
        self.title = title
        self.authors = authors
        self.organisation = organisation
        self.year = year
        self.publisher = publisher
        self.url = url
        self.kind = kind
        self.note = note
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case key, title, authors, organisation, year, publisher, url, kind, note
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        title = try c.decode(String.self, forKey: .title)
        authors = try c.decodeIfPresent([String].self, forKey: .authors) ?? []
        organisation = try c.decodeIfPresent(String.self, forKey: .organisation)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        publisher = try c.decodeIfPresent(String.self, forKey: .publisher)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        let kindText = try c.decode(String.self, forKey: .kind)
        guard let kind = Kind(rawValue: kindText) else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription:
                "'\(kindText)' is not a kind of reference; use one of: \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.kind = kind
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(title, forKey: .title)
        if !authors.isEmpty { try c.encode(authors, forKey: .authors) }
        try c.encodeIfPresent(organisation, forKey: .organisation)
        try c.encodeIfPresent(year, forKey: .year)
        try c.encodeIfPresent(publisher, forKey: .publisher)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encode(kind.rawValue, forKey: .kind)
        try c.encodeIfPresent(note, forKey: .note)
    }

    /// Whether `text` has the shape of a reference key.
    public static func isKeyShaped(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isLowerAlnum(first) else { return false }
        return text.unicodeScalars.allSatisfy { isLowerAlnum($0) || $0 == "-" }
    }

    private static func isLowerAlnum(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s)
    }

    /// The author part of a short citation: a surname, two surnames, "X et al.", or the organisation.
    public var shortAuthor: String? {
        func surname(_ name: String) -> String { name.split(separator: " ").last.map(String.init) ?? name }
        switch authors.count {
        case 0: return organisation
        case 1: return surname(authors[0])
        case 2: return "\(surname(authors[0])) & \(surname(authors[1]))"
        default: return "\(surname(authors[0])) et al."
        }
    }

    /// The short form shown inline, without brackets: `Zinkevich 2016`, or the title in quotes
    /// when neither author nor organisation is known.
    public var shortCitation: String {
        let who = shortAuthor ?? "\u{201C}\(title)\u{201D}"
        return year.map { "\(who) \($0)" } ?? who
    }

    /// The full reference as one line of plain text (the address is in ``url``).
    public var fullCitation: String {
        let who = authors.isEmpty ? organisation : authors.joined(separator: ", ")
        let when = year.map(String.init) ?? "n.d."
        var text = who.map { "\($0) (\(when)). \(title)." } ?? "\(title) (\(when))."
        if let publisher, publisher != who { text += " \(publisher)." }
        if let note { text += " \(note)" }
        return text
    }
}
