import Foundation

/// Numbers, dates and durations written the same way by every format.
public enum ReportText {
    /// `value` with at most `places` decimals and no trailing zeros (`12.5`, `3`).
    public static func decimal(_ value: Double, places: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        let scale = pow(10, Double(places))
        let rounded = (value * scale).rounded() / scale
        return NumberInput.format(rounded)
    }

    /// `value` rounded to the hundredth, so that sums taken in any order print the same.
    public static func hundredths(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return (value * 100).rounded() / 100
    }

    /// A share as a whole percentage (`80%`), or `–` when there is nothing to measure.
    public static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "–" }
        return "\(Int((min(max(share, -1e6), 1e6) * 100).rounded()))%"
    }

    /// Seconds as a short reading: `45 s`, `12 min`, `2 h 5 min` (within ± 100 years).
    public static func minutes(_ seconds: Double) -> String {
        let seconds = seconds.isFinite ? min(max(seconds, 0), 3_153_600_000) : 0
        if seconds < 60 { return "\(Int(seconds.rounded())) s" }
        let minutes = Int((seconds / 60).rounded())
        if minutes < 60 { return "\(minutes) min" }
        return "\(minutes / 60) h \(minutes % 60) min"
    }

    /// An ISO 8601 / RFC 3339 UTC timestamp with milliseconds: `2026-01-02T10:11:12.345Z`.
    public static func timestamp(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        let seconds = Int((milliseconds / 1000).rounded(.down))
        let millis = Int(milliseconds) - seconds * 1000
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                       from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return pad(parts.year ?? 0, 4) + "-" + pad(parts.month ?? 0, 2) + "-" + pad(parts.day ?? 0, 2)
            + "T" + pad(parts.hour ?? 0, 2) + ":" + pad(parts.minute ?? 0, 2) + ":" + pad(parts.second ?? 0, 2)
            + "." + pad(millis, 3) + "Z"
    }

    /// The day of `date` in `timeZone` for a reader: `2 January 2026`.
    public static func readableDate(_ date: Date, in timeZone: TimeZone) -> String {
        let parts = calendar(timeZone).dateComponents([.year, .month, .day], from: date)
        return "\(parts.day ?? 1) \(monthNames[((parts.month ?? 1) - 1) % 12]) \(parts.year ?? 0)"
    }

    /// The day and minute of `date` in `timeZone` for a reader, with the zone:
    /// `2 January 2026, 10:11 (Europe/Paris)`; `UTC` for UTC.
    public static func readableDateTime(_ date: Date, in timeZone: TimeZone) -> String {
        let parts = calendar(timeZone).dateComponents([.hour, .minute], from: date)
        let id = timeZone.identifier
        let zone = timeZone.secondsFromGMT(for: date) == 0 && (id.contains("UTC") || id.contains("GMT")) ? "UTC" : id
        return "\(readableDate(date, in: timeZone)), \(pad(parts.hour ?? 0, 2)):\(pad(parts.minute ?? 0, 2)) (\(zone))"
    }

    /// The time zone a report names by `identifier`, or UTC when no such zone is known.
    public static func timeZone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier) ?? utc.timeZone
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The calendar day of `date` in `calendar`'s time zone: `2026-01-02`.
    public static func day(_ date: Date, in calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return pad(parts.year ?? 0, 4) + "-" + pad(parts.month ?? 0, 2) + "-" + pad(parts.day ?? 0, 2)
    }

    /// An ISO 8601 duration to the hundredth of a second, as xAPI requires: `PT12.5S`,
    /// `PT1M5S`, `PT2H0M3.25S` (hours and minutes only when needed), `PT0S` for zero.
    public static func duration(_ seconds: Double) -> String {
        let hundredths = seconds.isFinite ? Int((min(max(seconds, 0), 3_153_600_000) * 100).rounded()) : 0
        let hours = hundredths / 360_000
        let minutes = (hundredths / 6_000) % 60
        let rest = hundredths % 6_000
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 || hours > 0 { text += "\(minutes)M" }
        if rest > 0 || (hours == 0 && minutes == 0) {
            text += "\(rest / 100)"
            if rest % 100 != 0 {
                var fraction = pad(rest % 100, 2)
                if fraction.hasSuffix("0") { fraction.removeLast() }
                text += "." + fraction
            }
            text += "S"
        }
        return text
    }

    /// The seconds of a duration as ``duration(_:)`` writes it (`PT1H2M3.45S`), or nil: how a
    /// cohort read from an LRS gets a decision's time back.
    public static func seconds(ofDuration duration: String) -> Double? {
        guard duration.hasPrefix("PT") else { return nil }
        var total = 0.0, number = ""
        for character in duration.dropFirst(2) {
            switch character {
            case "0"..."9", ".": number.append(character)
            case "H", "M", "S":
                guard let value = Double(number) else { return nil }
                total += value * (character == "H" ? 3_600 : character == "M" ? 60 : 1)
                number = ""
            default: return nil
            }
        }
        return number.isEmpty ? total : nil
    }

    /// A Gregorian calendar in UTC.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
