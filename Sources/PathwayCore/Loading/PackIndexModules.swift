import Foundation

/// The head and modules sections of a pack index. The modules section has one line per module and one per lesson, fields
/// separated by tabs, read by hand rather than through `Codable`, because `path`, `list` and the
/// greeting read it for every pack on the search path.
///
/// A module line is `M id title summary file skills placement`; a lesson line, which belongs to
/// the module line above it, is `L id title minutes sources file questions graded reflections
/// offset length hash outline`. Text fields escape backslashes and control characters (`\xHH`);
/// an optional field is `-` when absent and `+` then its value when present; a list is its
/// elements, each written as `+` then its value, separated by U+001F. The outline is written as
/// ``StepOutline/text(_:)`` gives it (ids never contain tabs or newlines). The head is written
/// the same way.
enum PackIndexModules {
    struct Module: Sendable {
        var id: String
        var title: String
        var summary: String?
        var skills: [String]
        var file: String
        var placement: [String]?
        var lessons: [Lesson]
    }

    struct Lesson: Sendable {
        var id: String
        var title: String
        var minutes: Int?
        var sources: [String]
        var file: String
        var counts: StepCounts
        var body: PackIndexFile.BodyRange
        /// The steps' outline in its text form.
        var outline: String
    }

    static func encode(_ modules: [Module]) -> Data {
        var lines: [String] = []
        for module in modules {
            lines.append((["M", Field.escape(module.id), Field.escape(module.title), Field.optionalField(module.summary.map(Field.escape)),
                            Field.escape(module.file), Field.listField(module.skills),
                            Field.optionalField(module.placement.map(Field.listField))]).joined(separator: "\t"))
            for lesson in module.lessons {
                lines.append((["L", Field.escape(lesson.id), Field.escape(lesson.title), Field.optionalField(lesson.minutes.map(String.init)),
                               Field.listField(lesson.sources), Field.escape(lesson.file)] + fields(lesson.counts)
                              + [String(lesson.body.offset), String(lesson.body.length), lesson.body.hash, lesson.outline]).joined(separator: "\t"))
            }
        }
        return Data(lines.joined(separator: "\n").utf8)
    }

    /// The modules in `data`; nil when it is not a modules section.
    static func decode(_ data: Data) -> [Module]? {
        guard !data.isEmpty else { return [] }
        var modules: [Module] = []
        let complete = PackIndexLine.forEachLine(of: data) { line in
            switch (line.tag, line.count) {
            case (UInt8(ascii: "M"), 7):
                guard let summary = line.optionalText(3), let placement = line.optional(6, line.list(in:)),
                      let skills = line.list(5) else { return false }
                modules.append(Module(id: line.text(1), title: line.text(2), summary: summary, skills: skills,
                                      file: line.text(4), placement: placement, lessons: []))
            case (UInt8(ascii: "L"), 13):
                guard !modules.isEmpty, let minutes = line.optional(3, line.int(in:)), let sources = line.list(4),
                      let counts = counts(line, from: 6), let offset = line.int(9), let length = line.int(10) else { return false }
                modules[modules.count - 1].lessons.append(Lesson(
                    id: line.text(1), title: line.text(2), minutes: minutes, sources: sources, file: line.text(5),
                    counts: counts,
                    body: PackIndexFile.BodyRange(offset: offset, length: length, hash: line.raw(11)), outline: line.raw(12)))
            default:
                return false
            }
            return true
        }
        return complete ? modules : nil
    }

    // MARK: The head

    /// The head section: `H id title version`, a line `R id version` per requirement (version
    /// optional), `S skills`, and a line `D id title lessons questions graded reflections` per
    /// module.
    static func encode(_ head: PackHead) -> Data {
        var lines = [["H", Field.escape(head.id), Field.escape(head.title), Field.escape(head.version.description)].joined(separator: "\t")]
        for requirement in head.requires {
            lines.append(["R", Field.escape(requirement.id), Field.optionalField(requirement.version.map(Field.escape))].joined(separator: "\t"))
        }
        lines.append("S\t" + Field.listField(head.skills))
        for module in head.modules {
            lines.append((["D", Field.escape(module.id), Field.escape(module.title), Field.listField(module.lessons)]
                          + fields(module.counts)).joined(separator: "\t"))
        }
        return Data(lines.joined(separator: "\n").utf8)
    }

    static func decodeHead(_ data: Data) -> PackHead? {
        var head: PackHead?
        var sawSkills = false
        let complete = PackIndexLine.forEachLine(of: data) { line in
            guard head != nil else {
                guard line.tag == UInt8(ascii: "H"), line.count == 4, let version = SemanticVersion(line.text(3)) else { return false }
                head = PackHead(id: line.text(1), title: line.text(2), version: version)
                return true
            }
            switch (line.tag, line.count) {
            case (UInt8(ascii: "R"), 3):
                guard let version = line.optionalText(2) else { return false }
                head?.requires.append(PackRequirement(id: line.text(1), version: version))
            case (UInt8(ascii: "S"), 2):
                guard !sawSkills, let skills = line.list(1) else { return false }
                head?.skills = skills
                sawSkills = true
            case (UInt8(ascii: "D"), 7):
                guard let lessons = line.list(3), let counts = counts(line, from: 4) else { return false }
                head?.modules.append(PackHead.ModuleHead(id: line.text(1), title: line.text(2), lessons: lessons, counts: counts))
            default:
                return false
            }
            return true
        }
        return complete && sawSkills ? head : nil
    }

    // MARK: Fields

    /// A module's or a lesson's counts as three fields: questions, graded items, reflections.
    private static func fields(_ counts: StepCounts) -> [String] {
        [String(counts.questions), String(counts.graded), String(counts.reflections)]
    }

    /// The counts written by ``fields(_:)`` in fields `first` to `first + 2` of `line`.
    private static func counts(_ line: PackIndexLine, from first: Int) -> StepCounts? {
        guard let questions = line.int(first), let graded = line.int(first + 1), let reflections = line.int(first + 2) else { return nil }
        return StepCounts(questions: questions, graded: graded, reflections: reflections)
    }
}

/// The writer of the index's fields (escapes, optional values, lists).
private typealias Field = PackIndexLine
