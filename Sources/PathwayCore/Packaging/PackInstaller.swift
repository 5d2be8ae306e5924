import Foundation

/// Installs packs into the learner's packs folder (`DATA/packs`) and removes them.
///
/// Everything is checked before the packs folder is touched (for a zip: every entry's path,
/// type and size; for a folder: no symbolic links, within the same limits). The pack is then
/// unpacked or copied into a hidden temporary folder inside the packs folder (the same file
/// system), validated there, and renamed into place only at the end; a failure removes the
/// temporary folder, so nothing is ever left half-written.
public struct PackInstaller: Sendable {
    public let packsDirectory: URL
    public var limits: ArchiveLimits

    public init(packsDirectory: URL, limits: ArchiveLimits = .standard) {
        self.packsDirectory = packsDirectory
        self.limits = limits
    }

    /// What an install did.
    public struct Installed: Sendable {
        public var id: String
        public var version: SemanticVersion
        public var folder: URL
        /// The version replaced, if one was installed.
        public var replaced: SemanticVersion?
        public var warnings: [PackDiagnostic]
        /// What changed from the version it replaced, when it replaced one that still loads.
        public var diff: PackDiff?
    }

    /// An installed pack.
    public struct Entry: Sendable {
        public var id: String
        public var version: SemanticVersion
        public var folder: URL
    }

    /// Installs the pack folder or `.zip` at `source`. A version lower than or equal to the
    /// installed one is refused unless `force` is set.
    public func install(from source: URL, force: Bool = false) throws -> Installed {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: source.path, isDirectory: &isDirectory) else { throw PackagingError.notAPack(source.path) }
        let name = source.lastPathComponent
        // 1. Every check that needs no writing.
        var reader: PackArchiveReader?
        var entries: [PackArchiveReader.CheckedEntry] = []
        var files: PackFileList?
        if isDirectory.boolValue {
            guard PackLoader.isPack(source) else { throw PackagingError.notAPack(source.path) }
            let load = PackLoader().load(source, displayPath: name)
            guard !load.diagnostics.hasErrors else { throw PackagingError.invalidPack(name, load.diagnostics) }
            files = try PackFileList(folder: source, limits: limits)
        } else {
            let opened = try PackArchiveReader(url: source, limits: limits)
            entries = try opened.check()
            reader = opened
        }
        // 2. Unpack or copy into a temporary folder inside the packs folder.
        let created = missingFolders()
        try manager.createDirectory(at: packsDirectory, withIntermediateDirectories: true)
        let staging = packsDirectory.appending(path: ".install-\(UUID().uuidString)")
        var succeeded = false
        defer {
            try? manager.removeItem(at: staging)
            // A failed install also removes the (empty) folders it created.
            if !succeeded {
                for folder in created where (try? manager.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
                    try? manager.removeItem(at: folder)
                }
            }
        }
        try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        if let reader {
            try reader.extract(entries, into: staging)
        } else if let files {
            for relative in files.entries {
                let target = staging.appending(path: relative)
                if relative.hasSuffix("/") {
                    try manager.createDirectory(at: target, withIntermediateDirectories: true)
                } else {
                    try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try manager.copyItem(at: source.appending(path: relative), to: target)
                }
            }
        }
        // 3. Validate what was unpacked.
        let (root, inside) = try packRoot(in: staging, source: name)
        let load = PackLoader().load(root, displayPath: inside)
        guard let pack = load.pack, !load.diagnostics.hasErrors else { throw PackagingError.invalidPack(name, load.diagnostics) }
        // 4. Compare with the installed copy, then rename into place.
        let existing = installed().first { $0.id == pack.id }
        if let existing, pack.manifest.version <= existing.version, !force {
            throw PackagingError.notNewer(id: pack.id, installed: existing.version, offered: pack.manifest.version)
        }
        // A replaced version is compared with the new one: a key changed under a kept id
        // would grade learners' earlier answers against the new key.
        let diff = existing.flatMap { PackLoader().load($0.folder, displayPath: $0.folder.lastPathComponent).pack }.map { PackDiff(old: $0, new: pack) }
        if let diff, !diff.unbumpedKeyChanges.isEmpty, !force {
            throw PackagingError.keyChangedWithoutRevision(id: pack.id, questions: diff.unbumpedKeyChanges.map(\.id))
        }
        let target = packsDirectory.appending(path: pack.id)
        if manager.fileExists(atPath: target.path), existing?.folder.standardizedFileURL != target.standardizedFileURL {
            throw PackagingError.occupied(target.path)
        }
        if let existing {
            let aside = packsDirectory.appending(path: ".replaced-\(UUID().uuidString)")
            try manager.moveItem(at: existing.folder, to: aside)
            do {
                try manager.moveItem(at: root, to: target)
            } catch {
                try? manager.moveItem(at: aside, to: existing.folder)
                throw error
            }
            try? manager.removeItem(at: aside)
        } else {
            try manager.moveItem(at: root, to: target)
        }
        succeeded = true
        return Installed(id: pack.id, version: pack.manifest.version, folder: target, replaced: existing?.version,
                         warnings: load.diagnostics.filter { $0.severity == .warning }, diff: diff)
    }

    /// Removes the installed pack `id`; returns what was removed.
    @discardableResult
    public func remove(id: String) throws -> Entry {
        guard let entry = installed().first(where: { $0.id == id }) else {
            throw PackagingError.notInstalled(id: id, folder: packsDirectory.path)
        }
        let manager = FileManager.default
        // Renamed away first, so a half-finished removal never looks like a pack.
        let aside = packsDirectory.appending(path: ".removing-\(UUID().uuidString)")
        try manager.moveItem(at: entry.folder, to: aside)
        try manager.removeItem(at: aside)
        return entry
    }

    /// The packs in the packs folder whose manifest can be read, by id.
    public func installed() -> [Entry] {
        let manager = FileManager.default
        let children = (try? manager.contentsOfDirectory(atPath: packsDirectory.path)) ?? []
        return children.sorted().filter { !$0.hasPrefix(".") }.compactMap { child in
            let folder = packsDirectory.appending(path: child)
            guard let manifestName = PackLoader.manifestNames.first(where: { manager.fileExists(atPath: folder.appending(path: $0).path) }),
                  case let .success(decoded) = DocumentDecoder().decode(PackManifest.self, from: folder.appending(path: manifestName),
                                                                        displayPath: child) else { return nil }
            return Entry(id: decoded.value.id, version: decoded.value.version, folder: folder)
        }
    }

    /// The packs folder and those of its parents that do not exist yet, innermost first.
    private func missingFolders() -> [URL] {
        var missing: [URL] = []
        var folder = packsDirectory.standardizedFileURL
        while folder.path != "/", !FileManager.default.fileExists(atPath: folder.path) {
            missing.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        return missing
    }

    /// The pack folder inside an unpacked archive: the top, or its only folder.
    private func packRoot(in staging: URL, source: String) throws -> (URL, String) {
        if PackLoader.isPack(staging) { return (staging, source) }
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []).filter { !$0.hasPrefix(".") && $0 != "__MACOSX" }
        if children.count == 1, PackLoader.isPack(staging.appending(path: children[0])) {
            return (staging.appending(path: children[0]), "\(source)/\(children[0])")
        }
        throw PackagingError.notAPack(source)
    }
}
