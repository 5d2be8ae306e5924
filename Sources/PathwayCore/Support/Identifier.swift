/// The rules for pack, module, lesson, step and profile ids.
public enum Identifier {
    /// The longest id accepted.
    public static let maximumLength = 64

    /// Whether `id` is a valid id: lowercase ASCII letters, digits, `-`, `_` and `.`,
    /// starting with a letter or digit, at most 64 characters.
    public static func isValid(_ id: String) -> Bool {
        guard let first = id.utf8.first, id.utf8.count <= maximumLength else { return false }
        guard isLowerOrDigit(first) else { return false }
        return id.utf8.allSatisfy { isLowerOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// A sentence saying what a valid id looks like, for error messages.
    public static let rule = "use lowercase letters, digits, '-', '_' or '.', start with a letter or digit, at most 64 characters"

    private static func isLowerOrDigit(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }
}
