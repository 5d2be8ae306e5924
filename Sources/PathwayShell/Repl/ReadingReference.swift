import PathwayCore

/// Finds the reading a hint or a "reread" pointer refers to, so it can be shown again rather
/// than named (the text may have scrolled away).
enum ReadingReference {
    struct Section {
        var heading: String?
        var paragraphs: [String]
    }

    /// The text steps before step `index` of `lesson`, nearest last.
    static func readings(in lesson: Lesson, before index: Int) -> [String] {
        lesson.steps.prefix(index).compactMap { ($0 as? TextStep)?.text }
    }

    /// The paragraph a hint points at ("the last paragraph of the text", "the first paragraph
    /// of "The hard parts""), or nil when it points at none.
    static func paragraph(for hint: String, readings: [String]) -> String? {
        let lower = hint.lowercased()
        let ordinals: [(String, Int)] = [("first", 0), ("second", 1), ("third", 2), ("fourth", 3), ("last", -1)]
        guard let ordinal = ordinals.first(where: { lower.contains("\($0.0) paragraph") })?.1,
              let nearest = readings.last else { return nil }
        let allSections = readings.flatMap(sections)
        let named = allSections.last { section in
            guard let heading = section.heading?.lowercased(), heading.count > 2 else { return false }
            return lower.contains(heading)
        }
        let paragraphs = named?.paragraphs ?? sections(of: nearest).flatMap(\.paragraphs)
        guard !paragraphs.isEmpty else { return nil }
        if ordinal < 0 { return paragraphs.last }
        return ordinal < paragraphs.count ? paragraphs[ordinal] : nil
    }

    /// A Markdown text's sections: the paragraphs under each heading.
    static func sections(of markdown: String) -> [Section] {
        var result = [Section(heading: nil, paragraphs: [])]
        var current: [String] = []
        func endParagraph() {
            if !current.isEmpty { result[result.count - 1].paragraphs.append(current.joined(separator: " ")) }
            current = []
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") {
                endParagraph()
                result.append(Section(heading: line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces), paragraphs: []))
            } else if line.isEmpty {
                endParagraph()
            } else {
                current.append(line)
            }
        }
        endParagraph()
        return result.filter { !$0.paragraphs.isEmpty }
    }

    /// A short way to name a reading: its first heading, else its first words.
    static func title(of markdown: String) -> String {
        if let heading = sections(of: markdown).compactMap(\.heading).first { return heading }
        let words = markdown.split(whereSeparator: \.isWhitespace).prefix(8).joined(separator: " ")
        return words + "…"
    }
}
