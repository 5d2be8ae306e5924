/// One step of a lesson: teaching text, a question, or a reflection.
///
/// Step types are the pack format's main extension point. A new type is one file with a
/// `Decodable` type that conforms to ``Step`` (and to ``Question`` if it is graded), plus one
/// line in ``StepRegistry/standard``.
public protocol Step: Sendable, Encodable {
    /// The `type` value that selects this step type in a lesson file.
    static var typeName: String { get }
    /// The step's stable id; questions and reflections always have one.
    var id: String? { get }
    /// Problems an author should fix that can be seen from the step alone.
    func problems() -> [StepProblem]
    /// Pack files the step refers to, relative to the pack folder.
    var referencedFiles: [String] { get }
    /// Fills in text that lives in pack files; `read` returns a file's text.
    mutating func resolveFiles(_ read: (String) throws -> String) throws
}

extension Step {
    public var referencedFiles: [String] { [] }
    public mutating func resolveFiles(_ read: (String) throws -> String) throws {}
    /// The `type` value of this step.
    public var typeName: String { Self.typeName }
}

/// A problem found in one step.
public struct StepProblem: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    /// The key the problem is about, e.g. `choices`; nil for the step as a whole.
    public var field: String?
    public var message: String

    public static func error(_ message: String, field: String? = nil) -> StepProblem {
        StepProblem(severity: .error, field: field, message: message)
    }

    public static func warning(_ message: String, field: String? = nil) -> StepProblem {
        StepProblem(severity: .warning, field: field, message: message)
    }
}
