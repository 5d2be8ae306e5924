/// The files of a new pack for `pathway pack new`: a manifest, one module and one lesson with a
/// step of every type, each key explained by a YAML comment. The result passes
/// `pathway pack validate` as it is, so authors start from something that works.
public enum PackScaffold {
    /// The longest pack id accepted: module, lesson and step ids are built from it.
    public static let maximumIDLength = 44

    /// Why a scaffold cannot be made for an id.
    public static func problem(with id: String) -> String? {
        guard Identifier.isValid(id) else { return "'\(TerminalSafeText.sanitize(id))' is not a valid pack id: \(Identifier.rule)" }
        guard id.count <= maximumIDLength else {
            return "use a pack id of at most \(maximumIDLength) characters; the ids of its modules, lessons and steps start with it"
        }
        return nil
    }

    /// The files of a new pack `id` titled `title`.
    public static func files(id: String, title: String? = nil) -> [GeneratedFile] {
        let title = title ?? PackDraft.title(forFile: id)
        return [
            GeneratedFile(path: "pack.yaml", text: manifest(id: id, title: title)),
            GeneratedFile(path: "modules/\(id)-basics.yaml", text: module(id: id)),
            GeneratedFile(path: "lessons/\(id)-first-lesson.yaml", text: lesson(id: id)),
        ]
    }

    private static func manifest(id: String, title: String) -> String {
        """
        # The pack manifest. Every key is described in docs/pack-format.md; check the pack with
        #   pathway pack validate <this folder>
        # Text values are in double quotes so that a ':' or '#' in them is never read as YAML.

        # The pack format version this file follows.
        format: 1
        # The pack id: lowercase letters, digits, '-', '_' and '.'. Learners' progress is keyed on
        # it (and on every id below), so never change it once the pack has learners.
        id: \(YAMLDocument.quoted(id))
        # Shown in lists.
        title: \(YAMLDocument.quoted(title))
        # MAJOR.MINOR.PATCH. Raise it with every release; 'pathway pack install' replaces an
        # installed copy only with a higher version.
        version: "0.1.0"
        # Who wrote the pack.
        authors:
          - "Your name"
        # One paragraph saying what the pack teaches.
        description: "What this pack teaches, in one paragraph."
        # An SPDX license id, such as CC-BY-4.0.
        license: "CC-BY-4.0"
        # Optional: other packs this one builds on, with a version range.
        # requires:
        #   - id: "ai-pm-fundamentals"
        #     version: ">=1.0.0"
        # Optional: how lessons behave (these are the defaults).
        policy:
          allow_skip: true              # learners may skip a question
          attempts_before_reveal: 3     # wrong tries before the answer is shown
          shuffle: true                 # shuffle choices
          mastery_threshold: 0.8        # share of right answers that counts as mastered
          # min_apply_share: 0.45       # optional: least share of items at level apply or above
        # The works the lessons cite, declared once; lessons list their keys in 'sources' and
        # cite inline with [@key]. Each needs authors or an organisation (or a note saying
        # neither is known); kind is article, standard, law, paper, book or guide.
        references:
          - key: "example-guide"
            title: "The title of the work, as it is published"
            organisation: "The organisation that published it"
            year: 2024
            url: "https://example.org/guide"
            kind: "guide"
        # Optional: text learners must never see (checked by 'pathway pack validate').
        # lint:
        #   forbidden:
        #     - text: "internal-label"
        #       reason: "an internal label; learners cannot look it up"
        # The module files, in teaching order, relative to this folder.
        modules:
          - "modules/\(id)-basics.yaml"

        """
    }

    private static func module(id: String) -> String {
        """
        # A module: a titled group of lessons.

        # The module id, unique in the pack (prefix it with the pack id).
        id: "\(id)-basics"
        title: "Basics"
        # Optional: one or two sentences shown by 'list'.
        summary: "A first lesson that shows every kind of step."
        # Optional: the skills this module builds.
        skills: ["product-thinking"]
        # The lessons in order: paths to lesson files (or lessons written inline).
        lessons:
          - "lessons/\(id)-first-lesson.yaml"
        # Optional: the questions the placement quiz uses to let experienced learners test out
        # of this module (at least 3, at least one not a choice question; never true/false).
        # Without it, placement uses the module's items at level apply or above.
        placement: ["\(id)-choice", "\(id)-number", "\(id)-order"]

        """
    }
}
