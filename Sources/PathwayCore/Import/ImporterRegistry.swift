import Foundation

/// The question-bank formats Pathway can import.
public struct ImporterRegistry: Sendable {
    public private(set) var importers: [any Importer] = []

    public init() {}

    /// Adds a format; a later importer with the same format id replaces the earlier one.
    public mutating func register(_ importer: any Importer) {
        importers.removeAll { $0.formatID == importer.formatID }
        importers.append(importer)
    }

    /// The importer for a format id such as `gift`.
    public func importer(format: String) -> (any Importer)? {
        importers.first { $0.formatID == format.lowercased() }
    }

    /// The importer whose file extensions include the extension of `fileName`.
    public func importer(forFile fileName: String) -> (any Importer)? {
        let ext = URL(fileURLWithPath: fileName).pathExtension.lowercased()
        guard !ext.isEmpty else { return nil }
        return importers.first { $0.fileExtensions.contains(ext) }
    }

    /// Every format Pathway ships. Register a new importer here.
    public static let standard: ImporterRegistry = {
        var registry = ImporterRegistry()
        registry.register(GIFTImporter())
        registry.register(AikenImporter())
        return registry
    }()

    /// A pack id made from a file name: `ML Basics (v2).gift` gives `ml-basics-v2`.
    public static func packID(forFile fileName: String) -> String {
        let base = URL(fileURLWithPath: fileName).deletingPathExtension().lastPathComponent
        let slug = ImportIDs.slug(base, maximumLength: 48)
        return slug.isEmpty ? "imported" : slug
    }
}
