/// Renders a pack's Markdown (see ``PackMarkdown``) into a report, resolving inline citations
/// against the report's references, and keeps the works it cited for the reference list at
/// the end.
///
/// In HTML a citation is "(Zinkevich 2016)" with the name linked to the work's address, or to
/// its entry in the reference list when it has no web address (only `http` and `https`
/// addresses are ever linked, see ``WebAddress``). In Markdown it is the same text, unlinked. A
/// key no reference matches is shown as "(source not listed)", never as the raw `[@key]`.
/// One value renders one document: it is a class so that every part of the document adds to
/// the same list.
final class ReportCitations {
    /// What an unknown key is shown as.
    static let unknown = "source not listed"

    private let references: [String: [String: Reference]]
    /// The works cited so far, in the order first cited.
    private(set) var cited: [CitedReference] = []
    private var citedKeys: Set<String> = []

    init(_ references: [CitedReference]) {
        var byPack: [String: [String: Reference]] = [:]
        for entry in references where byPack[entry.pack]?[entry.reference.key] == nil {
            byPack[entry.pack, default: [:]][entry.reference.key] = entry.reference
        }
        self.references = byPack
    }

    /// The id of the list entry for `key` of `pack`. A key never holds `_` (lowercase letters,
    /// digits and `-`), so the last `_` parts the two and no two packs' entries share an id.
    static func anchor(pack: String, key: String) -> String { "ref-\(pack)_\(key)" }

    private func resolve(pack: String, key: String) -> Reference? {
        guard let reference = references[pack]?[key] else { return nil }
        if citedKeys.insert(pack + "\u{0}" + key).inserted { cited.append(CitedReference(pack: pack, reference: reference)) }
        return reference
    }

    // MARK: HTML

    /// `markdown` as HTML blocks (paragraphs and lists); `lead` opens the first paragraph.
    func html(blocks markdown: String, pack: String, lead: HTML? = nil) -> HTML {
        var html: HTML = ""
        var lead = lead
        for block in PackMarkdown.blocks(markdown) {
            switch block {
            case let .paragraph(inline):
                html += "<p>\(lead.map { $0 + " " } ?? "")\(self.html(inline, pack: pack))</p>\n"
                lead = nil
            case let .bullets(items):
                if let first = lead { html += "<p>\(first)</p>\n"; lead = nil }
                html += "<ul>" + items.map { item -> HTML in "<li>\(self.html(item, pack: pack))</li>" }.joined() + "</ul>\n"
            case let .numbered(start, items):
                if let first = lead { html += "<p>\(first)</p>\n"; lead = nil }
                let startAttribute: HTML = start == 1 ? "" : " start=\"\(start)\""
                html += "<ol\(startAttribute)>" + items.map { item -> HTML in "<li>\(self.html(item, pack: pack))</li>" }.joined() + "</ol>\n"
            }
        }
        if let lead { html += "<p>\(lead)</p>\n" }
        return html
    }

    /// `markdown` on one line, cut to about `limit` characters when one is given.
    func html(line markdown: String, pack: String, limit: Int? = nil) -> HTML {
        let inline = PackMarkdown.oneLine(markdown)
        return html(limit.map { PackMarkdown.truncated(inline, to: $0) } ?? inline, pack: pack)
    }

    func html(_ inline: [PackMarkdown.Inline], pack: String) -> HTML {
        inline.map { item -> HTML in
            switch item {
            case let .text(text): return "\(text)"
            case let .strong(inner): return "<strong>\(html(inner, pack: pack))</strong>"
            case let .emphasis(inner): return "<em>\(html(inner, pack: pack))</em>"
            case let .code(text): return "<code>\(text)</code>"
            case let .citation(keys): return citationHTML(keys, pack: pack)
            }
        }.joined()
    }

    private func citationHTML(_ keys: [String], pack: String) -> HTML {
        let parts = keys.map { key -> HTML in
            guard let reference = resolve(pack: pack, key: key) else { return "\(Self.unknown)" }
            if let address = reference.url.flatMap(WebAddress.init) {
                return "<a class=\"cite\" href=\"\(address.description)\">\(reference.shortCitation)</a>"
            }
            return "<a class=\"cite\" href=\"#\(Self.anchor(pack: pack, key: key))\">\(reference.shortCitation)</a>"
        }
        return "(" + parts.joined(separator: "; ") + ")"
    }

