import Foundation

/// A loaded curriculum pack.
///
/// What choosing between packs needs (id, title, version, requirements, skills) is always at
/// hand; a pack read from the pack index decodes its full manifest and its modules the first
/// time they are used (see ``PackContents``), so start-up does not grow with the library.
public struct Pack: Sendable {
    /// The pack's id, title, version, requirements and skills.
    public private(set) var head: PackHead
    private var contents: PackContents
    /// The pack folder.
    public var root: URL

    public init(manifest: PackManifest, modules: [Module], root: URL) {
        head = PackHead(manifest: manifest, modules: modules)
        contents = PackContents(manifest: manifest, modules: modules)
        self.root = root
    }

    /// Whether its modules have been read from the pack index (tests: what a command decodes).
    var modulesRead: Bool { contents.modulesRead }

    /// A pack whose manifest and modules `contents` reads when first needed.
    init(head: PackHead, contents: PackContents, root: URL) {
        self.head = head
        self.contents = contents
        self.root = root
    }

    public var manifest: PackManifest {
        get { contents.manifest }
        set {
            contents = PackContents(manifest: newValue, modules: modules)
            head = PackHead(manifest: newValue, modules: modules)
        }
    }

    public var modules: [Module] {
        get { contents.modules }
        set {
            contents = PackContents(manifest: manifest, modules: newValue)
            head = PackHead(manifest: manifest, modules: newValue)
        }
    }

    public var id: String { head.id }
    public var title: String { head.title }
    public var version: SemanticVersion { head.version }

    /// Every lesson, in order, with its module.
    public var lessons: [(module: Module, lesson: Lesson)] {
        modules.flatMap { module in module.lessons.map { (module, $0) } }
    }

    public func module(id: String) -> Module? { modules.first { $0.id == id } }

    public func lesson(id: String) -> (module: Module, lesson: Lesson)? {
        for module in modules {
            if let lesson = module.lessons.first(where: { $0.id == id }) { return (module, lesson) }
        }
        return nil
    }
}

/// What start-up reads of every pack: enough to choose between copies, check requirements and
/// career paths, count lessons and complete ids, without decoding its modules.
public struct PackHead: Sendable {
    public var id: String
    public var title: String
    public var version: SemanticVersion
    public var requires: [PackRequirement]
    /// The skills its modules build.
    public var skills: [String]
    /// Its modules' ids and titles, each with its lessons' ids, in order (for counts, Tab
    /// completion, and the lines `path` and `list` show for a pack the learner has not begun).
    public var modules: [ModuleHead]

    /// A module's id, title and lessons' ids, and its lessons' counts added up.
    public struct ModuleHead: Sendable {
        public var id: String
        public var title: String
        public var lessons: [String]
        /// Its lessons' questions, graded items and reflections.
        public var counts: StepCounts

        init(id: String, title: String, lessons: [String], counts: StepCounts) {
            self.id = id
            self.title = title
            self.lessons = lessons
            self.counts = counts
        }
    }

    /// How many lessons it has.
    public var lessonCount: Int { modules.reduce(0) { $0 + $1.lessons.count } }

    /// Its lessons' questions, graded items and reflections, added up.
    public var counts: StepCounts { modules.reduce(.zero) { $0 + $1.counts } }

    /// A head to fill in (the pack index's reader).
    init(id: String, title: String, version: SemanticVersion) {
        self.id = id
        self.title = title
        self.version = version
        requires = []
        skills = []
        modules = []
    }

    init(manifest: PackManifest, modules: [Module]) {
        id = manifest.id
        title = manifest.title
        version = manifest.version
        requires = manifest.requires
        var seen: Set<String> = []
        skills = modules.flatMap(\.skills).filter { seen.insert($0).inserted }
        self.modules = modules.map { module in
            ModuleHead(id: module.id, title: module.title, lessons: module.lessons.map(\.id),
                       counts: module.lessons.reduce(.zero) { $0 + $1.counts })
        }
    }
}
