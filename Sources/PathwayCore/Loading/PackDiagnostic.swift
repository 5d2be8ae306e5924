/// A problem found in a pack file, printed like a compiler diagnostic:
/// `path:line:column: error: message`.
public struct PackDiagnostic: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// The file, as given to the loader (absolute or relative to the working directory).
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        // The file name comes from a folder anyone may name: escaped like the message.
        return TerminalText("\(location): \(severity.rawValue): \(message)").description
    }
}

extension Array where Element == PackDiagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
