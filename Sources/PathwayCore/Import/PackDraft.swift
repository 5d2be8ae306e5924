/// An imported pack being assembled: modules of lessons of steps, each step with the place in
/// the input it came from. Every step is checked as it is added with the same rules
/// `pathway pack validate` uses, so what is written loads; a step that would not is reported at
/// its line and left out.
struct PackDraft {
    struct DraftStep {
        var step: any Step
        var line: Int
    }

    struct DraftLesson {
        var id: String
        var title: String
        var steps: [DraftStep] = []
    }

    struct DraftModule {
        /// The category module title the steps came from; nil for uncategorised steps.
        var key: String?
        var id: String
        var title: String
        var lessons: [DraftLesson] = []
    }

    /// Where the next steps go: a category's module and lesson, or none.
    enum Placement: Equatable {
        case uncategorised
        case category(module: String, lesson: String)
    }

    /// Lessons are split after this many steps, keeping each lesson file small.
    static let maximumStepsPerLesson = 50

    let packID: String
    let fileName: String
    let formatName: String
    var title: String
    private(set) var modules: [DraftModule] = []
    private(set) var diagnostics: [PackDiagnostic] = []
    private(set) var skipped = 0
    private let target: ImportTarget
    private var stepIDs: ImportIDs
    private var groupIDs: ImportIDs
    private var current = Placement.uncategorised
    /// Every placement a step went to, in order, for checking a named module or lesson.
    private var placements: [Placement] = []
    private var withoutExplanation: [Int] = []
    /// The categories named in the input (as written) and their lines.
    private var categories: [(path: String, line: Int)] = []

    init(target: ImportTarget, fileName: String, formatName: String) {
        self.target = target
        packID = target.packID
        self.fileName = fileName
        self.formatName = formatName
        title = Self.title(forFile: fileName)
        stepIDs = ImportIDs(packID: packID)
        groupIDs = ImportIDs(packID: packID)
    }

    /// A stable, unique step id from a title, else from the question's text.
    mutating func makeStepID(title: String?, text: String) -> String {
        stepIDs.make(title: title, text: text)
    }

    /// Sends the next steps to the lesson `lesson` of module `module` (created when new).
    mutating func enter(module: String, lesson: String) {
        current = .category(module: module, lesson: lesson)
    }

    /// Sends the next steps to the pack's own module, as if no category had been named.
    mutating func enterUncategorised() {
        current = .uncategorised
    }

    /// Notes a category line of the input, so an input of categories alone can be named.
    mutating func noteCategory(_ path: String, line: Int) {
        categories.append((path, line))
    }

    /// Adds a step, unless its own checks or its self-check fail; then it is reported at `line`.
    @discardableResult
    mutating func add(_ step: any Step, line: Int, column: Int = 1) -> Bool {
        var messages = step.problems().filter { $0.severity == .error }.map(\.message)
        if let question = step as? any Question { messages += PackValidator.selfCheckFailures(question) }
        guard messages.isEmpty else {
            report(.error, line: line, column: column,
                   "\(step.typeName) question left out: " + messages.joined(separator: "; "))
            skipped += 1
            return false
        }
        for problem in step.problems() where problem.severity == .warning {
            if problem.field == "explanation" { withoutExplanation.append(line); continue }
            report(.warning, line: line, column: column, "\(step.typeName): \(problem.message)")
        }
        if !placements.contains(current) { placements.append(current) }
        let (moduleIndex, lessonIndex) = lessonForNextStep()
        modules[moduleIndex].lessons[lessonIndex].steps.append(DraftStep(step: step, line: line))
        return true
    }

    /// Adds diagnostics found before parsing (e.g. while reading the lines).
    mutating func append(_ found: [PackDiagnostic]) { diagnostics += found }

    /// Records that a question could not be imported at all.
    mutating func skip(line: Int, column: Int = 1, _ message: String) {
        report(.error, line: line, column: column, message)
        skipped += 1
    }

    mutating func report(_ severity: PackDiagnostic.Severity, line: Int?, column: Int? = 1, _ message: String) {
        diagnostics.append(PackDiagnostic(severity, file: fileName, line: line, column: line == nil ? nil : column, message: message))
    }

