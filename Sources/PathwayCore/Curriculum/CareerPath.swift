/// A career path: packs ordered into tracks with prerequisites.
public struct CareerPath: Sendable, Decodable, Equatable {
    public var format: Int
    public var id: String
    public var title: String
    public var description: String?
    public var tracks: [Track]
    /// The role the path leads to and the steps into it, for `career`.
    public var career: Career?
    /// The file the path was read from, as displayed.
    public var file: String = ""
    /// The file's location on disk (for diagnostics).
    public var sourceFile: String = ""

    /// One track of the path.
    public struct Track: Sendable, Decodable, Equatable {
        public var id: String
        public var title: String
        public var pack: String
        /// A subset of the pack's modules, in order; nil means all of them.
        public var modules: [String]?
        /// Tracks that must be completed first.
        public var requires: [String]
        /// Whether each module unlocks only when the one before it is completed.
        public var sequential: Bool

        enum CodingKeys: String, CodingKey, CaseIterable { case id, title, pack, modules, requires, sequential }
    }

    /// The role and the steps into it.
    public struct Career: Sendable, Decodable, Equatable {
        public var role: String
        /// Where the steps come from.
        public var source: String?
        public var steps: [CareerStep]
        /// Levels of the role, most junior first, each with the skill levels it expects.
        public var levels: [RoleLevel]

        enum CodingKeys: String, CodingKey, CaseIterable { case role, source, steps, levels }
    }

    /// One level of the role (e.g. associate, AI PM, senior) and the skill levels it expects,
    /// each a share from 0 to 1 or a band: beginning (0), developing (0.25), proficient (0.5), strong (0.8).
    public struct RoleLevel: Sendable, Decodable, Equatable {
        public static let bands: [String: Double] = ["beginning": 0, "developing": 0.25, "proficient": 0.5, "strong": 0.8]
        public var id: String
        public var title: String
        public var skills: [String: Double]

        enum CodingKeys: String, CodingKey, CaseIterable { case id, title, skills }
    }

    /// One step into the role: done when its tracks are completed (and, for `portfolio`, every
    /// portfolio piece is written); steps with only `advice` happen outside the tutor.
    public struct CareerStep: Sendable, Decodable, Equatable {
        public var title: String
        public var tracks: [String]
        public var portfolio: Bool
        public var advice: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case title, tracks, portfolio, advice }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case format, id, title, description, tracks, career }
}

// Each part is decoded with its unknown keys refused and its optional fields defaulted. (In
// extensions, so that each keeps the memberwise initializer the pack index builds it with.)

extension CareerPath {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(Int.self, forKey: .format)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        tracks = try c.decode([Track].self, forKey: .tracks)
        career = try c.decodeIfPresent(Career.self, forKey: .career)
    }
}

extension CareerPath.Track {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        pack = try c.decode(String.self, forKey: .pack)
        modules = try c.decodeIfPresent([String].self, forKey: .modules)
        requires = try c.decodeIfPresent([String].self, forKey: .requires) ?? []
        sequential = try c.decodeIfPresent(Bool.self, forKey: .sequential) ?? true
    }
}

extension CareerPath.Career {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        role = try c.decode(String.self, forKey: .role)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        steps = try c.decode([CareerPath.CareerStep].self, forKey: .steps)
        levels = try c.decodeIfPresent([CareerPath.RoleLevel].self, forKey: .levels) ?? []
    }
}

extension CareerPath.RoleLevel {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        let nested = try c.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .skills)
        var skills: [String: Double] = [:]
        for key in nested.allKeys {
            if let value = try? nested.decode(Double.self, forKey: key), (0...1).contains(value) {
                skills[key.stringValue] = value
            } else if let band = try? nested.decode(String.self, forKey: key), let value = Self.bands[band] {
                skills[key.stringValue] = value
            } else {
                throw DecodingError.dataCorruptedError(forKey: key, in: nested, debugDescription:
                    "expected a share from 0 to 1 or a band: beginning, developing, proficient, strong")
            }
        }
        self.skills = skills
    }
}

extension CareerPath.CareerStep {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        tracks = try c.decodeIfPresent([String].self, forKey: .tracks) ?? []
        portfolio = try c.decodeIfPresent(Bool.self, forKey: .portfolio) ?? false
        advice = try c.decodeIfPresent(String.self, forKey: .advice)
    }
}
