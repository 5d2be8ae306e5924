import Foundation

/// The results section of a path files' index (``PathsIndexFile``): tab-separated lines read by
/// hand, as the packs' heads are (see ``PackIndexLine``), so that start-up decodes no JSON for
/// career paths. (JSONDecoder's first use, on the thread reading the library, cost about a
/// millisecond of processor time, more than reading the heads of thirty packs.)
///
/// Per file, in order: `E name`; then, when the file had problems, `X diagnostics` (their JSON,
/// decoded only then); when it gave a path, `P format id title description`, a line `T id title
/// pack modules requires sequential` per track, and for its career `C role source`, a line
/// `S title tracks portfolio advice` per step and `V id title skills` per level (skills as a
/// list of names and values, alternately). Optional fields are `-` or `+` and the text; lists
/// as ``PackIndexLine/list(in:)`` reads them; flags `0` or `1`.
enum PathsIndexLines {
    static func encode(_ entries: [PathsIndexFile.Entry]) -> Data? {
        var lines: [String] = []
        func line(_ fields: String...) { lines.append(fields.joined(separator: "\t")) }
        for entry in entries {
            line("E", text(entry.name))
            if !entry.diagnostics.isEmpty {
                guard let json = try? JSONEncoder().encode(entry.diagnostics) else { return nil }
                line("X", text(String(decoding: json, as: UTF8.self)))
            }
            guard let path = entry.path else { continue }
            line("P", String(path.format), text(path.id), text(path.title), optional(path.description))
            for track in path.tracks {
                line("T", text(track.id), text(track.title), text(track.pack), PackIndexLine.optionalField(track.modules.map(list)),
                     list(track.requires), flag(track.sequential))
            }
            guard let career = path.career else { continue }
            line("C", text(career.role), optional(career.source))
            for step in career.steps {
                line("S", text(step.title), list(step.tracks), flag(step.portfolio), optional(step.advice))
            }
            for level in career.levels {
                line("V", text(level.id), text(level.title), list(level.skills.keys.sorted().flatMap { [$0, String(level.skills[$0]!)] }))
            }
        }
        return Data(lines.joined(separator: "\n").utf8)
    }

    /// The entries in `data`; nil when anything in it is out of place.
    static func decode(_ data: Data) -> [PathsIndexFile.Entry]? {
        var entries: [PathsIndexFile.Entry] = []
        guard !data.isEmpty else { return entries }
        let complete = PackIndexLine.forEachLine(of: data) { line in
            if line.tag == UInt8(ascii: "E") {
                guard line.count == 2 else { return false }
                entries.append(PathsIndexFile.Entry(name: line.text(1), path: nil, diagnostics: []))
                return true
            }
            guard var entry = entries.popLast() else { return false }
            defer { entries.append(entry) }
            switch (line.tag, line.count) {
            case (UInt8(ascii: "X"), 2):
                guard entry.diagnostics.isEmpty, entry.path == nil,
                      let diagnostics = try? PackIndexFile.decoder.decode([PackDiagnostic].self, from: Data(line.text(1).utf8)) else { return false }
                entry.diagnostics = diagnostics
            case (UInt8(ascii: "P"), 5):
                guard entry.path == nil, let format = line.int(1), let description = line.optionalText(4) else { return false }
                entry.path = CareerPath(format: format, id: line.text(2), title: line.text(3), description: description, tracks: [], career: nil)
            case (UInt8(ascii: "T"), 7):
                guard entry.path?.career == nil, let modules = line.optional(4, line.list(in:)), let requires = line.list(5),
                      let sequential = flag(line, 6) else { return false }
                entry.path?.tracks.append(CareerPath.Track(id: line.text(1), title: line.text(2), pack: line.text(3), modules: modules,
                                                           requires: requires, sequential: sequential))
            case (UInt8(ascii: "C"), 3):
                guard entry.path != nil, entry.path?.career == nil, let source = line.optionalText(2) else { return false }
                entry.path?.career = CareerPath.Career(role: line.text(1), source: source, steps: [], levels: [])
            case (UInt8(ascii: "S"), 5):
                guard entry.path?.career?.levels.isEmpty == true, let tracks = line.list(2), let portfolio = flag(line, 3),
                      let advice = line.optionalText(4) else { return false }
                entry.path?.career?.steps.append(CareerPath.CareerStep(title: line.text(1), tracks: tracks, portfolio: portfolio, advice: advice))
            case (UInt8(ascii: "V"), 4):
                guard entry.path?.career != nil, let pairs = line.list(3), pairs.count % 2 == 0 else { return false }
                var skills: [String: Double] = [:]
                for index in stride(from: 0, to: pairs.count, by: 2) {
                    guard let value = Double(pairs[index + 1]), skills[pairs[index]] == nil else { return false }
                    skills[pairs[index]] = value
                }
                entry.path?.career?.levels.append(CareerPath.RoleLevel(id: line.text(1), title: line.text(2), skills: skills))
            default:
                return false
            }
            return true
        }
        return complete ? entries : nil
    }

    // MARK: Fields

    private static func text(_ value: String) -> String { PackIndexLine.escape(value) }

    private static func optional(_ value: String?) -> String { PackIndexLine.optionalField(value.map(PackIndexLine.escape)) }

    private static func list(_ items: [String]) -> String { PackIndexLine.listField(items) }

    private static func flag(_ value: Bool) -> String { value ? "1" : "0" }

    private static func flag(_ line: PackIndexLine, _ index: Int) -> Bool? {
        switch line.int(index) {
        case 0: false
        case 1: true
        default: nil
        }
    }
}
