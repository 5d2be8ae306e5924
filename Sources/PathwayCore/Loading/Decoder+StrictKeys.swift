/// A coding key for any string, used to list the keys a file actually has.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// Marks a decoder reading data Pathway wrote itself (the pack cache).
let trustedSourceKey = CodingUserInfoKey(rawValue: "pathway.trustedSource")!

extension Decoder {
    /// Throws when the mapping being decoded has a key that `Keys` does not list, so a typo
    /// such as `explaination` is reported instead of silently ignored.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
        try rejectUnknownKeys(Keys.allCases.map(\.stringValue))
    }

    /// Throws when the mapping has a key not in `names`. Skipped for Pathway's own compiled
    /// pack cache, which was checked when it was written.
    func rejectUnknownKeys(_ names: [String]) throws {
        if userInfo[trustedSourceKey] as? Bool == true { return }
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let known = Set(names)
        for key in container.allKeys where !known.contains(key.stringValue) {
            let expected = names.sorted().joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath + [key],
                debugDescription: "unknown key '\(key.stringValue)'; expected one of: \(expected)"
            ))
        }
    }
}
