/// The key of one record of a learner's progress: a lesson, question or reflection of a pack.
///
/// Saved as the text `pack/id`, so files written before this type existed load unchanged; the
/// pack is everything before the first `/` (pack ids never contain one).
public struct ProgressKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The saved form, `pack/id`.
    public let rawValue: String

    public init(pack: String, id: String) { rawValue = "\(pack)/\(id)" }

    /// A key read back from its saved form (kept as it is, even without a `/`).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The pack part.
    public var pack: String { rawValue.firstIndex(of: "/").map { String(rawValue[..<$0]) } ?? "" }
    /// The lesson, question or reflection id within the pack.
    public var id: String { rawValue.firstIndex(of: "/").map { String(rawValue[rawValue.index(after: $0)...]) } ?? rawValue }

    public var description: String { rawValue }

    public static func < (lhs: ProgressKey, rhs: ProgressKey) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension ProgressKey {
    /// The key of a lesson of `pack`.
    public static func lesson(_ pack: Pack, _ lesson: Lesson) -> ProgressKey { ProgressKey(pack: pack.id, id: lesson.id) }
    /// The key of a question of `pack`.
    public static func question(_ pack: Pack, _ question: any Question) -> ProgressKey { ProgressKey(pack: pack.id, id: question.questionID) }
    /// The key of a reflection step of `pack`.
    public static func reflection(_ pack: Pack, _ step: ReflectionStep) -> ProgressKey { ProgressKey(pack: pack.id, id: step.reflectionID) }
}

extension ProgressKey: Codable, CodingKeyRepresentable {
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var codingKey: any CodingKey { AnyCodingKey(stringValue: rawValue) }

    public init?<T: CodingKey>(codingKey: T) { rawValue = codingKey.stringValue }
}

/// Fixtures and tests write keys as text: `progress.items["pack/question"]`.
extension ProgressKey: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { rawValue = value }
}

extension ProgressKey {
    /// The setting that holds the id of the career path the learner chose.
    public static let chosenPath = ProgressKey(rawValue: "path")
}
