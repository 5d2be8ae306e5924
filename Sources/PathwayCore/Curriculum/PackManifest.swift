/// The manifest of a pack: `pack.yaml` or `pack.json`.
public struct PackManifest: Sendable, Codable {
    /// The pack format this build reads.
    public static let supportedFormat = 1

    public var format: Int
    public var id: String
    public var title: String
    public var version: SemanticVersion
    public var authors: [String]
    public var description: String
    public var license: String
    public var requires: [PackRequirement]
    public var policy: PackPolicy
    /// Module files, in teaching order, relative to the pack folder.
    public var modules: [String]
    /// The pack's bibliography, cited by key from lessons.
    public var references: [Reference]
    /// Settings for the item-writing lint.
    public var lint: PackLintSettings

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, id, title, version, authors, description, license, requires, policy, modules, references, lint
    }

    /// The references by key (the first wins when a key is declared twice; validation reports it).
    public var referencesByKey: [String: Reference] {
        references.reduce(into: [:]) { result, reference in
            if result[reference.key] == nil { result[reference.key] = reference }
        }
    }

    /// A manifest holding only what the pack index's head knows, for a pack whose full manifest
    /// can no longer be read from the index or from its files.
    init(head: PackHead) {
        format = Self.supportedFormat
        id = head.id
        title = head.title
        version = head.version
        authors = []
        description = ""
        license = ""
        requires = head.requires
        policy = PackPolicy()
        modules = []
        references = []
        lint = PackLintSettings()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(version.description, forKey: .version)
        try c.encode(authors, forKey: .authors)
        try c.encode(description, forKey: .description)
        try c.encode(license, forKey: .license)
        if !requires.isEmpty { try c.encode(requires, forKey: .requires) }
        try c.encode(policy, forKey: .policy)
        try c.encode(modules, forKey: .modules)
        if !references.isEmpty { try c.encode(references, forKey: .references) }
        if lint != PackLintSettings() { try c.encode(lint, forKey: .lint) }
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(Int.self, forKey: .format)
        guard format <= Self.supportedFormat, format >= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: c, debugDescription:
                "pack format \(format) is not supported; this version of Pathway reads format \(Self.supportedFormat). Update Pathway to use this pack.")
        }
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        let versionText = try c.decode(String.self, forKey: .version)
        guard let version = SemanticVersion(versionText) else {
            throw DecodingError.dataCorruptedError(forKey: .version, in: c, debugDescription:
                "'\(versionText)' is not a semantic version such as 1.0.0")
        }
        self.version = version
        authors = try c.decode([String].self, forKey: .authors)
        description = try c.decode(String.self, forKey: .description)
        license = try c.decode(String.self, forKey: .license)
        requires = try c.decodeIfPresent([PackRequirement].self, forKey: .requires) ?? []
        policy = try c.decodeIfPresent(PackPolicy.self, forKey: .policy) ?? PackPolicy()
        modules = try c.decode([String].self, forKey: .modules)
        references = try c.decodeIfPresent([Reference].self, forKey: .references) ?? []
        lint = try c.decodeIfPresent(PackLintSettings.self, forKey: .lint) ?? PackLintSettings()
    }
}

/// A dependency on another pack: its id and a version range.
public struct PackRequirement: Sendable, Codable {
    public var id: String
    public var version: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case id, version }

    init(id: String, version: String?) {
        self.id = id
        self.version = version
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        version = try c.decodeIfPresent(String.self, forKey: .version)
    }
}
