/// Writes CSV as RFC 4180 describes it: records end with CRLF, and a field holding a comma,
/// a double quote, a CR or an LF (or starting or ending with a space) is enclosed in double
/// quotes with its quotes doubled. Text is kept exactly, so any answer survives a round trip.
public struct CSVWriter: Sendable {
    /// The CSV written so far.
    public private(set) var text = ""

    public init() {}

    /// Appends one record.
    public mutating func row(_ fields: [String]) {
        text += fields.map(Self.field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted when it needs to be.
    public static func field(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