    /// The reference list: every work cited so far, in full, sorted by its citation; empty
    /// when nothing was cited.
    func htmlList(headingLevel: Int = 2) -> HTML {
        guard !cited.isEmpty else { return "" }
        let h = HTML.trusted("h\(headingLevel)")
        var html: HTML = "<section id=\"references\" aria-labelledby=\"references-h\"><\(h) id=\"references-h\">References</\(h)>\n<ol class=\"references\">"
        for entry in sortedCited {
            let reference = entry.reference
            let link: HTML = reference.url.flatMap(WebAddress.init).map { address -> HTML in
                " <a href=\"\(address.description)\">\(address.description)</a>"
            } ?? ""
            html += "<li id=\"\(Self.anchor(pack: entry.pack, key: reference.key))\">\(reference.fullCitation)\(link)</li>\n"
        }
        return html + "</ol></section>\n"
    }

    private var sortedCited: [CitedReference] {
        cited.sorted { $0.reference.fullCitation.lowercased() < $1.reference.fullCitation.lowercased() }
    }

    // MARK: Plain text

    /// `markdown` on one line as plain text (for chart labels): emphasis marks dropped,
    /// citations as "(Zinkevich 2016)", cut to about `limit` characters.
    func plain(line markdown: String, pack: String, limit: Int) -> String {
        func text(_ inline: [PackMarkdown.Inline]) -> String {
            inline.map { item -> String in
                switch item {
                case let .text(value), let .code(value): return value
                case let .strong(inner), let .emphasis(inner): return text(inner)
                case let .citation(keys):
                    return "(" + keys.map { resolve(pack: pack, key: $0)?.shortCitation ?? Self.unknown }.joined(separator: "; ") + ")"
                }
            }.joined()
        }
        return text(PackMarkdown.truncated(PackMarkdown.oneLine(markdown), to: limit))
    }

    // MARK: Markdown

    /// `markdown` as Markdown blocks, with every text escaped and citations as "(Author Year)".
    func markdown(blocks markdown: String, pack: String) -> [String] {
        var lines: [String] = []
        for block in PackMarkdown.blocks(markdown) {
            if !lines.isEmpty { lines.append("") }
            switch block {
            case let .paragraph(inline): lines.append(self.markdown(inline, pack: pack))
            case let .bullets(items): lines += items.map { "- " + self.markdown($0, pack: pack) }
            case let .numbered(start, items):
                lines += items.enumerated().map { "\(start + $0.offset). " + self.markdown($0.element, pack: pack) }
            }
        }
        return lines
    }

    /// `inline` as Markdown; `inTable` for a table cell, where a `|` even in code must be
    /// escaped (GitHub-flavoured Markdown) or it would end the cell.
    func markdown(_ inline: [PackMarkdown.Inline], pack: String, inTable: Bool = false) -> String {
        inline.map { item -> String in
            switch item {
            case let .text(text): return MarkdownText.inline(text)
            case let .strong(inner): return "**" + markdown(inner, pack: pack, inTable: inTable) + "**"
            case let .emphasis(inner): return "*" + markdown(inner, pack: pack, inTable: inTable) + "*"
            case let .code(text):
                var text = text.replacingOccurrences(of: "\n", with: " ")
                if inTable { text = text.replacingOccurrences(of: "|", with: "\\|") }
                return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`"
            case let .citation(keys):
                return "(" + keys.map { key in
                    resolve(pack: pack, key: key).map { MarkdownText.inline($0.shortCitation) } ?? Self.unknown
                }.joined(separator: "; ") + ")"
            }
        }.joined()
    }

    /// The reference list as Markdown lines (a heading and one item per work), or nothing.
    func markdownList(heading: String = "## References") -> [String] {
        guard !cited.isEmpty else { return [] }
        return [heading, ""] + sortedCited.map { entry in
            "- " + MarkdownText.inline(entry.reference.fullCitation)
                + (entry.reference.url.flatMap(WebAddress.init).map { " <\($0.description)>" } ?? "")
        } + [""]
    }
}
