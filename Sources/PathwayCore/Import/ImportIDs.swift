import Foundation

/// Stable ids for imported modules, lessons and steps.
///
/// An id is the pack id, a dash and the slug of a title (`quiz-capital-of-canada`); a question
/// without a title gets a hash of its text instead (`quiz-q3f2a9c01`), so importing the same file
/// again gives the same ids and keeps learners' progress. A repeated id gets `-2`, `-3`, …
struct ImportIDs {
    /// The id prefix: the pack id, shortened so that suffixes fit in 64 characters.
    let prefix: String
    private var used: Set<String> = []

    /// Room kept for a duplicate suffix such as `-12`.
    private static let suffixRoom = 4

    init(packID: String) {
        prefix = Self.trimmed(String(packID.prefix(40)))
    }

    /// A new unique id from `title` when it has letters or digits, else from a hash of `text`.
    mutating func make(title: String?, text: String) -> String {
        let slug = title.map { Self.slug($0, maximumLength: Identifier.maximumLength) } ?? ""
        return make(slug: slug.isEmpty ? "q" + Self.hash(text) : slug)
    }

    /// A new unique id from a slug (already lowercase letters, digits and dashes).
    mutating func make(slug: String) -> String {
        let room = Identifier.maximumLength - prefix.count - 1 - Self.suffixRoom
        return unique(prefix + "-" + Self.trimmed(String(slug.prefix(max(room, 1)))))
    }

    /// `base`, or `base-2`, `base-3`, … when it is already used.
    private mutating func unique(_ base: String) -> String {
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// `id` itself, marked as used (an id the author chose; it is not changed).
    mutating func make(exactly id: String) -> String {
        used.insert(id)
        return id
    }

    /// A new unique id made of `parent`, a dash and `slug`, shortened to leave room for a suffix.
    mutating func make(under parent: String, slug: String) -> String {
        let room = Identifier.maximumLength - Self.suffixRoom
        return unique(Self.trimmed(String((parent + "-" + slug).prefix(room))))
    }

    /// Lowercase ASCII letters and digits with single dashes between words; accents are
    /// removed (`Café au lait` gives `cafe-au-lait`); other scripts are dropped.
    static func slug(_ text: String, maximumLength: Int) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            let isWordCharacter = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isWordCharacter {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
                if out.count >= maximumLength { break }
            } else {
                pendingDash = true
            }
        }
        return trimmed(String(out.prefix(maximumLength)))
    }

    /// Eight hex digits of the 64-bit FNV-1a hash of `text`'s UTF-8 bytes: the same on every
    /// machine and every run, unlike `Hasher`.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        let hex = String(value >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    private static func trimmed(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last == "-" || last == "." || last == "_" { result = result.dropLast() }
        return String(result)
    }
}
