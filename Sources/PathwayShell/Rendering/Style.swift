/// Terminal styling, on only for a colour-capable terminal and never with `NO_COLOR` set.
public struct Style: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// Colour when `isTTY`, `TERM` is not `dumb`, and `NO_COLOR` is absent or empty.
    public static func detect(isTTY: Bool, environment: [String: String]) -> Style {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        return Style(enabled: isTTY && !noColor && environment["TERM"] != "dumb")
    }

    public static let plain = Style(enabled: false)

    func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func italic(_ text: String) -> String { wrap(text, "3") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }
}
