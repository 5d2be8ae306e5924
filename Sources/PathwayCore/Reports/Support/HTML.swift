/// Markup for an HTML report, escaped by construction: text interpolated into an `HTML` value
/// is escaped (``HTMLText/escape(_:)``) unless it is `HTML` itself, and the only way to make
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

    /// The program's own markup.
    init(stringLiteral value: String) { markup = value }

    init(stringInterpolation: StringInterpolation) { markup = stringInterpolation.markup }

    private init(markup: String) { self.markup = markup }

    /// `text` escaped, as markup that shows it.
    static func text(_ text: String) -> HTML { HTML(markup: HTMLText.escape(text)) }

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
        mutating func appendInterpolation<T>(_ value: T) { markup += HTMLText.escape(String(describing: value)) }
    }
}

extension Sequence where Element == HTML {
    /// The markups one after another, with `separator` (markup) between them.
    func joined(separator: HTML = "") -> HTML {
        .trusted(map(\.markup).joined(separator: separator.markup))
    }
}
