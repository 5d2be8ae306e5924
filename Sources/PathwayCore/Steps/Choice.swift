/// One option of a choice question.
public struct Choice: Sendable, Equatable, Codable {
    public var text: String
    public var isCorrect: Bool
    /// For a wrong choice: shown when it is picked. For a right choice of a multiple-select
    /// question: shown when it is left out.
    public var feedback: String?

    public init(text: String, isCorrect: Bool = false, feedback: String? = nil) {
        self.text = text
        self.isCorrect = isCorrect
        self.feedback = feedback
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case text, correct, feedback
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        if isCorrect { try c.encode(true, forKey: .correct) }
        try c.encodeIfPresent(feedback, forKey: .feedback)
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        isCorrect = try c.decodeIfPresent(Bool.self, forKey: .correct) ?? false
        feedback = try c.decodeIfPresent(String.self, forKey: .feedback)
    }
}

/// Reads which displayed options a learner picked: letters (`b`), numbers (`2`), lists
/// (`a,c`, `a c`, `1; 3`) or the full text of one option.
public enum ChoiceInput {
    /// The displayed positions picked, or a message saying what to type instead.
    public static func parse(_ input: String, optionCount: Int, options: [String] = [],
                             allowMany: Bool) -> Result<[Int], ChoiceInputError> {
        let trimmed = input.trimmingWhitespace()
        if trimmed.isEmpty { return .failure(.empty) }
        // The whole text of one option counts as picking it.
        let normalized = AnswerNormalizer.normalize(trimmed)
        if trimmed.count > 2, let index = options.firstIndex(where: { AnswerNormalizer.normalize($0) == normalized }) {
            return .success([index])
        }
        let tokens = trimmed.lowercased().split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "\t" })
        var picked: [Int] = []
        for token in tokens {
            var t = Substring(token)
            if t.hasSuffix(")") || t.hasSuffix(".") { t = t.dropLast() }
            guard let index = position(of: t, count: optionCount) else {
                return .failure(.unknown(String(token), optionCount: optionCount))
            }
            if !picked.contains(index) { picked.append(index) }
        }
        if picked.isEmpty { return .failure(.empty) }
        if !allowMany && picked.count > 1 { return .failure(.tooMany) }
        return .success(picked.sorted())
    }

    /// The letter shown for position `index` (a, b, c, …).
    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index % 26)))
    }

    private static func position(of token: Substring, count: Int) -> Int? {
        if let n = Int(token), n >= 1, n <= count { return n - 1 }
        if token.count == 1, let scalar = token.unicodeScalars.first, scalar.isASCII,
           scalar.value >= 97, scalar.value < 97 + UInt32(min(count, 26)) {
            return Int(scalar.value - 97)
        }
        return nil
    }
}

/// Why a choice answer could not be read.
public enum ChoiceInputError: Error, Equatable, Sendable {
    case empty
    case tooMany
    case unknown(String, optionCount: Int)

    /// A one-line message for the learner.
    public func message(allowMany: Bool, optionCount: Int) -> String {
        let last = ChoiceInput.letter(max(optionCount - 1, 0))
        let range = "a–\(last) or 1–\(optionCount)"
        switch self {
        case .empty:
            return allowMany ? "Type the letters of every right choice, separated by commas." : "Type one letter (\(range))."
        case .tooMany:
            return "Pick just one choice (\(range)); this question has a single answer."
        case let .unknown(token, _):
            return "'\(TerminalSafeText.sanitize(token))' is not one of the choices; type \(allowMany ? "letters" : "a letter") \(range)."
        }
    }
}
