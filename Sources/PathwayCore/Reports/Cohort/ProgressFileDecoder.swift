import Foundation

/// Decodes progress files quickly for cohort reports, where a thousand files may hold half a
/// million dates: timestamps in the store's own format (`2026-01-05T09:00:00Z`) are read
/// directly by ``ISO8601Text``, anything else goes through Foundation's ISO 8601 parser.
public enum ProgressFileDecoder {
    /// A decoder for one thread.
    static func make() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            if let date = parseDate(text) { return date }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an ISO 8601 date"))
        }
        return decoder
    }

    /// The date in an ISO 8601 `text`, or nil.
    public static func date(_ text: String) -> Date? { parseDate(text) }

    /// The date in `text`: the store's own form through ``ISO8601Text``, which reads it in place
    /// and hands other ISO 8601 forms to Foundation; fractions of a second are accepted too.
    static func parseDate(_ text: String) -> Date? {
        ISO8601Text.parse(text) ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
    }
}
