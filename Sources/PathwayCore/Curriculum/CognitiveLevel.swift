/// The kind of thinking a graded item asks for: a simplified revised Bloom taxonomy.
///
/// `recall` can be answered from memory of the lesson; `apply` settles a new case with one
/// known rule or calculation; `analyze` sorts relevant from irrelevant evidence or finds a
/// cause; `evaluate` weighs several defensible options against costs, risks or users.
public enum CognitiveLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case recall, apply, analyze, evaluate

    public static func < (a: CognitiveLevel, b: CognitiveLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Whether the item asks for more than recall (`apply` or above).
    public var isApplyOrAbove: Bool { self >= .apply }

    /// Reads a `level` value, with a message listing the allowed values.
    static func decode<K: CodingKey>(from container: KeyedDecodingContainer<K>, forKey key: K) throws -> CognitiveLevel? {
        guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let level = CognitiveLevel(rawValue: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription:
                "'\(text)' is not a cognitive level; use one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return level
    }
}
