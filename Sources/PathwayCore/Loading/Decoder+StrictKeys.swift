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

/// Where a decoder keeps problems it can report and still go on decoding (an unknown key, one
/// bad pattern among several), so that one run of the validator finds every problem of a file.
final class RecoveredProblems: @unchecked Sendable {
    static let key = CodingUserInfoKey(rawValue: "pathway.recoveredProblems")!
    private(set) var errors: [DecodingError] = []
    func append(_ error: DecodingError) { errors.append(error) }
}

extension Decoder {
    /// Throws when the mapping being decoded has a key that `Keys` does not list, so a typo
    /// such as `explaination` is reported instead of silently ignored.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
        try rejectUnknownKeys(Keys.allCases.map(\.stringValue))
    }

    /// Reports every key of the mapping that is not in `names`, with the closest known key.
    /// Skipped for Pathway's own compiled pack cache, which was checked when it was written.
    func rejectUnknownKeys(_ names: [String]) throws {
        if userInfo[trustedSourceKey] as? Bool == true { return }
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let known = Set(names)
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !known.contains(key.stringValue) {
            let expected = names.sorted().joined(separator: ", ")
            let suggestion = Suggestion.closest(to: key.stringValue, among: names)
            try recover(DecodingError.dataCorrupted(.init(
                codingPath: codingPath + [key],
                debugDescription: "unknown key '\(key.stringValue)'"
                    + (suggestion.map { "; did you mean '\($0)'?" } ?? "; expected one of: \(expected)")
            )))
        }
    }

    /// Keeps `error` to report and lets decoding go on when the decoder collects problems;
    /// throws it otherwise.
    func recover(_ error: DecodingError) throws {
        guard let problems = userInfo[RecoveredProblems.key] as? RecoveredProblems else { throw error }
        problems.append(error)
    }
}
