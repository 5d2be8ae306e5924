import Foundation

/// Turns a question bank in another format into a Pathway pack.
///
/// An importer reads text and returns the files of a normal pack folder (written with
/// ``ImportResult/write(to:)``) and diagnostics that point at lines of the input. A new format is
/// one file with a type conforming to `Importer` and one line in ``ImporterRegistry/standard``.
public protocol Importer: Sendable {
    /// A short name for the format, e.g. `gift`; used by `pathway pack import --format`.
    var formatID: String { get }
    /// The format's name for people, e.g. `Moodle GIFT`.
    var formatName: String { get }
    /// File name extensions (without the dot) that usually hold this format.
    var fileExtensions: [String] { get }
    /// Imports `text`, read from `fileName` (used in diagnostics and the pack's description),
    /// into a pack whose id is `packID`.
    func `import`(text: String, fileName: String, packID: String) -> ImportResult
}

/// What an import produced: the pack's files and what was found on the way.
public struct ImportResult: Sendable {
    public var packID: String
    /// The pack files; empty when nothing could be imported.
    public var files: [GeneratedFile]
    /// Problems in the input, with the line and column they are on.
    public var diagnostics: [PackDiagnostic]
    /// Steps written (questions, texts and reflections).
    public var importedSteps: Int
    /// Questions that were reported and left out.
    public var skippedQuestions: Int
    /// Lessons written.
    public var lessons: Int

    public init(packID: String, files: [GeneratedFile] = [], diagnostics: [PackDiagnostic] = [],
                importedSteps: Int = 0, skippedQuestions: Int = 0, lessons: Int = 0) {
        self.packID = packID
        self.files = files
        self.diagnostics = diagnostics
        self.importedSteps = importedSteps
        self.skippedQuestions = skippedQuestions
        self.lessons = lessons
    }

    /// Writes the pack into `folder`, which must not exist or be empty; see
    /// ``GeneratedFile/write(_:to:)``.
    public func write(to folder: URL) throws {
        try GeneratedFile.write(files, to: folder)
    }
}
