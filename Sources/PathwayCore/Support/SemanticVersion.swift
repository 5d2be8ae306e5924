/// A semantic version `MAJOR.MINOR.PATCH[-prerelease][+build]` (Semantic Versioning 2.0.0).
public struct SemanticVersion: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int
    public var prerelease: [String]

    public init(_ major: Int, _ minor: Int, _ patch: Int, prerelease: [String] = []) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
    }

    /// Parses `text`, or returns nil when it is not a semantic version: numbers without leading
    /// zeros that fit in an `Int`, pre-release identifiers of `[0-9A-Za-z-]` whose numeric ones
    /// have no leading zero (`rc.1`, not `rc.01`).
    public init?(_ text: String) {
        if let (major, minor, patch) = Self.plainRelease(text) {
            self.init(major, minor, patch)
            return
        }
        var core = Substring(text)
        if let plus = core.firstIndex(of: "+") {
            let build = core[core.index(after: plus)...].split(separator: ".", omittingEmptySubsequences: false)
            guard build.allSatisfy({ !$0.isEmpty && $0.allSatisfy(Self.isIdentifierCharacter) }) else { return nil }
            core = core[..<plus]
        }
        var pre: [String] = []
        if let dash = core.firstIndex(of: "-") {
            let identifiers = core[core.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false)
            for identifier in identifiers {
                guard !identifier.isEmpty, identifier.allSatisfy(Self.isIdentifierCharacter) else { return nil }
                if identifier.allSatisfy(\.isASCIIDigit), identifier.count > 1, identifier.hasPrefix("0") { return nil }
                pre.append(String(identifier))
            }
            core = core[..<dash]
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard let n = Self.number(part) else { return nil }
            numbers.append(n)
        }
        self.init(numbers[0], numbers[1], numbers[2], prerelease: pre)
    }

    /// The numbers of a plain `MAJOR.MINOR.PATCH` (no leading zeros, at most 18 digits each),
    /// read byte by byte; nil for anything else, which the full parser then reads. (Every pack
    /// index holds versions, and the full parser's splitting cost more than the rest of reading
    /// a version.)
    private static func plainRelease(_ text: String) -> (Int, Int, Int)? {
        var numbers = (0, 0, 0)
        var part = 0, value = 0, digits = 0, leadingZero = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard !leadingZero, digits < 18 else { return nil }
                leadingZero = digits == 0 && byte == UInt8(ascii: "0")
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "."):
                guard digits > 0, part < 2 else { return nil }
                if part == 0 { numbers.0 = value } else { numbers.1 = value }
                part += 1
                value = 0
                digits = 0
                leadingZero = false
            default:
                return nil
            }
        }
        guard part == 2, digits > 0 else { return nil }
        numbers.2 = value
        return numbers
    }

    /// A version number: ASCII digits, no leading zero, small enough for an `Int`.
    static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), text == "0" || !text.hasPrefix("0") else { return nil }
        return Int(text)
    }

    private static func isIdentifierCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-")
    }

    public var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.isEmpty ? "" : "-" + prerelease.joined(separator: "."))
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        // A pre-release sorts before its release.
        switch (lhs.prerelease.isEmpty, rhs.prerelease.isEmpty) {
        case (true, true): return false
        case (true, false): return false
        case (false, true): return true
        case (false, false):
            for (a, b) in zip(lhs.prerelease, rhs.prerelease) where a != b {
                let aNumeric = a.allSatisfy(\.isASCIIDigit), bNumeric = b.allSatisfy(\.isASCIIDigit)
                switch (aNumeric, bNumeric) {
                // Numeric identifiers compare as numbers of any length (no leading zeros).
                case (true, true): return a.count != b.count ? a.count < b.count : a < b
                case (true, false): return true
                case (false, true): return false
                case (false, false): return a < b
                }
            }
            return lhs.prerelease.count < rhs.prerelease.count
        }
    }
}

extension Character {
    /// `0`–`9` only (not other scripts' digits or superscripts).
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
