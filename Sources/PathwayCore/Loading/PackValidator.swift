/// Checks a loaded pack: ids, structure, every step's own rules, and that every question's
/// right answers pass its grader and its listed wrong answers fail it.
struct PackValidator {
    let pack: Pack
    let manifestFile: String
    let sources: SourceTexts
    let display: (String) -> String
    var runsSelfCheck = true
    /// Whether the item-writing lint runs (`pathway pack validate`).
    var runsLint = false

    func diagnostics() -> [PackDiagnostic] {
        var found: [PackDiagnostic] = []
        let manifest = display(manifestFile)
        func manifestError(_ message: String, _ key: PathKey) {
            let location = sources.locate(manifestFile, [key])
            found.append(PackDiagnostic(.error, file: manifest, line: location?.line, column: location?.column, message: message))
        }
        if !Identifier.isValid(pack.id) { manifestError("pack id '\(pack.id)' is not valid: \(Identifier.rule)", "id") }
        if pack.manifest.modules.isEmpty { manifestError("the pack lists no modules", "modules") }
        if pack.title.trimmingWhitespace().isEmpty { manifestError("the title is empty", "title") }
        if pack.manifest.authors.isEmpty { manifestError("list at least one author", "authors") }
        for requirement in pack.manifest.requires {
            if let range = requirement.version, VersionRange(range) == nil {
                manifestError("requirement '\(requirement.id)': '\(range)' is not a version range such as >=1.2.0, ^1.0.0 or 1.x", "requires")
            }
        }

        var moduleIDs: Set<String> = []
        var lessonIDs: [String: String] = [:]
        var stepIDs: [String: String] = [:]
        for module in pack.modules {
            let file = display(module.file)
            func moduleError(_ message: String, _ key: PathKey) {
                let location = sources.locate(module.file, [key])
                found.append(PackDiagnostic(.error, file: file, line: location?.line, column: location?.column, message: message))
            }
            if !Identifier.isValid(module.id) { moduleError("module id '\(module.id)' is not valid: \(Identifier.rule)", "id") }
            if !moduleIDs.insert(module.id).inserted { moduleError("module id '\(module.id)' is used by another module of this pack", "id") }
            for lesson in module.lessons {
                let prefix = sources.inlinePrefixes[lesson.id] ?? []
                let lessonFile = display(lesson.file)
                func report(_ severity: PackDiagnostic.Severity, _ message: String, _ path: [PathKey]) {
                    let location = sources.locate(lesson.file, prefix + path)
                    found.append(PackDiagnostic(severity, file: lessonFile, line: location?.line, column: location?.column, message: message))
                }
                if !Identifier.isValid(lesson.id) { report(.error, "lesson id '\(lesson.id)' is not valid: \(Identifier.rule)", ["id"]) }
                if let other = lessonIDs.updateValue(lesson.file, forKey: lesson.id) {
                    report(.error, "lesson id '\(lesson.id)' is already used in \(other)", ["id"])
                }
                if lesson.steps.isEmpty { report(.error, "the lesson has no steps", ["steps"]) }
                for (index, step) in lesson.steps.enumerated() {
                    let at: [PathKey] = ["steps", PathKey(index)]
                    if let id = step.id {
                        if !Identifier.isValid(id) { report(.error, "step id '\(id)' is not valid: \(Identifier.rule)", at + ["id"]) }
                        if let other = stepIDs.updateValue(lesson.file, forKey: id) {
                            report(.error, "step id '\(id)' is already used in \(other); ids key progress and must be unique in the pack", at + ["id"])
                        }
                    }
                    let problems = step.problems()
                    for problem in problems {
                        let severity: PackDiagnostic.Severity = problem.severity == .error ? .error : .warning
                        let name = step.id.map { "\(step.typeName) '\($0)'" } ?? step.typeName
                        report(severity, "\(name): \(problem.message)", at + problem.fieldPath)
                    }
                    if runsSelfCheck, let question = step as? any Question, !problems.contains(where: { $0.severity == .error }) {
                        for failure in Self.gradeOwnAnswers(question) {
                            report(.error, "\(step.typeName) '\(question.questionID)': \(failure.message)", at + failure.path)
                        }
                    }
                }
            }
        }
        found += referenceDiagnostics()
        found += levelDiagnostics()
        found += placementDiagnostics()
        if runsLint {
            found += ItemLint(pack: pack, manifestFile: manifestFile, prefix: lessonPrefix,
                              report: { diagnostic(.warning, $0, in: $1, at: $2) }).diagnostics()
        }
        return found
    }

    /// A diagnostic at `path` in the pack file `relative`, located when the path is found.
    func diagnostic(_ severity: PackDiagnostic.Severity, _ message: String, in relative: String, at path: [PathKey]) -> PackDiagnostic {
        let location = sources.locate(relative, path)
        return PackDiagnostic(severity, file: display(relative), line: location?.line, column: location?.column, message: message)
    }

    /// The coding path of a lesson's own keys inside its file (inline lessons sit in the module file).
    func lessonPrefix(_ lesson: Lesson) -> [PathKey] { sources.inlinePrefixes[lesson.id] ?? [] }

    /// Runs the question's own right and wrong answers through its grader.
    static func selfCheckFailures(_ question: any Question) -> [String] {
        guard question.problems().allSatisfy({ $0.severity != .error }) else { return [] }
        return gradeOwnAnswers(question).map(\.message)
    }

    /// A self-check failure and where in the step the answer was written.
    private struct Failure {
        var message: String
        var path: [PathKey]
    }

    /// The self-check of a question already known to have no errors.
    private static func gradeOwnAnswers(_ question: any Question) -> [Failure] {
        var random = SeededRandom(seed: 0)
        let presentation = question.present(shuffling: false, using: &random)
        let check = question.selfCheck()
        var failures: [Failure] = []
        func path(_ field: String?, _ index: Int) -> [PathKey] { field.map { [PathKey(stringValue: $0), PathKey(index)] } ?? [] }
        for (index, input) in check.mustPass.enumerated() {
            switch question.evaluate(input, in: presentation) {
            case let .graded(grade) where grade.isCorrect: continue
            case .graded: failures.append(Failure(message: "the right answer '\(input)' is graded wrong by its own grader", path: path(check.mustPassField, index)))
            case let .malformed(message): failures.append(Failure(message: "the right answer '\(input)' cannot be typed: \(message)", path: path(check.mustPassField, index)))
            }
        }
        for (index, input) in check.mustFail.enumerated() {
            switch question.evaluate(input, in: presentation) {
            case let .graded(grade) where !grade.isCorrect: continue
            case .graded: failures.append(Failure(message: "the listed wrong answer '\(input)' is graded right; remove it or fix the answers", path: path(check.mustFailField, index)))
            case let .malformed(message): failures.append(Failure(message: "the listed wrong answer '\(input)' cannot be typed: \(message)", path: path(check.mustFailField, index)))
            }
        }
        return failures
    }
}
