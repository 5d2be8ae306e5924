/// Writes CSV as RFC 4180 describes it: records end with CRLF, and a field holding a comma,
/// a double quote, a CR or an LF (or starting or ending with a space) is enclosed in double
/// quotes with its quotes doubled.
///
/// Every CSV Pathway writes goes through here, and every text cell is guarded against formula
/// injection by default (OWASP, "CSV Injection"): a cell starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return gets a leading `'`, so a spreadsheet shows it as text instead of
/// running it. Numbers the program writes itself are ``CSVCell/number(_:)`` cells and are never
/// changed. ``Formulas/exact`` keeps text byte for byte, for a round trip into another program.
public struct CSVWriter: Sendable {
    /// Whether text cells that a spreadsheet would run as formulas are guarded.
    public enum Formulas: Sendable {
        /// A leading `'` on text cells starting with `=`, `+`, `-`, `@`, tab or CR.
        case guarded
        /// Text is kept exactly (a spreadsheet may run an answer starting with `=`).
        case exact
    }

    /// The CSV written so far.
    public private(set) var text = ""
    public let formulas: Formulas

    public init(formulas: Formulas = .guarded) { self.formulas = formulas }

    /// Appends one record.
    public mutating func row(_ cells: [CSVCell]) {
        text += cells.map { cell in
            switch cell {
            case let .text(value): Self.field(formulas == .guarded ? Self.guarded(value) : value)
            case let .number(value): Self.field(value)
            }
        }.joined(separator: ",") + "\r\n"
    }

    /// Appends one record of text cells.
    public mutating func row(_ texts: [String]) { row(texts.map(CSVCell.text)) }

    /// One field, quoted when it needs to be.
    public static func field(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `value` with a leading `'` when a spreadsheet would take it for a formula.
    public static func guarded(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, formulaStarts.contains(first) else { return value }
        return "'" + value
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}

/// One cell of a CSV record.
public enum CSVCell: Sendable, Equatable, ExpressibleByStringLiteral {
    /// Text from a person or a file: guarded against formulas unless the writer is exact.
    case text(String)
    /// A number the program formatted itself: written as it is.
    case number(String)

    public init(stringLiteral value: String) { self = .text(value) }

    public static func integer(_ value: Int) -> CSVCell { .number(String(value)) }
}
