import Foundation
import Synchronization
import Yams

/// What loading one pack folder gave: the pack (when it has no errors) and every diagnostic.
public struct PackLoadResult: Sendable {
    public var pack: Pack?
    public var diagnostics: [PackDiagnostic]
    private var failedManifest: PackManifest?
    /// Whether the pack folder has a `paths` folder, when the index's listing was checked and
    /// says so (nil: not known without looking).
    var hasPathsFolder: Bool?

    public init(pack: Pack?, diagnostics: [PackDiagnostic], manifest: PackManifest? = nil) {
        self.pack = pack
        self.diagnostics = diagnostics
        failedManifest = pack == nil ? manifest : nil
    }

    /// The manifest: the pack's, or the one that could be read even though the pack has errors.
    /// (Decoded on first use for a pack read from the index.)
    public var manifest: PackManifest? { pack?.manifest ?? failedManifest }
}

/// Loads a pack folder: the manifest, its module and lesson files and the Markdown they use,
/// then checks everything with ``PackValidator``.
public struct PackLoader: Sendable {
    public static let manifestNames = ["pack.yaml", "pack.yml", "pack.json"]
    var decoder = DocumentDecoder()
    /// Whether every question's own answers are run through its grader. `pathway pack
    /// validate` always does; the tutor skips it at start-up (packs are checked when installed).
    public var runsSelfCheck: Bool
    /// Where compiled packs are kept between runs (the tutor's start-up); nil reads the YAML.
    public var cache: PackCache?
    /// The text one pack may hold in all (see ``PackTextBudget``).
    var maximumPackText = PackTextBudget.defaultLimit
    /// Whether the item-writing lint adds its warnings (`pathway pack validate`).
    public var runsLint: Bool
    /// When set, packs are read only from indexes current by their listing, and every other
    /// pack is counted here instead of being read (``LibraryPrefetch``: nothing is written).
    var indexOnly: IndexMisses?

    /// Packs a loader in index-only mode could not read from an index.
    final class IndexMisses: Sendable {
        private let count = Mutex(0)
        func note() { count.withLock { $0 += 1 } }
        var any: Bool { count.withLock { $0 > 0 } }
    }

    /// Whether `other` loads packs the same way (the same cache, checks and budget), index-only or not.
    func loadsLike(_ other: PackLoader) -> Bool {
        cache == other.cache && runsSelfCheck == other.runsSelfCheck && runsLint == other.runsLint
            && maximumPackText == other.maximumPackText
    }

    public init(runsSelfCheck: Bool = true, cache: PackCache? = nil, runsLint: Bool = false) {
        self.runsSelfCheck = runsSelfCheck
        self.cache = cache
        self.runsLint = runsLint
    }

    /// Whether `folder` holds a pack manifest.
    public static func isPack(_ folder: URL) -> Bool {
        manifestNames.contains { PackFiles.entryExists(folder.appending(path: $0).path) }
    }

    /// Loads the pack in `folder`. Diagnostics name files as `displayPath/relative`.
    public func load(_ folder: URL, displayPath: String? = nil) -> PackLoadResult {
        // An index whose listing still matches the folder entry by entry needs no folder read.
        if let cached = cache?.current(folder) { return cached }
        return loadAgain(folder, displayPath: displayPath)
    }

    /// Loads the pack in `folder` when it holds one: from an index whose listing still matches
    /// it (which holds the manifest's name, so no more is looked at), else when it has a manifest.
    func loadIfPack(_ folder: URL, displayPath: String? = nil) -> PackLoadResult? {
        if let cached = cache?.current(folder) { return cached }
        guard Self.isPack(folder) else { return nil }
        if let indexOnly {
            indexOnly.note()
            return PackLoadResult(pack: nil, diagnostics: [])
        }
        return loadAgain(folder, displayPath: displayPath)
    }

    /// Loads the pack in `folder` when no index of it is current by its listing.
    private func loadAgain(_ folder: URL, displayPath: String?) -> PackLoadResult {
        guard let cache else { return loadFiles(folder, displayPath: displayPath) }
        // The listing is taken once, before the files are read: an edit made while they are read
        // leaves the index written for the older files, so the next start reads them again.
        guard let listing = PackListing.take(folder) else { return loadFiles(folder, displayPath: displayPath) }
        if let cached = cache.lookup(folder, fingerprint: listing.fingerprint(format: PackCache.format)) { return cached }
        let result = loadFiles(folder, displayPath: displayPath)
        // A broken pack's diagnostics are kept too: it costs its full load once, not at every start.
        if let pack = result.pack {
            cache.write(pack, from: folder, listing: listing)
        } else {
            cache.writeFailure(result, from: folder, listing: listing)
        }
        return result
    }

