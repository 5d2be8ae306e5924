/// Turns the HTML of an imported question into Pathway's Markdown text: paragraphs and line
/// breaks, lists, bold, italic and code are kept; links keep their address; scripts, styles and
/// comments are removed; images and other media, which a terminal cannot show, become a
/// bracketed note and are reported. Entities are decoded. Nothing in the HTML is ever run.
enum HTMLToMarkdown {
    /// The text, and one message per construct that could not be carried over.
    static func convert(_ html: String) -> (text: String, unsupported: [String]) {
        var converter = Converter(Array(html))
        converter.run()
        return (tidy(converter.out), converter.unsupported)
    }

    /// Whether text in Moodle's default format holds HTML tags that should be converted.
    static func looksLikeHTML(_ text: String) -> Bool {
        let lower = text.lowercased()
        return knownTags.contains { lower.contains("<\($0)>") || lower.contains("<\($0) ") || lower.contains("</\($0)>") || lower.contains("<\($0)/>") }
    }

    private static let knownTags = ["p", "br", "b", "i", "em", "strong", "u", "ul", "ol", "li", "code", "pre", "div", "span",
                                    "img", "a", "sub", "sup", "h1", "h2", "h3", "h4", "table", "tr", "td", "blockquote", "audio", "video"]

    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "times": "×", "divide": "÷", "deg": "°", "plusmn": "±", "le": "≤", "ge": "≥", "ne": "≠", "euro": "€",
        "copy": "©", "reg": "®", "eacute": "é", "egrave": "è", "agrave": "à", "ccedil": "ç", "uuml": "ü",
        "ouml": "ö", "auml": "ä", "szlig": "ß", "middot": "·", "bull": "•", "rarr": "→", "larr": "←",
    ]

    /// Collapses blank lines and spaces left by removed tags.
    private static func tidy(_ text: String) -> String {
        var out: [String] = []
        var inCode = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if raw == "```" { inCode.toggle() }
            if inCode && raw != "```" { out.append(String(raw)); continue }
            let line = raw.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            if line.isEmpty, out.last?.isEmpty ?? true { continue }
            out.append(line)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }

    private struct Converter {
        let input: [Character]
        var index = 0
        var out = ""
        var unsupported: [String] = []
        var preformatted = 0
        var links: [String?] = []

        init(_ input: [Character]) { self.input = input }

        mutating func run() {
            while index < input.count {
                let c = input[index]
                if c == "<", let end = tagEnd() {
                    let body = String(input[(index + 1)..<end])
                    index = end + 1
                    tag(body)
                } else if c == "&" {
                    entity()
                } else if c.isWhitespace && preformatted == 0 {
                    if !(out.last?.isWhitespace ?? true) { out.append(" ") }
                    index += 1
                } else {
                    out.append(c)
                    index += 1
                }
            }
        }

        /// The index of the `>` closing a tag that starts at `index`, if it is a tag.
        func tagEnd() -> Int? {
            guard index + 1 < input.count else { return nil }
            let next = input[index + 1]
            guard next.isLetter || next == "/" || next == "!" else { return nil }
            if input[(index + 1)...].starts(with: "!--") {
                var i = index + 4
                while i + 2 < input.count {
                    if input[i] == "-" && input[i + 1] == "-" && input[i + 2] == ">" { return i + 2 }
                    i += 1
                }
                return input.count - 1
            }
            return input[index...].firstIndex(of: ">")
        }

        mutating func tag(_ body: String) {
            if body.hasPrefix("!") { return }
            let closing = body.hasPrefix("/")
            let content = closing ? String(body.dropFirst()) : body
            let name = String(content.prefix { $0.isLetter || $0.isNumber }).lowercased()
            switch name {
            case "script", "style":
                if !closing { skipContent(until: name); unsupported.append("a <\(name)> element was removed") }
            case "br": out.append("\n")
            case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "blockquote":
                out.append("\n\n")
            case "pre":
                out.append(closing ? "\n```\n\n" : "\n\n```\n")
                preformatted += closing ? -1 : 1
                preformatted = max(preformatted, 0)
            case "li": if !closing { out.append("\n- ") }
            case "td", "th": out.append(" ")
            case "b", "strong": out.append("**")
            case "i", "em": out.append("*")
            case "code", "tt", "kbd": out.append("`")
            case "a":
                if closing {
                    if let href = links.popLast() ?? nil { out.append(" (\(href))") }
                } else {
                    let href = attribute("href", in: content)
                    links.append(href.flatMap { $0.hasPrefix("http://") || $0.hasPrefix("https://") ? $0 : nil })
                }
            case "img":
                let alt = attribute("alt", in: content) ?? ""
                let source = attribute("src", in: content) ?? "?"
                out.append(alt.isEmpty ? "[image]" : "[image: \(alt)]")
                unsupported.append("image '\(source)' cannot be shown in a terminal; it is replaced by \(alt.isEmpty ? "[image]" : "its alt text")")
            case "audio", "video", "object", "embed", "iframe", "source", "track", "svg", "canvas", "math":
                if !closing {
                    out.append("[\(name)]")
                    unsupported.append("<\(name)> media cannot be shown in a terminal; it is replaced by [\(name)]")
                }
            default:
                break
            }
        }

        /// Skips everything up to and including `</name>`.
        mutating func skipContent(until name: String) {
            let lower = input.map { Character($0.lowercased()) }
            let closing = Array("</\(name)")
            var i = index
            while i + closing.count <= lower.count {
                if Array(lower[i..<(i + closing.count)]) == closing, let end = lower[i...].firstIndex(of: ">") {
                    index = end + 1
                    return
                }
                i += 1
            }
            index = input.count
        }

        /// The value of `name="…"` (or '…', or bare) in a tag's body, entities decoded.
        func attribute(_ name: String, in tag: String) -> String? {
            let chars = Array(tag)
            let lower = chars.map { Character($0.lowercased()) }
            let key = Array(name + "=")
            var i = 0
            while i + key.count <= lower.count {
                let before = i == 0 ? " " : lower[i - 1]
                if before.isWhitespace, Array(lower[i..<(i + key.count)]) == key {
                    var j = i + key.count
                    guard j < chars.count else { return "" }
                    let quote = chars[j]
                    var value = ""
                    if quote == "\"" || quote == "'" {
                        j += 1
                        while j < chars.count, chars[j] != quote { value.append(chars[j]); j += 1 }
                    } else {
                        while j < chars.count, !chars[j].isWhitespace, chars[j] != "/" { value.append(chars[j]); j += 1 }
                    }
                    return HTMLToMarkdown.convert(value).text
                }
                i += 1
            }
            return nil
        }

        mutating func entity() {
            let rest = input[(index + 1)...].prefix(12)
            guard let semicolon = rest.firstIndex(of: ";") else { out.append("&"); index += 1; return }
            let name = String(input[(index + 1)..<semicolon])
            var decoded: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                decoded = HTMLToMarkdown.entities[name]
            }
            guard let decoded else { out.append("&"); index += 1; return }
            out += TerminalSafeText.sanitize(decoded)
            index = semicolon + 1
        }
    }
}
