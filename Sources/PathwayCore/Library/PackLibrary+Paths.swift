import Foundation
import Yams

extension PackLibrary {
    /// The career path the learner follows: the one chosen (`path choose`, `--path`), else the
    /// first one found; nil when no path is installed.
    public func chosenPath(for progress: LearnerProgress) -> CareerPath? {
        progress.settings[.chosenPath].flatMap { id in paths.first { $0.id == id } } ?? paths.first
    }

    /// Reads the career path files in `folder` (shown as `display`): from the pack cache while
    /// they are unchanged, else from their YAML, keeping the result for the next start.
    mutating func loadPaths(in folder: URL, display: String, loader: PackLoader) {
        // Most packs have no `paths` folder: a failed listing would build an error object for each.
        guard PackFiles.entryExists(folder.path) else { return }
        let entries: [PathsIndexFile.Entry]
        if let cached = loader.cache?.paths(in: folder, display: display) {
            entries = cached
        } else if let misses = loader.indexOnly {
            misses.note()
            return
        } else {
            // The listing is taken before the files are read, as for a pack.
            let listing = PackListing.take(folder)
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
            entries = files.sorted().filter { file in [".yaml", ".yml", ".json"].contains(where: file.hasSuffix) }.map { file in
                switch DocumentDecoder().decode(CareerPath.self, from: folder.appending(path: file), displayPath: "\(display)/\(file)") {
                case let .success(decoded) where decoded.warnings.hasErrors:
                    PathsIndexFile.Entry(name: file, path: nil, diagnostics: decoded.warnings)
                case let .success(decoded):
                    PathsIndexFile.Entry(name: file, path: decoded.value, diagnostics: [])
                case let .failure(diagnostic):
                    PathsIndexFile.Entry(name: file, path: nil, diagnostics: [diagnostic])
                }
            }
            if let listing { loader.cache?.writePaths(entries, in: folder, display: display, listing: listing) }
        }
        for entry in entries {
            diagnostics += entry.diagnostics
            guard var path = entry.path else { continue }
            path.file = "\(display)/\(entry.name)"
            path.sourceFile = folder.appending(path: entry.name).path
            if let other = paths.first(where: { $0.id == path.id }) {
                diagnostics.append(PackDiagnostic(.warning, file: path.file, message: "path id '\(path.id)' is also used by \(other.file), which is used instead"))
            } else {
                paths.append(path)
            }
        }
    }

    /// The path with this id.
    public func path(id: String) -> CareerPath? { paths.first { $0.id == id } }

    /// Problems of a path file against the packs: tracks that name no pack or module, career
    /// steps that name no track, role levels that name no skill; each at its line and column.
    static func pathDiagnostics(_ path: CareerPath, packs: [Pack], skills: Set<String>) -> [PackDiagnostic] {
        // The file is read again only to place a diagnostic; a path without problems costs nothing.
        let root = PathDocument(path)
        func diagnostic(_ severity: PackDiagnostic.Severity, _ message: String, _ at: [PathKey]) -> PackDiagnostic {
            let location = root.node.flatMap { SourceLocator.locate(at, in: $0) }
            return PackDiagnostic(severity, file: path.file, line: location?.line, column: location?.column, message: message)
        }
        var found: [PackDiagnostic] = []
        let trackIDs = Set(path.tracks.map(\.id))
        for (i, track) in path.tracks.enumerated() {
            guard let pack = packs.first(where: { $0.id == track.pack }) else {
                found.append(diagnostic(.error, "track '\(track.id)' uses pack '\(track.pack)', which is not installed or did not load", ["tracks", PathKey(i), "pack"]))
                continue
            }
            for (j, module) in (track.modules ?? []).enumerated() where pack.module(id: module) == nil {
                found.append(diagnostic(.error, "track '\(track.id)': pack '\(pack.id)' has no module '\(module)'", ["tracks", PathKey(i), "modules", PathKey(j)]))
            }
        }
        for (i, step) in (path.career?.steps ?? []).enumerated() {
            for (j, id) in step.tracks.enumerated() where !trackIDs.contains(id) {
                found.append(diagnostic(.error, "career step '\(step.title)' names track '\(id)', which this path does not have", ["career", "steps", PathKey(i), "tracks", PathKey(j)]))
            }
        }
        var levelIDs: Set<String> = []
        for (i, level) in (path.career?.levels ?? []).enumerated() {
            if !levelIDs.insert(level.id).inserted {
                found.append(diagnostic(.error, "role level id '\(level.id)' is used twice", ["career", "levels", PathKey(i), "id"]))
            }
            for skill in level.skills.keys.sorted() where !skills.contains(skill) {
                found.append(diagnostic(.warning, "role level '\(level.id)' expects skill '\(skill)', which no module of the installed packs builds", ["career", "levels", PathKey(i), "skills", PathKey(stringValue: skill)]))
            }
        }
        return found
    }
}

extension PackLibrary {
    /// Problems of a path on its own: track ids used twice, and requirements that are not an
    /// earlier track (which also rules out cycles).
    static func structureDiagnostics(_ path: CareerPath) -> [PackDiagnostic] {
        let root = PathDocument(path)
        func error(_ message: String, _ at: [PathKey]) -> PackDiagnostic {
            let location = root.node.flatMap { SourceLocator.locate(at, in: $0) }
            return PackDiagnostic(.error, file: path.file, line: location?.line, column: location?.column, message: message)
        }
        var found: [PackDiagnostic] = []
        var seen: Set<String> = []
        for (i, track) in path.tracks.enumerated() {
            for (j, required) in track.requires.enumerated() where !seen.contains(required) {
                found.append(error(required == track.id || path.tracks.contains { $0.id == required }
                    ? "track '\(track.id)' requires '\(required)', which does not come before it (requirements must not form a cycle)"
                    : "track '\(track.id)' requires '\(required)', which is not a track of this path", ["tracks", PathKey(i), "requires", PathKey(j)]))
            }
            if !seen.insert(track.id).inserted { found.append(error("track id '\(track.id)' is used twice", ["tracks", PathKey(i), "id"])) }
        }
        return found
    }
}

/// A path file's document, composed the first time a diagnostic needs a line number.
private final class PathDocument {
    private let file: String
    private var composed: Node??

    init(_ path: CareerPath) { file = path.sourceFile }

    var node: Node? {
        if let composed { return composed }
        let node = (try? String(contentsOfFile: file, encoding: .utf8)).flatMap { try? Yams.compose(yaml: $0, .basic) } ?? nil
        composed = .some(node)
        return node
    }
}
