/// Writes a ``PackDraft`` as the files of a pack folder: `pack.yaml`, `modules/*.yaml` and
/// `lessons/*.yaml`, every text a double-quoted YAML scalar.
struct PackDraftWriter {
    let draft: PackDraft

    func files() -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        var modulePaths: [YAMLDocument] = []
        for module in draft.modules where !module.lessons.isEmpty {
            var lessonPaths: [YAMLDocument] = []
            for lesson in module.lessons {
                let path = "lessons/\(lesson.id).yaml"
                lessonPaths.append(.text(path))
                let document = YAMLDocument.mapping([
                    ("id", .text(lesson.id)),
                    ("title", .text(lesson.title)),
                    ("steps", .list(lesson.steps.map { Self.document(for: $0.step) })),
                ])
                files.append(GeneratedFile(path: path, text: document.yaml(comment: [
                    "Imported from \(draft.fileName) (\(draft.formatName)) by pathway.",
                    "Step ids key learners' progress: keep them when you edit the text.",
                ])))
            }
            let path = "modules/\(module.id).yaml"
            modulePaths.append(.text(path))
            let document = YAMLDocument.mapping([
                ("id", .text(module.id)),
                ("title", .text(module.title)),
                ("lessons", .list(lessonPaths)),
            ])
            files.append(GeneratedFile(path: path, text: document.yaml(comment: ["Imported from \(draft.fileName) (\(draft.formatName))."])))
        }
        let manifest = YAMLDocument.mapping([
            ("format", .number(Double(PackManifest.supportedFormat))),
            ("id", .text(draft.packID)),
            ("title", .text(draft.title)),
            ("version", .text("1.0.0")),
            ("authors", .list([.text("unknown")])),
            ("description", .text("Questions imported from \(draft.fileName) (\(draft.formatName)).")),
            ("license", .text("NOASSERTION")),
            ("modules", .list(modulePaths)),
        ])
        files.insert(GeneratedFile(path: "pack.yaml", text: manifest.yaml(comment: [
            "A Pathway pack imported from \(draft.fileName) (\(draft.formatName)); see docs/pack-format.md.",
            "Fill in the authors and the license (an SPDX id such as CC-BY-4.0) of the question bank,",
            "and raise the version whenever you publish a changed pack.",
        ])), at: 0)
        return files
    }

    /// A step as its lesson-file mapping. Importers create only the standard step types.
    static func document(for step: any Step) -> YAMLDocument {
        var pairs: [(String, YAMLDocument)] = [("type", .text(step.typeName))]
        if let id = step.id { pairs.append(("id", .text(id))) }
        if let question = step as? any Question {
            pairs.append(("prompt", .text(question.prompt)))
            pairs += questionFields(question)
            if let explanation = question.explanation { pairs.append(("explanation", .text(explanation))) }
            if !question.hints.isEmpty { pairs.append(("hints", .list(question.hints.map(YAMLDocument.text)))) }
        } else if let text = step as? TextStep {
            pairs.append(("text", .text(text.text)))
        } else if let reflection = step as? ReflectionStep {
            pairs.append(("prompt", .text(reflection.prompt)))
            if let artifact = reflection.artifact { pairs.append(("artifact", .text(artifact))) }
            if !reflection.checklist.isEmpty { pairs.append(("checklist", .list(reflection.checklist.map(YAMLDocument.text)))) }
            if let words = reflection.minimumWords { pairs.append(("min_words", .number(Double(words)))) }
        }
        return .mapping(pairs)
    }

    private static func questionFields(_ question: any Question) -> [(String, YAMLDocument)] {
        switch question {
        case let q as SingleChoiceQuestion:
            return [("choices", choices(q.choices))] + (q.shuffle ? [] : [("shuffle", .bool(false))])
                + (q.anyCorrect ? [(SingleChoiceQuestion.anyCorrectKey, .bool(true))] : [])
        case let q as MultipleSelectQuestion:
            return [("choices", choices(q.choices))] + (q.shuffle ? [] : [("shuffle", .bool(false))])
        case let q as TrueFalseQuestion:
            return [("answer", .bool(q.answer))] + (q.wrongFeedback.map { [("wrong_feedback", .text($0))] } ?? [])
        case let q as ShortTextQuestion:
            var fields: [(String, YAMLDocument)] = []
            if !q.answers.isEmpty { fields.append(("answers", .list(q.answers.map(YAMLDocument.text)))) }
            if !q.patterns.isEmpty { fields.append(("patterns", .list(q.patterns.map { .text($0.description) }))) }
            if !q.wrong.isEmpty {
                fields.append(("wrong", .list(q.wrong.map { .mapping([("answer", .text($0.answer)), ("feedback", .text($0.feedback))]) })))
            }
            return fields
        case let q as NumericQuestion:
            var fields: [(String, YAMLDocument)]
            if let range = q.range {
                fields = [("range", .list([.number(range.lowerBound), .number(range.upperBound)]))]
            } else {
                fields = [("answer", .number(q.answer))] + (q.tolerance > 0 ? [("tolerance", .number(q.tolerance))] : [])
            }
            if let unit = q.unit { fields.append(("unit", .text(unit))) }
            if !q.wrong.isEmpty {
                fields.append(("wrong", .list(q.wrong.map { .mapping([("value", .number($0.value)), ("feedback", .text($0.feedback))]) })))
            }
            return fields
        case let q as OrderingQuestion:
            return [("items", .list(q.items.map(YAMLDocument.text)))]
        case let q as MatchingQuestion:
            let pairs: [(String, YAMLDocument)] = [("pairs", .list(q.pairs.map { .mapping([("left", .text($0.left)), ("right", .text($0.right))]) }))]
            return pairs + (q.distractors.isEmpty ? [] : [("distractors", .list(q.distractors.map(YAMLDocument.text)))])
        default:
            return []
        }
    }

    private static func choices(_ choices: [Choice]) -> YAMLDocument {
        .list(choices.map { choice in
            var pairs: [(String, YAMLDocument)] = [("text", .text(choice.text))]
            if choice.isCorrect { pairs.append(("correct", .bool(true))) }
            if let feedback = choice.feedback { pairs.append(("feedback", .text(feedback))) }
            return .mapping(pairs)
        })
    }
}
