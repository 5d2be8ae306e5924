/// An address a report may link to: `http://` or `https://` with a host, and only characters
/// an address may hold unencoded (RFC 3986), so no `javascript:` or `data:` address, no
/// quote, space, angle bracket or control character, ever becomes a link.
struct WebAddress: Sendable, Equatable, CustomStringConvertible {
    let description: String

    /// Characters allowed besides ASCII letters and digits: RFC 3986's unreserved, reserved
    /// and `%` (for percent-encoding).
    private static let punctuation = Set("-._~:/?#[]@!$&'()*+,;=%")

    init?(_ text: String) {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return nil
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty, text.count <= 2_048,
              text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || Self.punctuation.contains($0)) })
        else { return nil }
        description = text
    }
}
