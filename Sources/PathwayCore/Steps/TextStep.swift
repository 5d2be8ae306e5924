/// Teaching text in Markdown, written inline or kept in a `.md` file of the pack.
public struct TextStep: Step, Decodable {
    public static let typeName = "text"
    public var id: String?
    public var text: String
    /// The pack file the text came from, if any.
    public var file: String?
    /// Whether `file` was read (a missing file is reported by the loader, not as empty text).
    private var fileRead = false

    public init(id: String? = nil, text: String) {
        self.id = id
        self.text = text
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case type, id, text, file }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        file = try c.decodeIfPresent(String.self, forKey: .file)
        let inline = try c.decodeIfPresent(String.self, forKey: .text)
        switch (inline, file) {
        case (let t?, nil): text = t
        case (nil, .some): text = ""
        case (.some, .some):
            throw DecodingError.dataCorruptedError(forKey: .file, in: c,
                debugDescription: "a text step has either 'text' or 'file', not both")
        case (nil, nil):
            throw DecodingError.keyNotFound(CodingKeys.text, .init(codingPath: decoder.codingPath,
                debugDescription: "a text step needs 'text' (Markdown) or 'file' (a .md file in the pack)"))
        }
    }

    /// Writes the step with its text resolved (never the file it came from).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.typeName, forKey: .type)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(text, forKey: .text)
    }

    public var referencedFiles: [String] { file.map { [$0] } ?? [] }

    public mutating func resolveFiles(_ read: (String) throws -> String) throws {
        if let file {
            text = try read(file)
            fileRead = true
        }
    }

    public func problems() -> [StepProblem] {
        guard file == nil || fileRead else { return [] }
        return text.trimmingWhitespace().isEmpty ? [.error("the text is empty", field: file == nil ? "text" : "file")] : []
    }
}
