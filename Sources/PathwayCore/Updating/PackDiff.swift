import Foundation

/// What changed between two versions of a pack, step by step (steps are matched by id), and
/// which changes would grade learners' earlier answers against a different key.
public struct PackDiff: Sendable {
    /// A step of one version, where it is.
    public struct StepRef: Sendable, Equatable {
        public var id: String
        public var lesson: String
        public var type: String
        /// The first line of the prompt (questions) or of the text.
        public var title: String
    }

    public enum Change: Sendable, Equatable {
        /// The answer key changed under the same id; `bumped` when the revision was raised
        /// (the question is asked again and earlier answers are retired).
        case key(from: String, to: String, bumped: Bool)
        /// The options offered changed (choices or items), with their texts before and after.
        case options(removed: [String], added: [String])
        /// The step moved to another lesson.
        case moved(from: String, to: String)
        /// Only the wording changed (prompt, explanation, hints, feedback).
        case wording
        /// The revision was raised although the key did not change.
        case revisionOnly(from: Int, to: Int)
    }

    public struct Changed: Sendable {
        public var step: StepRef
        public var changes: [Change]
    }

    public var id: String
    public var oldVersion: SemanticVersion
    public var newVersion: SemanticVersion
    public var added: [StepRef] = []
    public var removed: [StepRef] = []
    public var changed: [Changed] = []

    /// Questions whose key changed under a kept id without a raised revision: learners' old
    /// answers would be silently graded against the new key.
    public var unbumpedKeyChanges: [StepRef] {
        changed.filter { $0.changes.contains { if case .key(_, _, false) = $0 { true } else { false } } }.map(\.step)
    }

    /// Progress keys (`pack/id` or `pack/id@rN`) whose answers the new version no longer
    /// counts: removed questions and questions whose revision was raised.
    public var retiredProgressKeys: [String] = []

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    public init(old: Pack, new: Pack) {
        id = new.id
        oldVersion = old.manifest.version
        newVersion = new.manifest.version
        let before = Self.steps(of: old), after = Self.steps(of: new)
        let afterIDs = Set(after.map(\.ref.id)), beforeIDs = Set(before.map(\.ref.id))
        removed = before.filter { !afterIDs.contains($0.ref.id) }.map(\.ref)
        added = after.filter { !beforeIDs.contains($0.ref.id) }.map(\.ref)
        let oldByID = Dictionary(before.map { ($0.ref.id, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in after {
            guard let previous = oldByID[entry.ref.id] else { continue }
            let changes = Self.changes(from: previous, to: entry)
            if !changes.isEmpty { changed.append(Changed(step: entry.ref, changes: changes)) }
        }
        var retired: [String] = []
        for entry in before {
            guard let question = entry.step as? any Question else { continue }
            let newQuestion = after.first { $0.ref.id == entry.ref.id }?.step as? any Question
            if newQuestion?.questionID != question.questionID {
                retired.append(ProgressKey.question(old, question).rawValue)
            }
        }
        retiredProgressKeys = retired
    }

    private struct Entry {
        var ref: StepRef
        var step: any Step
    }

    private static func steps(of pack: Pack) -> [Entry] {
        pack.lessons.flatMap { place in
            place.lesson.steps.compactMap { step -> Entry? in
                guard let id = step.id else { return nil }
                let title = ((step as? any Question)?.prompt ?? (step as? ReflectionStep)?.prompt ?? "")
                    .split(separator: "\n").first.map(String.init) ?? ""
                return Entry(ref: StepRef(id: id, lesson: place.lesson.id, type: step.typeName, title: title), step: step)
            }
        }
    }

    private static func changes(from old: Entry, to new: Entry) -> [Change] {
        var changes: [Change] = []
        if old.ref.lesson != new.ref.lesson { changes.append(.moved(from: old.ref.lesson, to: new.ref.lesson)) }
        if let before = old.step as? any Question, let after = new.step as? any Question, old.ref.type == new.ref.type {
            let oldKey = AnswerKey(before), newKey = AnswerKey(after)
            let bumped = after.basics.revision > before.basics.revision
            if oldKey.key != newKey.key {
                var shown = (from: before.correctAnswer(in: Self.plain(before)), to: after.correctAnswer(in: Self.plain(after)))
                // Another accepted answer, pattern or tolerance leaves the shown answer as it was.
                if shown.from == shown.to { shown = AnswerKey.changedFields(from: before, to: after) }
                changes.append(.key(from: shown.from, to: shown.to, bumped: bumped))
            } else if after.basics.revision != before.basics.revision {
                changes.append(.revisionOnly(from: before.basics.revision, to: after.basics.revision))
            }
            if oldKey.options != newKey.options {
                changes.append(.options(removed: oldKey.options.filter { !newKey.options.contains($0) },
                                        added: newKey.options.filter { !oldKey.options.contains($0) }))
            }
        } else if old.ref.type != new.ref.type {
            // Another type under the same id grades differently whatever it says.
            let bumped = ((new.step as? any Question)?.basics.revision ?? 1) > ((old.step as? any Question)?.basics.revision ?? 1)
            changes.append(.key(from: old.ref.type, to: new.ref.type, bumped: bumped || !(old.step is any Question) || !(new.step is any Question)))
        }
        if changes.isEmpty, AnswerKey.text(old.step) != AnswerKey.text(new.step) { changes.append(.wording) }
        return changes
    }

    private static func plain(_ question: any Question) -> Presentation {
        var random = SeededRandom(seed: 0)
        return question.present(shuffling: false, using: &random)
    }
}