    /// The pack's files and the diagnostics, sorted by line.
    func result() -> ImportResult {
        var diagnostics = self.diagnostics
        if let first = withoutExplanation.first {
            let count = withoutExplanation.count
            diagnostics.append(PackDiagnostic(.warning, file: fileName, line: first, column: 1, message:
                "\(Plural.count(count, "question has", "questions have")) no feedback to use as an explanation (first here); learners see only whether they were right"))
        }
        let steps = modules.reduce(0) { $0 + $1.lessons.reduce(0) { $0 + $1.steps.count } }
        if steps == 0, skipped == 0, let first = categories.first {
            let others = categories.count - 1
            diagnostics.append(PackDiagnostic(.error, file: fileName, line: first.line, column: 1, message:
                "no questions found after the category '\(first.path)'" + (others > 0 ? " (line \(first.line)) or the \(Plural.count(others, "other"))" : "")
                + "; the file holds categories only, so there is nothing to import"))
        } else if steps == 0 {
            diagnostics.append(PackDiagnostic(.error, file: fileName, message: "no question or text could be imported from this file (is it \(formatName)?)"))
        }
        let refusal = namedGroupProblem()
        if let refusal { diagnostics.append(PackDiagnostic(.error, file: fileName, message: refusal)) }
        diagnostics.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        let files = steps == 0 || refusal != nil ? [] : PackDraftWriter(draft: self).files()
        var result = ImportResult(packID: packID, files: files, diagnostics: diagnostics, importedSteps: steps,
                                  skippedQuestions: skipped, lessons: modules.reduce(0) { $0 + $1.lessons.count })
        if target.module?.id == nil, let module = modules.first(where: { $0.key == nil }), let lesson = module.lessons.first {
            result.notes.append(target.lesson?.id == nil
                ? "No category names them, so module '\(module.id)' and lesson '\(lesson.id)' are named after the pack id (not the file name); name them with --module and --lesson"
                : "No category names it, so module '\(module.id)' is named after the pack id (not the file name); name it with --module")
        }
        return result
    }

    /// How the author named a module or lesson on the command line: `--module ID` or `--module-title 'TITLE'`.
    private static func flag(_ kind: String, _ group: ImportGroup?) -> String? {
        if let id = group?.id { return "--\(kind) \(id)" }
        return group?.title.map { "--\(kind)-title '\($0)'" }
    }

    /// Why the module or lesson the author named cannot hold the input's categories, if so.
    private func namedGroupProblem() -> String? {
        func names(_ keys: [String?]) -> String {
            keys.map { "'\($0 ?? "(no category)")'" }.joined(separator: ", ")
        }
        var moduleKeys: [String?] = []
        for placement in placements {
            let key: String? = if case let .category(module, _) = placement { module } else { nil }
            if !moduleKeys.contains(key) { moduleKeys.append(key) }
        }
        if let named = Self.flag("module", target.module), moduleKeys.count > 1 {
            return "one module was named (\(named)), but the categories give \(moduleKeys.count): \(names(moduleKeys)); leave out --module to keep them apart, or import each part on its own"
        }
        if let named = Self.flag("lesson", target.lesson), placements.count > 1 {
            let lessons = placements.map { placement -> String? in
                if case let .category(_, lesson) = placement { lesson } else { nil }
            }
            return "one lesson was named (\(named)), but the categories give \(placements.count): \(names(lessons)); leave out --lesson to keep them apart, or import each part on its own"
        }
        return nil
    }

    /// The module and lesson the next step goes to, creating them (or a continuation lesson
    /// when the current one is full) as needed. Ids come from what the author named, else the
    /// category, else the pack id.
    private mutating func lessonForNextStep() -> (Int, Int) {
        let key: String?, lessonTitle: String, lessonSlug: String
        switch current {
        case .uncategorised:
            (key, lessonTitle, lessonSlug) = (nil, "Questions", "questions")
        case let .category(module, lesson):
            let slug = ImportIDs.slug(lesson, maximumLength: 64)
            (key, lessonTitle, lessonSlug) = (module, lesson, lesson == module ? "questions" : slug.isEmpty ? "q" + ImportIDs.hash(lesson) : slug)
        }
        let moduleIndex: Int
        if let index = modules.firstIndex(where: { target.module != nil || $0.key == key }) {
            moduleIndex = index
        } else {
            let id: String
            if let named = target.module?.id {
                id = groupIDs.make(exactly: named)
            } else if let key {
                id = groupIDs.make(title: key, text: key)
            } else {
                id = groupIDs.make(exactly: groupIDs.prefix)
            }
            modules.append(DraftModule(key: key, id: id, title: target.module?.title ?? key ?? title))
            moduleIndex = modules.count - 1
        }
        let shown = target.lesson?.title ?? lessonTitle
        let lessons = modules[moduleIndex].lessons
        let same = { (lesson: DraftLesson) in lesson.title == shown || lesson.title.hasPrefix(shown + " (part ") }
        if let index = lessons.lastIndex(where: same), lessons[index].steps.count < Self.maximumStepsPerLesson {
            return (moduleIndex, index)
        }
        let parts = lessons.filter(same).count
        let part = parts == 0 ? "" : "part-\(parts + 1)"
        let id: String
        if let named = target.lesson?.id {
            id = parts == 0 ? groupIDs.make(exactly: named) : groupIDs.make(under: named, slug: part)
        } else {
            id = groupIDs.make(under: modules[moduleIndex].id, slug: [lessonSlug, part].filter { !$0.isEmpty }.joined(separator: "-"))
        }
        modules[moduleIndex].lessons.append(DraftLesson(id: id, title: parts == 0 ? shown : "\(shown) (part \(parts + 1))"))
        return (moduleIndex, modules[moduleIndex].lessons.count - 1)
    }

    /// A title from a file name: `ml-basics_quiz.gift` gives `Ml basics quiz`.
    static func title(forFile fileName: String) -> String {
        var base = Substring(fileName.split(separator: "/").last ?? "")
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        let words = base.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).joined(separator: " ")
        guard let first = words.first else { return "Imported questions" }
        return first.uppercased() + words.dropFirst()
    }
}
