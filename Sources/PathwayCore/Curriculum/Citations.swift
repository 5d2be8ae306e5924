/// Inline citations in Markdown text: `[@zinkevich-2016]`, or several as `[@a; @b]`.
///
/// The terminal shows them as "(Zinkevich 2016)"; HTML as the same text linked to the
/// reference's address.
public enum Citations {
    /// One citation found in a text.
    public struct Match: Sendable, Equatable {
        public var range: Range<String.Index>
        public var keys: [String]
    }

    /// Every citation in `text`, in order.
    public static func matches(in text: String) -> [Match] {
        var found: [Match] = []
        var search = text.startIndex
        while let open = opening(in: text, from: search) {
            // A key holds no bracket, so a `[` before the `]` ends this try: the search goes on
            // from there, and each character is looked at a bounded number of times.
            guard let end = text[open.upperBound...].firstIndex(where: { $0 == "]" || $0 == "[" }) else { break }
            guard text[end] == "]" else {
                search = end
                continue
            }
            let close = end
            let inside = text[text.index(after: open.lowerBound)..<close]
            let parts = inside.split(separator: ";").map { String($0).trimmingWhitespace() }
            let keys = parts.compactMap { part -> String? in
                guard part.hasPrefix("@") else { return nil }
                let key = String(part.dropFirst())
                return Reference.isKeyShaped(key) ? key : nil
            }
            if !keys.isEmpty, keys.count == parts.count {
                found.append(Match(range: open.lowerBound..<text.index(after: close), keys: keys))
                search = text.index(after: close)
            } else {
                search = open.upperBound
            }
        }
        return found
    }

    /// The next `[@` at or after `start`, found by bytes: every text of a pack passes through
    /// here when it loads, and most hold no citation at all.
    private static func opening(in text: String, from start: String.Index) -> Range<String.Index>? {
        let bytes = text.utf8
        var index = start
        while let bracket = bytes[index...].firstIndex(of: UInt8(ascii: "[")) {
            let next = bytes.index(after: bracket)
            if next < bytes.endIndex, bytes[next] == UInt8(ascii: "@") { return bracket..<bytes.index(after: next) }
            index = next
        }
        return nil
    }

    /// The keys cited in `text`, in order, with repeats.
    public static func keys(in text: String) -> [String] { matches(in: text).flatMap(\.keys) }

    /// `text` with each citation replaced by what `render` returns for its references (a key
    /// with no reference is passed as nil).
    public static func replace(in text: String, references: [String: Reference],
                               render: ([(key: String, reference: Reference?)]) -> String) -> String {
        let found = matches(in: text)
        guard !found.isEmpty else { return text }
        var result = ""
        var last = text.startIndex
        for match in found {
            result += text[last..<match.range.lowerBound]
            result += render(match.keys.map { ($0, references[$0]) })
            last = match.range.upperBound
        }
        result += text[last...]
        return result
    }

    /// Citations as plain text: "(Zinkevich 2016)", "(Zinkevich 2016; NIST 2023)".
    public static func plain(_ text: String, references: [String: Reference]) -> String {
        replace(in: text, references: references) { cited in
            "(" + cited.map { $0.reference?.shortCitation ?? $0.key }.joined(separator: "; ") + ")"
        }
    }
}
