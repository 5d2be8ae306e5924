/// Escaping for text that goes into an HTML document or an inline SVG chart.
///
/// Everything that comes from packs or progress passes through ``escape(_:)`` before it is
/// written into markup, so a title such as `<script>` shows as text and never runs.
enum HTMLText {
    /// `text` safe inside an element or a double- or single-quoted attribute: `& < > " '`
    /// become character references, and control characters other than tab, newline and
    /// carriage return (which HTML forbids) become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            case "\t", "\n", "\r": out.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out.append("\u{FFFD}")
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// Plain text as paragraphs: blank lines separate paragraphs and single newlines become
    /// line breaks. The text is escaped; no markup in it is interpreted.
    static func paragraphs(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let blocks = normalized.components(separatedBy: "\n\n")
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
        return blocks.map { block in
            "<p>" + block.split(separator: "\n", omittingEmptySubsequences: false)
                .map { escape(String($0)) }.joined(separator: "<br>") + "</p>"
        }.joined(separator: "\n")
    }
}
