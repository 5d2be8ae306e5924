/// A module: a titled group of lessons that builds some skills.
public struct Module: Sendable {
    public var id: String
    public var title: String
    public var summary: String?
    public var skills: [String]
    public var lessons: [Lesson]
    /// The module file, relative to the pack folder.
    public var file: String
    /// Question ids chosen for the placement quiz; nil draws the graded items at `apply` or above.
    public var placement: [String]?

    public init(id: String, title: String, summary: String? = nil, skills: [String] = [], lessons: [Lesson], file: String = "",
                placement: [String]? = nil) {
        self.id = id
        self.title = title
        self.summary = summary
        self.skills = skills
        self.lessons = lessons
        self.file = file
        self.placement = placement
    }

    /// Every graded question of the module, in order.
    public var questions: [any Question] { lessons.flatMap(\.questions) }
}

/// A module file as written: lessons are file paths or written inline.
struct ModuleFile: Decodable {
    enum LessonEntry: Decodable {
        case file(String)
        case inline(Lesson)

        init(from decoder: any Decoder) throws {
            if let path = try? decoder.singleValueContainer().decode(String.self) {
                self = .file(path)
            } else {
                self = .inline(try Lesson(from: decoder))
            }
        }
    }

    var id: String
    var title: String
    var summary: String?
    var skills: [String]
    var lessons: [LessonEntry]
    var placement: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable { case id, title, summary, skills, lessons, placement }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        skills = try c.decodeIfPresent([String].self, forKey: .skills) ?? []
        lessons = try c.decode([LessonEntry].self, forKey: .lessons)
        placement = try c.decodeIfPresent([String].self, forKey: .placement)
    }
}
