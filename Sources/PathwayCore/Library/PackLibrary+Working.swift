import Foundation

extension PackLibrary {
    /// Loads the packs an author is working on (`folders`: pack folders or folders of packs)
    /// together with the search path, so their `requires` resolve against the installed and
    /// shipped packs; a working copy shadows any other copy of the same pack. A search-path
    /// folder that is one of `folders` is read once, as the working copy.
    public static func loadWorking(_ folders: [PackSource], searchPath: [PackSource], loader: PackLoader = PackLoader()) -> PackLibrary {
        let working = folders.map { PackSource(folder: $0.folder, origin: .working, displayPath: $0.displayPath) }
        let workingPaths = Set(working.map(\.folder.standardizedFileURL.path))
        let others = searchPath.filter { !workingPaths.contains($0.folder.standardizedFileURL.path) }
        var library = load(others + working, loader: loader)
        // Problems of other packs on the search path are not the author's to fix here.
        library.diagnostics = library.diagnostics(inside: working)
        return library
    }

    /// The entries read from the working folders.
    public var workingEntries: [Entry] { entries.filter { $0.source.origin == .working } }

    /// The diagnostics about files inside `folders` (as displayed), leaving out those of other
    /// packs on the search path.
    public func diagnostics(inside folders: [PackSource]) -> [PackDiagnostic] {
        let shown = folders.map(\.displayPath)
        return diagnostics.filter { diagnostic in
            shown.contains { diagnostic.file == $0 || diagnostic.file.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
        }
    }
}

extension PackLibrary.Entry {
    /// Why the pack is not used, for a sentence ("disabled: …", "shadowed by …"), or nil.
    public var unusedReason: String? {
        switch status {
        case .enabled: nil
        case let .disabled(reason): "disabled: \(reason)"
        case let .shadowed(by, _): "not used: version \(by) is used instead"
        }
    }
}
