/// Checks of the pack's bibliography and of every place that cites it.
extension PackValidator {
    func referenceDiagnostics() -> [PackDiagnostic] {
        var found: [PackDiagnostic] = []
        var keys: Set<String> = []
        for (i, reference) in pack.manifest.references.enumerated() {
            func error(_ message: String, _ key: String) {
                found.append(diagnostic(.error, message, in: manifestFile, at: ["references", PathKey(i), PathKey(stringValue: key)]))
            }
            if !Reference.isKeyShaped(reference.key) {
                error("reference key '\(reference.key)' is not valid: \(Reference.keyRule)", "key")
            } else if !keys.insert(reference.key).inserted {
                error("reference key '\(reference.key)' is declared twice", "key")
            }
            if reference.title.trimmingWhitespace().isEmpty { error("reference '\(reference.key)' has an empty title", "title") }
            if reference.authors.isEmpty && reference.organisation == nil && reference.note == nil {
                error("reference '\(reference.key)' names no authors and no organisation; give one, or a note saying they are not known", "key")
            }
            if reference.authors.contains(where: { $0.trimmingWhitespace().isEmpty }) { error("reference '\(reference.key)' has an empty author", "authors") }
            if let url = reference.url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(" ") {
                error("reference '\(reference.key)': '\(url)' is not a web address (http:// or https://)", "url")
            }
            if reference.year == nil && reference.note == nil {
                found.append(diagnostic(.warning, "reference '\(reference.key)' has no year; add it, or a note saying it is not known",
                                        in: manifestFile, at: ["references", PathKey(i), "key"]))
            }
        }
        let declared = pack.manifest.referencesByKey
        for module in pack.modules {
            for lesson in module.lessons {
                found += lessonSourceDiagnostics(lesson, declared: declared)
                found += citationDiagnostics(lesson, declared: declared)
            }
        }
        return found
    }

    private func lessonSourceDiagnostics(_ lesson: Lesson, declared: [String: Reference]) -> [PackDiagnostic] {
        var found: [PackDiagnostic] = []
        var warned = false
        for (j, source) in lesson.sources.enumerated() where declared[source] == nil {
            let path = lessonPrefix(lesson) + ["sources", PathKey(j)]
            if Reference.isKeyShaped(source) {
                found.append(diagnostic(.error, "unknown reference key '\(source)'; declare it in the manifest's references", in: lesson.file, at: path))
            } else if !warned {
                warned = true
                let count = lesson.sources.filter { declared[$0] == nil && !Reference.isKeyShaped($0) }.count
                found.append(diagnostic(.warning, "lesson '\(lesson.id)' lists \(Plural.count(count, "free-text source")); declare \(Plural.noun(count, "it", "them")) in the manifest's references and list the keys instead", in: lesson.file, at: path))
            }
        }
        return found
    }

    private func citationDiagnostics(_ lesson: Lesson, declared: [String: Reference]) -> [PackDiagnostic] {
        var found: [PackDiagnostic] = []
        for (index, step) in lesson.steps.enumerated() {
            for text in StepTexts.texts(of: step) {
                for key in Citations.keys(in: text.text) where declared[key] == nil {
                    found.append(diagnostic(.error, "unknown reference key '\(key)' cited as [@\(key)]; declare it in the manifest's references",
                                            in: lesson.file, at: lessonPrefix(lesson) + ["steps", PathKey(index)] + text.path))
                }
            }
        }
        return found
    }
}
