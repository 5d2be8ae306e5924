import Foundation

/// A compiled copy of a loaded pack, so the tutor starts without parsing YAML again.
///
/// The cache holds a pack that loaded without errors, written as JSON in the pack format's own
/// keys (so it is read back by the same decoders), or the diagnostics of a pack that failed, so
/// a broken pack costs its full load once, not at every start. It is used only while its
/// fingerprint (the path, size and modification time of every file in the pack folder, and the
/// cache format) still matches; any edit to the pack makes Pathway read the YAML again.
public struct PackCache: Sendable {
    /// The cache format; bump it when what is cached changes.
    static let format = 2
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    struct Entry: Codable {
        var format: Int
        var fingerprint: String
        var manifest: PackManifest?
        var modules: [CachedModule]
        /// Set for a pack that failed to load: why.
        var failure: [PackDiagnostic]?
    }

    struct CachedModule: Codable {
        var id: String
        var title: String
        var summary: String?
        var skills: [String]
        var file: String
        var lessons: [CachedLesson]
        var placement: [String]?
    }

    struct CachedLesson: Codable {
        var file: String
        var lesson: Lesson
    }

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.userInfo[trustedSourceKey] = true
        return decoder
    }()

    /// The cached pack for `folder`, if the cache is still current and the pack loaded.
    func read(_ folder: URL) -> Pack? {
        lookup(folder)?.pack
    }

    /// The cached result for `folder`, good or failed, if the cache is still current.
    func lookup(_ folder: URL) -> PackLoadResult? {
        guard let fingerprint = Self.fingerprint(folder),
              let data = try? Data(contentsOf: file(for: folder)),
              let entry = try? Self.decoder.decode(Entry.self, from: data),
              entry.format == Self.format, entry.fingerprint == fingerprint else { return nil }
        if let failure = entry.failure {
            return PackLoadResult(pack: nil, diagnostics: failure, manifest: entry.manifest)
        }
        guard let manifest = entry.manifest else { return nil }
        let modules = entry.modules.map { module in
            Module(id: module.id, title: module.title, summary: module.summary, skills: module.skills,
                   lessons: module.lessons.map { cached in
                       var lesson = cached.lesson
                       lesson.file = cached.file
                       return lesson
                   }, file: module.file, placement: module.placement)
        }
        return PackLoadResult(pack: Pack(manifest: manifest, modules: modules, root: folder), diagnostics: [], manifest: manifest)
    }

    /// Caches the diagnostics of a pack that failed to load from `folder`.
    func writeFailure(_ result: PackLoadResult, from folder: URL) {
        guard result.pack == nil, let fingerprint = Self.fingerprint(folder) else { return }
        let entry = Entry(format: Self.format, fingerprint: fingerprint, manifest: result.manifest, modules: [], failure: result.diagnostics)
        guard let data = try? JSONEncoder().encode(entry) else { return }
        try? AtomicFile.write(data, to: file(for: folder))
    }

    /// Caches `pack`, which was just loaded from `folder` without errors. Failures are ignored:
    /// the cache only saves time.
    func write(_ pack: Pack, from folder: URL) {
        guard let fingerprint = Self.fingerprint(folder) else { return }
        let entry = Entry(format: Self.format, fingerprint: fingerprint, manifest: pack.manifest, modules: pack.modules.map { module in
            CachedModule(id: module.id, title: module.title, summary: module.summary, skills: module.skills, file: module.file,
                         lessons: module.lessons.map { CachedLesson(file: $0.file, lesson: $0) }, placement: module.placement)
        })
        guard let data = try? JSONEncoder().encode(entry) else { return }
        try? AtomicFile.write(data, to: file(for: folder))
    }

    private func file(for folder: URL) -> URL {
        let path = folder.standardizedFileURL.path
        return directory.appending(path: "\(Self.hash(path)).json")
    }

    /// Every file of the pack with its size and modification time, hashed. Read with `stat`
    /// directly: it runs at every start-up.
    static func fingerprint(_ folder: URL) -> String? {
        var parts: [String] = ["pathway-cache-\(format)"]
        var pending = [folder.path]
        while let directory = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                if directory == folder.path { return nil }
                continue
            }
            for name in names {
                let path = directory + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                case S_IFREG, S_IFLNK:
                    parts.append("\(path)|\(info.st_size)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(info.st_ino)")
                default: continue
                }
            }
        }
        return hash(parts.sorted().joined(separator: "\n"))
    }

    /// FNV-1a, 64 bits, as hexadecimal.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return String(value, radix: 16)
    }
}
