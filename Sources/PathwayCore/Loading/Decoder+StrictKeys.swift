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

extension Decoder {
    /// Throws when the mapping being decoded has a key that `Keys` does not list, so a typo
    /// such as `explaination` is reported instead of silently ignored.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
        try rejectUnknownKeys(Keys.allCases.map(\.stringValue))
    }

    /// Throws when the mapping has a key not in `names`.
    func rejectUnknownKeys(_ names: [String]) throws {
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
