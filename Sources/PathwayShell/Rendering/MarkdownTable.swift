/// Renders a Markdown table (`| a | b |` rows, with a `|---|` rule under the header) as aligned
/// columns, or, when it does not fit the width, as one `header: cell` line per cell group.
struct MarkdownTable {
    var header: [String]
    var rows: [[String]]

    /// A table from its source lines, or nil if they are not one.
    init?(_ lines: [String]) {
        let parsed = lines.map(Self.cells)
        guard parsed.count >= 2, Self.isRule(parsed[1]) else { return nil }
        header = parsed[0]
        rows = Array(parsed.dropFirst(2))
    }

    static func isTableLine(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("|") && trimmed.count > 1
    }

    /// The cells of `| a | b \| c |`, with escaped bars kept as text.
    static func cells(_ line: String) -> [String] {
        var text = Substring(line.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("|") { text = text.dropFirst() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current.append("\\")
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { cells.append(last) }
        return cells
    }

    private static func isRule(_ cells: [String]) -> Bool {
        !cells.isEmpty && cells.allSatisfy { !$0.isEmpty && $0.allSatisfy { "-:".contains($0) } }
    }

    /// The table as terminal lines; `render` turns a cell's inline Markdown into text and
    /// `measure` counts its columns.
    func lines(width: Int, render: (String) -> String, measure: (String) -> Int, bold: (String) -> String) -> [String] {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        func cell(_ row: [String], _ index: Int) -> String { index < row.count ? render(row[index]) : "" }
        let renderedHeader = (0..<columns).map { cell(header, $0) }
        let renderedRows = rows.map { row in (0..<columns).map { cell(row, $0) } }
        var widths = [Int](repeating: 0, count: columns)
        for row in [renderedHeader] + renderedRows {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], measure(text)) }
        }
        let total = 2 + widths.reduce(0, +) + 2 * max(columns - 1, 0)
        let hasHeader = renderedHeader.contains { !$0.isEmpty }
        if total <= width {
            func line(_ row: [String]) -> String {
                "  " + row.enumerated().map { index, text in
                    index == columns - 1 ? text : text + String(repeating: " ", count: widths[index] - measure(text))
                }.joined(separator: "  ")
            }
            var out: [String] = []
            if hasHeader { out.append(bold(line(renderedHeader))) }
            out += renderedRows.map(line)
            return out.map { String($0.reversed().drop { $0 == " " }.reversed()) }
        }
        // Too wide: each row on its own, the first cell as a label and the others named.
        return renderedRows.map { row in
            let named = row.enumerated().dropFirst().filter { !$0.element.isEmpty }.map { index, text in
                hasHeader && !renderedHeader[index].isEmpty ? "\(renderedHeader[index]): \(text)" : text
            }
            return "  • " + ([row.first ?? ""] + (named.isEmpty ? [] : [named.joined(separator: "; ")])).filter { !$0.isEmpty }.joined(separator: " — ")
        }
    }
}
