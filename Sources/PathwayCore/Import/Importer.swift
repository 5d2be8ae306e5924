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
    /// into the pack, module and lesson `target` names. The file name never shapes an id.
    func `import`(text: String, fileName: String, target: ImportTarget) -> ImportResult
}

extension Importer {
    /// Imports `text` into a pack whose id is `packID`, modules and lessons named by the input.
    public func `import`(text: String, fileName: String, packID: String) -> ImportResult {
        self.import(text: text, fileName: fileName, target: ImportTarget(packID: packID))
    }
}

/// Where imported questions go: the pack's id and, when the author names them, the module and
/// the lesson. Unnamed, they come from the input's categories, else from the pack id.
public struct ImportTarget: Sendable {
    public var packID: String
    /// Every question goes to this module (the input's categories may then give only one).
    public var module: ImportGroup?
    /// Every question goes to this lesson (the input's categories may then give only one).
    public var lesson: ImportGroup?

    public init(packID: String, module: ImportGroup? = nil, lesson: ImportGroup? = nil) {
        self.packID = packID
        self.module = module
        self.lesson = lesson
    }
}

/// A module or lesson the author names: its id, its title, or both.
public struct ImportGroup: Sendable {
    public var id: String?
    public var title: String?

    public init(id: String? = nil, title: String? = nil) {
        self.id = id
        self.title = title
    }
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
    /// What the author should know that is not a problem, e.g. where module and lesson ids came from.
    public var notes: [String] = []

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
