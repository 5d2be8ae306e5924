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
        var id: String
        var title: String
        var lessons: [DraftLesson] = []
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
    private var stepIDs: ImportIDs
    private var groupIDs: ImportIDs
    /// The module and lesson new steps go to, by title.
    private var current: (module: String, lesson: String)?
    private var withoutExplanation: [Int] = []
    /// The categories named in the input (as written) and their lines.
    private var categories: [(path: String, line: Int)] = []

    init(packID: String, fileName: String, formatName: String) {
        self.packID = packID
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
        current = (module, lesson)
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
                "\(count) question\(count == 1 ? " has" : "s have") no feedback to use as an explanation (first here); learners see only whether they were right"))
        }
        let steps = modules.reduce(0) { $0 + $1.lessons.reduce(0) { $0 + $1.steps.count } }
        if steps == 0, skipped == 0, let first = categories.first {
            let others = categories.count - 1
            diagnostics.append(PackDiagnostic(.error, file: fileName, line: first.line, column: 1, message:
                "no questions found after the category '\(first.path)'" + (others > 0 ? " (line \(first.line)) or the \(others) other\(others == 1 ? "" : "s")" : "")
                + "; the file holds categories only, so there is nothing to import"))
        } else if steps == 0 {
            diagnostics.append(PackDiagnostic(.error, file: fileName, message: "no question or text could be imported from this file (is it \(formatName)?)"))
        }
        diagnostics.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        let files = steps == 0 ? [] : PackDraftWriter(draft: self).files()
        return ImportResult(packID: packID, files: files, diagnostics: diagnostics, importedSteps: steps,
                            skippedQuestions: skipped, lessons: modules.reduce(0) { $0 + $1.lessons.count })
    }

    /// The module and lesson the next step goes to, creating them (or a continuation lesson
    /// when the current one is full) as needed.
    private mutating func lessonForNextStep() -> (Int, Int) {
        let (moduleTitle, lessonTitle) = current ?? (title, "Questions")
        let moduleIndex: Int
        if let index = modules.firstIndex(where: { $0.title == moduleTitle }) {
            moduleIndex = index
        } else {
            modules.append(DraftModule(id: groupIDs.make(title: moduleTitle, text: moduleTitle), title: moduleTitle))
            moduleIndex = modules.count - 1
        }
        let lessons = modules[moduleIndex].lessons
        if let index = lessons.lastIndex(where: { $0.title == lessonTitle || $0.title.hasPrefix(lessonTitle + " (part ") }),
           lessons[index].steps.count < Self.maximumStepsPerLesson {
            return (moduleIndex, index)
        }
        let parts = lessons.filter { $0.title == lessonTitle || $0.title.hasPrefix(lessonTitle + " (part ") }.count
        let shownTitle = parts == 0 ? lessonTitle : "\(lessonTitle) (part \(parts + 1))"
        let moduleSlug = String(modules[moduleIndex].id.dropFirst(groupIDs.prefix.count + 1))
        let lessonSlug = lessonTitle == moduleTitle ? "questions" : ImportIDs.slug(lessonTitle, maximumLength: 64)
        let slug = [moduleSlug, lessonSlug.isEmpty ? "q" + ImportIDs.hash(lessonTitle) : lessonSlug, parts == 0 ? "" : "part-\(parts + 1)"]
            .filter { !$0.isEmpty }.joined(separator: "-")
        modules[moduleIndex].lessons.append(DraftLesson(id: groupIDs.make(slug: slug), title: shownTitle))
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
