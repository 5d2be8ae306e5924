import Foundation

/// Decodes progress files quickly for cohort reports, where a thousand files may hold half a
/// million dates: timestamps in the store's own format (`2026-01-05T09:00:00Z`) are read
/// directly, anything else goes through Foundation's ISO 8601 parser.
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

    /// The date in `text`: `YYYY-MM-DDTHH:MM:SSZ` fast, other ISO 8601 forms the slow way.
    static func parseDate(_ text: String) -> Date? {
        var text = text
        let fast = text.withUTF8 { u -> Date? in
            guard u.count == 20, u[4] == 0x2D, u[7] == 0x2D, u[10] == 0x54, u[13] == 0x3A, u[16] == 0x3A, u[19] == 0x5A else { return nil }
            func number(_ from: Int, _ to: Int) -> Int? {
                var value = 0
                for index in from..<to {
                    let digit = Int(u[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 7), let day = number(8, 10), let hour = number(11, 13),
                  let minute = number(14, 16), let second = number(17, 19),
                  (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
            // Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
            let y = year - (month <= 2 ? 1 : 0)
            let era = (y >= 0 ? y : y - 399) / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            let days = era * 146_097 + dayOfEra - 719_468
            return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
        }
        if let fast { return fast }
        return (try? Date.ISO8601FormatStyle().parse(text))
            ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
    }
}
