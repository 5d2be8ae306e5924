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
            lines.append(["M", escape(module.id), escape(module.title), optional(module.summary.map(escape)), escape(module.file),
                          list(module.skills), optional(module.placement.map(list))].joined(separator: "\t"))
            for lesson in module.lessons {
                lines.append(["L", escape(lesson.id), escape(lesson.title), optional(lesson.minutes.map(String.init)), list(lesson.sources),
                              escape(lesson.file), String(lesson.counts.questions), String(lesson.counts.graded), String(lesson.counts.reflections),
                              String(lesson.body.offset), String(lesson.body.length), lesson.body.hash, lesson.outline].joined(separator: "\t"))
            }
        }
        return Data(lines.joined(separator: "\n").utf8)
    }

    /// The modules in `data`; nil when it is not a modules section.
    static func decode(_ data: Data) -> [Module]? {
        var modules: [Module] = []
        guard !data.isEmpty else { return [] }
        for fields in lines(data) {
            switch fields.first {
            case "M":
                guard fields.count == 7, let summary = optional(fields[3]), let placement = optional(fields[6]),
                      let skills = list(fields[5]) else { return nil }
                var placementIDs: [String]?
                if let placement {
                    guard let ids = list(placement) else { return nil }
                    placementIDs = ids
                }
                modules.append(Module(id: unescape(fields[1]), title: unescape(fields[2]), summary: summary.map(unescape), skills: skills,
                                      file: unescape(fields[4]), placement: placementIDs, lessons: []))
            case "L":
                guard fields.count == 13, !modules.isEmpty, let minutes = optional(fields[3]), let sources = list(fields[4]),
                      let questions = Int(fields[6]), let graded = Int(fields[7]), let reflections = Int(fields[8]),
                      let offset = Int(fields[9]), let length = Int(fields[10]) else { return nil }
                var lessonMinutes: Int?
                if let minutes {
                    guard let value = Int(minutes) else { return nil }
                    lessonMinutes = value
                }
                modules[modules.count - 1].lessons.append(Lesson(
                    id: unescape(fields[1]), title: unescape(fields[2]), minutes: lessonMinutes, sources: sources, file: unescape(fields[5]),
                    counts: StepCounts(questions: questions, graded: graded, reflections: reflections),
                    body: PackIndexFile.BodyRange(offset: offset, length: length, hash: fields[11]), outline: fields[12]))
            default:
                return nil
            }
        }
        return modules
    }

    // MARK: The head

    /// The head section: `H id title version`, a line `R id version` per requirement (version
    /// optional), `S skills`, and a line `D id lessons` per module.
    static func encode(_ head: PackHead) -> Data {
        var lines = [["H", escape(head.id), escape(head.title), escape(head.version.description)].joined(separator: "\t")]
        for requirement in head.requires {
            lines.append(["R", escape(requirement.id), optional(requirement.version.map(escape))].joined(separator: "\t"))
        }
        lines.append("S\t" + list(head.skills))
        for module in head.modules { lines.append(["D", escape(module.id), list(module.lessons)].joined(separator: "\t")) }
        return Data(lines.joined(separator: "\n").utf8)
    }

    static func decodeHead(_ data: Data) -> PackHead? {
        let lines = lines(data)
        guard let first = lines.first, first.count == 4, first[0] == "H", let version = SemanticVersion(unescape(first[3])) else { return nil }
        var head = PackHead(id: unescape(first[1]), title: unescape(first[2]), version: version)
        var sawSkills = false
        for fields in lines.dropFirst() {
            switch (fields.first, fields.count) {
            case ("R", 3):
                guard let version = optional(fields[2]) else { return nil }
                head.requires.append(PackRequirement(id: unescape(fields[1]), version: version.map(unescape)))
            case ("S", 2):
                guard !sawSkills, let skills = list(fields[1]) else { return nil }
                head.skills = skills
                sawSkills = true
            case ("D", 3):
                guard let lessons = list(fields[2]) else { return nil }
                head.modules.append(PackHead.ModuleHead(id: unescape(fields[1]), lessons: lessons))
            default:
                return nil
            }
        }
        return sawSkills ? head : nil
    }

    // MARK: Fields

    /// The lines of `data`, each split into its fields, by bytes in one pass over a plain array
    /// (splitting `Data` itself is many times slower).
    private static func lines(_ data: Data) -> [[String]] {
        var lines: [[String]] = [[]]
        [UInt8](data).withUnsafeBufferPointer { bytes in
            var start = 0
            for index in 0...bytes.count {
                let byte: UInt8 = index == bytes.count ? 10 : bytes[index]
                guard byte == 10 || byte == 9 else { continue }
                lines[lines.count - 1].append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                if byte == 10, index < bytes.count { lines.append([]) }
                start = index + 1
            }
        }
        return lines
    }

    private static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\\") }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar == "\\" {
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count == 1 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func unescape(_ field: String) -> String {
        guard field.utf8.contains(UInt8(ascii: "\\")) else { return field }
        var out = ""
        var scalars = field.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else {
                out.unicodeScalars.append(scalar)
                continue
            }
            // `\x` then two hexadecimal digits; anything else is dropped.
            guard scalars.next() == "x", let high = scalars.next(), let low = scalars.next(),
                  let value = UInt32(String(high) + String(low), radix: 16), let decoded = Unicode.Scalar(value) else { continue }
            out.unicodeScalars.append(decoded)
        }
        return out
    }

    private static func optional(_ value: String?) -> String { value.map { "+" + $0 } ?? "-" }

    /// nil: not an optional field; .some(nil): absent.
    private static func optional(_ field: String) -> String?? {
        if field == "-" { return .some(nil) }
        guard field.first == "+" else { return nil }
        return .some(String(field.dropFirst()))
    }

    private static func list(_ items: [String]) -> String {
        items.map { "+" + escape($0) }.joined(separator: "\u{1F}")
    }

    private static func list(_ field: String) -> [String]? {
        guard !field.isEmpty else { return [] }
        var items: [String] = []
        // By bytes: U+001F and `+` are single bytes in UTF-8 and never part of another character.
        for item in field.utf8.split(separator: 0x1F, omittingEmptySubsequences: false) {
            guard item.first == UInt8(ascii: "+") else { return nil }
            items.append(unescape(String(decoding: item.dropFirst(), as: UTF8.self)))
        }
        return items
    }
}
