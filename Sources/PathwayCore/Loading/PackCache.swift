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
public struct PackCache: Sendable {
    /// The cache format; bump it when what is cached changes.
    static let format = 3
    /// The name of the folder beside the packs where `pathway pack index` writes their index
    /// (an install does), read when the data folder's cache has no current one.
    public static let sharedFolderName = ".pathway-index"
    public let directory: URL
    /// Read-only folders of indexes to try after `directory` (never written).
    public let shared: [URL]

    public init(directory: URL, shared: [URL] = []) {
        self.directory = directory
        self.shared = shared
    }

    /// The cached pack for `folder`, if the cache is still current and the pack loaded.
    func read(_ folder: URL) -> Pack? {
        lookup(folder)?.pack
    }

    /// The cached result for `folder`, good or failed, if the cache is still current.
    func lookup(_ folder: URL) -> PackLoadResult? {
        guard let fingerprint = Self.fingerprint(folder) else { return nil }
        return lookup(folder, fingerprint: fingerprint)
    }

    /// The cached result for `folder` if its index was written for `fingerprint`.
    func lookup(_ folder: URL, fingerprint: String) -> PackLoadResult? {
        let name = file(for: folder).lastPathComponent
        for candidate in [directory] + shared {
            if let result = lookup(folder, in: candidate.appending(path: name).path, fingerprint: fingerprint) { return result }
        }
        return nil
    }

    private func lookup(_ folder: URL, in path: String, fingerprint: String) -> PackLoadResult? {
        guard let (file, head) = PackIndexFile.open(path, folder: folder, fingerprint: fingerprint) else { return nil }
        if file.failed {
            guard let failure = file.failure(head: head) else { return nil }
            return PackLoadResult(pack: nil, diagnostics: failure.diagnostics, manifest: failure.manifest)
        }
        guard let packHead = PackIndexModules.decodeHead(head) else { return nil }
        return PackLoadResult(pack: Pack(head: packHead, contents: PackContents(index: file, head: packHead), root: folder), diagnostics: [])
    }

    /// Caches the diagnostics of a pack that failed to load from `folder`, whose files had
    /// `fingerprint` before they were read (taken now when not given).
    func writeFailure(_ result: PackLoadResult, from folder: URL, fingerprint: String? = nil) {
        guard result.pack == nil, let fingerprint = fingerprint ?? Self.fingerprint(folder),
              let diagnostics = try? JSONEncoder().encode(result.diagnostics) else { return }
        let manifest = result.manifest.flatMap { try? JSONEncoder().encode($0) } ?? Data()
        store([diagnostics, manifest, Data(), Data()], failed: true, fingerprint: fingerprint, for: folder)
    }

    /// Caches `pack`, which was just loaded from `folder` without errors, whose files had
    /// `fingerprint` before they were read (taken now when not given). Failures are ignored:
    /// the cache only saves time.
    func write(_ pack: Pack, from folder: URL, fingerprint: String? = nil) {
        guard let fingerprint = fingerprint ?? Self.fingerprint(folder) else { return }
        let encoder = JSONEncoder()
        var bodies = Data()
        var modules: [PackIndexModules.Module] = []
        do {
            for module in pack.modules {
                var lessons: [PackIndexModules.Lesson] = []
                for lesson in module.lessons {
                    let body = try encoder.encode(PackIndexFile.StoredSteps(steps: lesson.steps))
                    let range = PackIndexFile.BodyRange(offset: bodies.count, length: body.count, hash: FNV1a.hex(of: body))
                    bodies.append(body)
                    lessons.append(.init(id: lesson.id, title: lesson.title, minutes: lesson.minutes, sources: lesson.sources, file: lesson.file,
                                         counts: lesson.counts, body: range, outline: StepOutline.text(lesson.outline)))
                }
                modules.append(.init(id: module.id, title: module.title, summary: module.summary, skills: module.skills,
                                     file: module.file, placement: module.placement, lessons: lessons))
            }
            let sections = [PackIndexModules.encode(pack.head), try encoder.encode(pack.manifest), PackIndexModules.encode(modules), bodies]
            store(sections, failed: false, fingerprint: fingerprint, for: folder)
        } catch {
            return
        }
    }

    private func store(_ sections: [Data], failed: Bool, fingerprint: String, for folder: URL) {
        var data = PackIndexFile.header(fingerprint: fingerprint, failed: failed, sections: sections)
        for section in sections { data.append(section) }
        // Replaced atomically (a reader sees the old file or the new one), not flushed to disk:
        // an index lost or torn by a crash fails its checks and is rebuilt.
        try? AtomicFile.write(data, to: file(for: folder), durably: false)
    }

    private func file(for folder: URL) -> URL {
        let path = folder.standardizedFileURL.path
        return directory.appending(path: "\(Self.hash(path)).index")
    }

    /// The fingerprint of `folder` (see ``PackFingerprint``).
    static func fingerprint(_ folder: URL) -> String? { PackFingerprint.of(folder, format: format) }

    /// FNV-1a, 64 bits, as hexadecimal.
    static func hash(_ text: String) -> String {
        var hash = FNV1a()
        hash.add(text)
        return hash.hex
    }
}
