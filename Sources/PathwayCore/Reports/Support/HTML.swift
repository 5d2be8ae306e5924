/// Markup for an HTML report, escaped by construction: text interpolated into an `HTML` value
/// is escaped (``escape(_:)``, private to this type) unless it is `HTML` itself, and the only way to make
/// markup from a `String` without escaping it is ``trusted(_:)``, which says so where it is used.
///
///     let cell: HTML = "\(learner.profile)<br><span class=\"meta\">\(learner.source)</span>"
///
/// The literal parts are the program's own markup; `profile` and `source`, whatever they hold,
/// end up as text.
struct HTML: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup.
    let markup: String

    var description: String { markup }

    /// Whether there is no markup at all.
    var isEmpty: Bool { markup.isEmpty }

    /// The program's own markup.
    init(stringLiteral value: String) { markup = value }

    init(stringInterpolation: StringInterpolation) { markup = stringInterpolation.markup }

    private init(markup: String) { self.markup = markup }

    /// `text` escaped, as markup that shows it.
    static func text(_ text: String) -> HTML { HTML(markup: escape(text)) }

    /// Plain text as paragraphs: blank lines separate paragraphs and single newlines become
    /// line breaks. The text is escaped; no markup in it is interpreted.
    static func paragraphs(_ text: String) -> HTML {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let blocks = normalized.components(separatedBy: "\n\n")
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
        return blocks.map { block -> HTML in
            "<p>" + block.split(separator: "\n", omittingEmptySubsequences: false)
                .map { HTML.text(String($0)) }.joined(separator: "<br>") + "</p>"
        }.joined(separator: "\n")
    }

    /// Markup built elsewhere and known to be safe (already escaped, or the program's own).
    static func trusted(_ markup: String) -> HTML { HTML(markup: markup) }

    static func + (a: HTML, b: HTML) -> HTML { HTML(markup: a.markup + b.markup) }

    static func += (a: inout HTML, b: HTML) { a = a + b }

    struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity) }

        mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Markup is kept as it is.
        mutating func appendInterpolation(_ html: HTML) { markup += html.markup }

        /// Any other value is text, and is escaped.
        mutating func appendInterpolation<T>(_ value: T) { markup += HTML.escape(String(describing: value)) }
    }

    /// `text` safe inside an element or a double- or single-quoted attribute: `& < > " '`
    /// become character references, and control characters other than tab, newline and
    /// carriage return (which HTML forbids) become U+FFFD. Private: everything outside this
    /// type gets escaping through interpolation or ``text(_:)``, never by hand.
    private static func escape(_ text: String) -> String {
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
}

extension Sequence where Element == HTML {
    /// The markups one after another, with `separator` (markup) between them.
    func joined(separator: HTML = "") -> HTML {
        .trusted(map(\.markup).joined(separator: separator.markup))
    }
}