    private func loadFiles(_ folder: URL, displayPath: String?) -> PackLoadResult {
        let shown = displayPath ?? folder.path
        func display(_ relative: String) -> String { shown.isEmpty ? relative : "\(shown)/\(relative)" }
        var diagnostics: [PackDiagnostic] = []
        let files = PackFiles(root: folder)
        var textBudget = PackTextBudget(limit: maximumPackText)

        let manifests = Self.manifestNames.filter { PackFiles.entryExists(folder.appending(path: $0).path) }
        guard let manifestName = manifests.first else {
            return PackLoadResult(pack: nil, diagnostics: [PackDiagnostic(.error, file: shown,
                message: "no pack manifest; add pack.yaml (or pack.json) with id, title, version and modules")])
        }
        if manifests.count > 1 {
            diagnostics.append(PackDiagnostic(.error, file: display(manifestName),
                message: "the pack has several manifests (\(manifests.joined(separator: ", "))); keep one"))
        }
        let manifest: PackManifest
        switch decoder.decode(PackManifest.self, from: folder.appending(path: manifestName), displayPath: display(manifestName)) {
        case let .success(decoded):
            manifest = decoded.value
            diagnostics += decoded.warnings
            textBudget.charge(decoded.expandedBytes)
        case let .failure(diagnostic): return PackLoadResult(pack: nil, diagnostics: diagnostics + [diagnostic])
        }

        // Module files first (small), then every lesson file on all cores, then assembly in order.
        let sources = SourceTexts()
        sources.remember(manifestName, url: folder.appending(path: manifestName))
        var moduleFiles: [(path: String, file: ModuleFile)] = []
        var lessonFiles: [(path: String, url: URL, from: String)] = []
        // Each file is read once however often it is listed: a repeated reference is an error,
        // not a second copy of the work (a lesson listed 100 times was decoded 100 times).
        var listed = ListedFiles()
        for (moduleIndex, modulePath) in manifest.modules.enumerated() {
            let location = sources.locate(manifestName, ["modules", PathKey(moduleIndex)])
            guard let url = resolve(modulePath, in: files, from: display(manifestName), at: location, diagnostics: &diagnostics) else { continue }
            if let first = listed.first(url, as: modulePath, in: manifestName) {
                diagnostics.append(PackDiagnostic(.error, file: display(manifestName), line: location?.line, column: location?.column,
                    message: "module file '\(modulePath)' is listed more than once (first as '\(first.path)'); list each module file once"))
                continue
            }
            switch decoder.decode(ModuleFile.self, from: url, displayPath: display(modulePath)) {
            case let .success(decoded):
                diagnostics += decoded.warnings
                textBudget.charge(decoded.expandedBytes)
                moduleFiles.append((modulePath, decoded.value))
                sources.remember(modulePath, url: url)
                for case let (lessonIndex, .file(lessonPath)) in decoded.value.lessons.enumerated() {
                    let location = sources.locate(modulePath, ["lessons", PathKey(lessonIndex)])
                    guard let lessonURL = resolve(lessonPath, in: files, from: display(modulePath), at: location, diagnostics: &diagnostics) else { continue }
                    if let first = listed.first(lessonURL, as: lessonPath, in: modulePath) {
                        // Reported once per file, however many times it is repeated.
                        if listed.reportedRepeats.insert(first.path).inserted {
                            diagnostics.append(PackDiagnostic(.error, file: display(modulePath), line: location?.line, column: location?.column,
                                message: "lesson file '\(lessonPath)' is listed more than once (first as '\(first.path)' in \(first.listedIn)); list each lesson file once"))
                        }
                        listed.repeated.insert(ListedFiles.Place(module: modulePath, index: lessonIndex))
                        continue
                    }
                    lessonFiles.append((lessonPath, lessonURL, modulePath))
                }
            case let .failure(diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        // Lesson files are independent: decode them on all cores.
        let decoder = self.decoder
        let decoded = lessonFiles.map { LessonFile(url: $0.url, display: display($0.path)) }
            .concurrentMap { decoder.decode(Lesson.self, from: $0.url, displayPath: $0.display) }
        var lessonsByPath: [String: Lesson] = [:]
        for (entry, result) in zip(lessonFiles, decoded) {
            switch result {
            case let .success(value):
                diagnostics += value.warnings
                textBudget.charge(value.expandedBytes)
                var lesson = value.value
                lesson.file = entry.path
                sources.remember(entry.path, url: entry.url)
                lessonsByPath[entry.path] = lesson
            case let .failure(diagnostic):
                diagnostics.append(diagnostic)
            }
        }

        var modules: [Module] = []
        for (modulePath, moduleFile) in moduleFiles {
            if moduleFile.lessons.isEmpty {
                let location = sources.locate(modulePath, ["lessons"])
                diagnostics.append(PackDiagnostic(.error, file: display(modulePath), line: location?.line,
                                                  column: location?.column, message: "the module lists no lessons"))
            }
            var lessons: [Lesson] = []
            for (lessonIndex, entry) in moduleFile.lessons.enumerated() {
                var lesson: Lesson
                switch entry {
                case var .inline(inline):
                    inline.file = modulePath
                    sources.inlinePrefixes[inline.id] = ["lessons", PathKey(lessonIndex)]
                    lesson = inline
                case let .file(lessonPath):
                    guard !listed.repeated.contains(ListedFiles.Place(module: modulePath, index: lessonIndex)),
                          let loaded = lessonsByPath[lessonPath] else { continue }
                    lesson = loaded
                }
                resolveStepFiles(&lesson, files: files, display: display, sources: sources, budget: &textBudget, diagnostics: &diagnostics)
                lessons.append(lesson)
            }
            modules.append(Module(id: moduleFile.id, title: moduleFile.title, summary: moduleFile.summary,
                                  skills: moduleFile.skills, lessons: lessons, file: modulePath, placement: moduleFile.placement))
        }
        if textBudget.isSpent {
            diagnostics.append(PackDiagnostic(.error, file: display(manifestName), message: textBudget.message))
            return PackLoadResult(pack: nil, diagnostics: diagnostics, manifest: manifest)
        }
        let pack = Pack(manifest: manifest, modules: modules, root: folder)
        diagnostics += PackValidator(pack: pack, manifestFile: manifestName, sources: sources, display: display,
                                     runsSelfCheck: runsSelfCheck, runsLint: runsLint).diagnostics()
        return PackLoadResult(pack: diagnostics.hasErrors ? nil : pack, diagnostics: diagnostics, manifest: manifest)
    }


    private func resolve(_ relative: String, in files: PackFiles, from file: String, at location: (line: Int, column: Int)?,
                         diagnostics: inout [PackDiagnostic]) -> URL? {
        switch files.resolve(relative) {
        case let .success(url): return url
        case let .failure(refusal):
            diagnostics.append(PackDiagnostic(.error, file: file, line: location?.line, column: location?.column, message: refusal.description))
            return nil
        }
    }

    private func resolveStepFiles(_ lesson: inout Lesson, files: PackFiles, display: (String) -> String,
                                  sources: SourceTexts, budget: inout PackTextBudget, diagnostics: inout [PackDiagnostic]) {
        for index in lesson.steps.indices where !lesson.steps[index].referencedFiles.isEmpty {
            var step = lesson.steps[index]
            do {
                // Every step type's files go through here, so each is counted against the pack's text.
                try step.resolveFiles { relative in
                    guard !budget.isSpent else { throw PackTextBudget.Spent() }
                    switch files.resolve(relative) {
                    case let .success(url):
                        let text = try PackFileReader.read(url, name: relative, limit: decoder.maximumFileSize)
                        guard budget.charge(text.utf8.count) else { throw PackTextBudget.Spent() }
                        return text
                    case let .failure(refusal):
                        throw PackFileError(message: refusal.description)
                    }
                }
                lesson.steps[index] = step
            } catch is PackTextBudget.Spent {
                return
            } catch {
                let location = sources.locate(lesson.file, (sources.inlinePrefixes[lesson.id] ?? []) + ["steps", PathKey(index), "file"])
                diagnostics.append(PackDiagnostic(.error, file: display(lesson.file), line: location?.line,
                                                  column: location?.column, message: "\(error)"))
            }
        }
    }
}

/// The module and lesson files listed so far, by real path, and the list entries that repeat one.
private struct ListedFiles {
    struct Place: Hashable {
        var module: String
        var index: Int
    }

    private var seen: [String: (path: String, listedIn: String)] = [:]
    var repeated: Set<Place> = []
    var reportedRepeats: Set<String> = []

    /// Where the file at `url` was first listed, or nil after noting this as its first listing.
    mutating func first(_ url: URL, as path: String, in file: String) -> (path: String, listedIn: String)? {
        let key = url.resolvingSymlinksInPath().standardizedFileURL.path
        if let earlier = seen[key] { return earlier }
        seen[key] = (path, file)
        return nil
    }
}

private struct LessonFile: Sendable {
    var url: URL
    var display: String
}

struct PackFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The texts of a pack's files, read again only to point diagnostics at a line.
final class SourceTexts {
    private var urls: [String: URL] = [:]
    /// Documents already composed for a diagnostic; a file with many diagnostics is read once.
    private var documents: [String: Node?] = [:]
    /// Where inline lessons sit inside their module file, by lesson id.
    var inlinePrefixes: [String: [PathKey]] = [:]

    func remember(_ relative: String, url: URL) { urls[relative] = url }

    func locate(_ relative: String, _ path: [PathKey]) -> (line: Int, column: Int)? {
        if documents[relative] == nil {
            let text = urls[relative].flatMap { try? PackFileReader.read($0, name: relative, limit: DocumentDecoder().maximumFileSize) }
            documents[relative] = text.flatMap { try? YAMLBudget().compose($0) }
        }
        guard let root = documents[relative] ?? nil else { return nil }
        return SourceLocator.locate(path, in: root)
    }
}

