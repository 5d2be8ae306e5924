import Foundation

/// A compiled index of each loaded pack, so the tutor starts without parsing YAML again and
/// without decoding more than it shows.
///
/// One file per pack folder (see ``PackIndexFile`` for its layout): a small head (id, title,
/// version, requirements, skills, lesson count) that start-up reads, then the manifest, the
/// modules with each lesson's title and step outline, and each lesson's steps, read when first
/// used. A pack that failed to load is kept as its diagnostics, so a broken pack costs its full
/// load once, not at every start. An index is used only while the fingerprint of the pack folder
/// (the path, size, modification time and inode of every file, and the cache format) still
/// matches; any edit to the pack makes Pathway read the YAML again and write a new index. A
/// truncated or damaged index is never trusted: it is rebuilt.
public struct PackCache: Sendable, Equatable {
    /// The cache format; bump it when what is cached changes.
    static let format = 5
    /// The name of the folder beside the packs where `pathway pack index` writes their index
    /// (an install does), read when the data folder's cache has no current one.
    public static let sharedFolderName = ".pathway-index"
    public let directory: URL
    /// Read-only folders of indexes to try after `directory` (never written).
    public let shared: [URL]
    /// The paths of `directory` and `shared`, in that order (a URL's path is decoded each time
    /// it is asked for).
    private let folders: [String]

    public init(directory: URL, shared: [URL] = []) {
        self.directory = directory
        self.shared = shared
        folders = ([directory] + shared).map(\.path)
    }

    /// The cached pack for `folder`, if the cache is still current and the pack loaded.
    func read(_ folder: URL) -> Pack? {
        lookup(folder)?.pack
    }

    /// The cached result for `folder`, good or failed, if the cache is still current: by its
    /// listing, else by the fingerprint of the folder read in full.
    func lookup(_ folder: URL) -> PackLoadResult? {
        if let result = current(folder) { return result }
        guard let listing = PackListing.take(folder) else { return nil }
        return lookup(folder, fingerprint: listing.fingerprint(format: Self.format))
    }

    /// The cached result for `folder` when its index's listing still matches the folder entry
    /// by entry (see ``PackListing``): start-up's way, which reads no folder.
    func current(_ folder: URL) -> PackLoadResult? {
        lookup(folder, check: .listing)
    }

    /// The cached result for `folder` if its index was written for `fingerprint`.
    func lookup(_ folder: URL, fingerprint: String) -> PackLoadResult? {
        lookup(folder, check: .fingerprint(fingerprint))
    }

    private func lookup(_ folder: URL, check: PackIndexFile.Check) -> PackLoadResult? {
        let folderPath = folder.path
        let name = Self.fileName(forPath: folderPath, of: folder)
        // The data folder's cache, then the installs'.
        for cache in folders {
            if let result = lookup(folder, at: folderPath, in: cache + "/" + name, check: check) { return result }
        }
        return nil
    }

    private func lookup(_ folder: URL, at folderPath: String, in path: String, check: PackIndexFile.Check) -> PackLoadResult? {
        guard let (file, head, current) = PackIndexFile.open(path, folder: folder, folderPath: folderPath, check: check) else { return nil }
        var result: PackLoadResult
        if file.failed {
            guard let failure = file.failure(head: head) else { return nil }
            result = PackLoadResult(pack: nil, diagnostics: failure.diagnostics, manifest: failure.manifest)
        } else {
            guard let packHead = PackIndexModules.decodeHead(head) else { return nil }
            result = PackLoadResult(pack: Pack(head: packHead, contents: PackContents(index: file, head: packHead), root: folder), diagnostics: [])
        }
        result.hasPathsFolder = current?.hasPathsFolder
        return result
    }

    /// Caches the diagnostics of a pack that failed to load from `folder`, whose files were
    /// `listing` before they were read (taken now when not given).
    func writeFailure(_ result: PackLoadResult, from folder: URL, listing: PackListing? = nil) {
        guard result.pack == nil, let listing = listing ?? PackListing.take(folder),
              let diagnostics = try? JSONEncoder().encode(result.diagnostics) else { return }
        let manifest = result.manifest.flatMap { try? JSONEncoder().encode($0) } ?? Data()
        store([listing.encoded(), diagnostics, manifest, Data(), Data()], failed: true, listing: listing, for: folder)
    }

    /// Caches `pack`, which was just loaded from `folder` without errors, whose files were
    /// `listing` before they were read (taken now when not given). Failures are ignored: the
    /// cache only saves time.
    func write(_ pack: Pack, from folder: URL, listing: PackListing? = nil) {
        guard let listing = listing ?? PackListing.take(folder) else { return }
        let encoder = JSONEncoder()
        var bodies = Data()
        var modules: [PackIndexModules.Module] = []
        do {
            for module in pack.modules {
                var lessons: [PackIndexModules.Lesson] = []
                for lesson in module.lessons {
                    let body = try encoder.encode(PackIndexFile.StoredSteps(steps: lesson.steps))
                    let range = PackIndexFile.BodyRange(offset: bodies.count, length: body.count, hash: IndexHash.hex(of: body))
                    bodies.append(body)
                    lessons.append(.init(id: lesson.id, title: lesson.title, minutes: lesson.minutes, sources: lesson.sources, file: lesson.file,
                                         counts: lesson.counts, body: range, outline: StepOutline.text(lesson.outline)))
                }
                modules.append(.init(id: module.id, title: module.title, summary: module.summary, skills: module.skills,
                                     file: module.file, placement: module.placement, lessons: lessons))
            }
            let sections = [listing.encoded(), PackIndexModules.encode(pack.head), try encoder.encode(pack.manifest),
                            PackIndexModules.encode(modules), bodies]
            store(sections, failed: false, listing: listing, for: folder)
        } catch {
            return
        }
    }

    /// What the career path files in `folder` gave, read under `display`, while they are
    /// unchanged (see ``PathsIndexFile``).
    func paths(in folder: URL, display: String) -> [PathsIndexFile.Entry]? {
        let name = Self.pathsFileName(for: folder, display: display)
        for cache in folders {
            if let entries = PathsIndexFile.read(cache + "/" + name, folder: folder) { return entries }
        }
        return nil
    }

    /// Keeps what the career path files in `folder` gave, read under `display` from files that
    /// were `listing` before.
    func writePaths(_ entries: [PathsIndexFile.Entry], in folder: URL, display: String, listing: PackListing) {
        guard let data = PathsIndexFile.encode(entries, listing: listing) else { return }
        try? AtomicFile.write(data, to: directory.appending(path: Self.pathsFileName(for: folder, display: display)), durably: false)
    }

    /// The path files' index name for `folder` read under `display` (the display is part of
    /// what is kept: diagnostics name files by it).
    static func pathsFileName(for folder: URL, display: String) -> String {
        "paths-\(hash(standardPath(folder) + "\u{0}" + display)).index"
    }

    /// `folder`'s path with `.` and `..` resolved.
    private static func standardPath(_ folder: URL) -> String {
        let path = folder.path
        return mayNeedStandardizing(path) ? folder.standardizedFileURL.path : path
    }

    private func store(_ sections: [Data], failed: Bool, listing: PackListing, for folder: URL) {
        var data = PackIndexFile.header(fingerprint: listing.fingerprint(format: Self.format), failed: failed, sections: sections)
        for section in sections { data.append(section) }
        // Replaced atomically (a reader sees the old file or the new one), not flushed to disk:
        // an index lost or torn by a crash fails its checks and is rebuilt.
        try? AtomicFile.write(data, to: file(for: folder), durably: false)
    }

    private func file(for folder: URL) -> URL {
        directory.appending(path: Self.fileName(for: folder))
    }

    /// The index file's name for `folder`: a hash of its standard path.
    static func fileName(for folder: URL) -> String {
        fileName(forPath: folder.path, of: folder)
    }

    /// The index file's name for `folder`, whose path is `path`.
    private static func fileName(forPath path: String, of folder: URL) -> String {
        "\(hash(mayNeedStandardizing(path) ? folder.standardizedFileURL.path : path)).index"
    }

    /// Whether `path` may hold `.` or `..` or be relative, so that `folder`'s standardized path
    /// differs from it. (Most paths need no standardizing, and building a standardized URL for
    /// each pack cost more than reading its index; so did Foundation's `contains`.)
    private static func mayNeedStandardizing(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: ".") { return true }
            previous = byte
        }
        return path.utf8.first != UInt8(ascii: "/")
    }

    /// A 64-bit hash of `text`, as hexadecimal.
    static func hash(_ text: String) -> String {
        var hash = IndexHash()
        hash.add(text)
        return hash.hex
    }
}
