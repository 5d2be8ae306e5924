import Foundation

/// Reads exported progress files for a cohort report: files given one by one, and every
/// `.json` file under the folders given (searched recursively, in path order).
///
/// Files are decoded in batches, in parallel, and handed over in path order, so a cohort of
/// any size is streamed through with one batch in memory.
public enum CohortLoader {
    /// A file that could not be read, and why.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Files decoded at once.
    static let batchSize = 64

    /// Reads every file and returns them all.
    public static func load(_ paths: [URL]) -> (inputs: [CohortReport.Input], problems: [Problem]) {
        var inputs: [CohortReport.Input] = []
        let problems = forEach(paths) { inputs.append($0) }
        return (inputs, problems)
    }

    /// Reads the files and calls `body` with each one's progress, in path order; returns the
    /// files that could not be read.
    public static func forEach(_ paths: [URL], _ body: (CohortReport.Input) -> Void) -> [Problem] {
        let files = files(in: paths)
        var problems: [Problem] = []
        for start in stride(from: 0, to: files.count, by: batchSize) {
            let batch = Array(files[start..<min(start + batchSize, files.count)])
            // One decoder per worker, reused for its files.
            let results = batch.concurrentMap(state: { ProgressFileDecoder.make() }) { decoder, file in
                read(file, decoder: decoder).map { progress in
                    var progress = progress
                    // One student's damaged file must not break the class report.
                    let repaired = progress.repairImpossibleValues()
                    return CohortReport.Input(source: file.path, progress: progress, repairedValues: repaired)
                }
            }
            for result in results {
                switch result {
                case let .success(input): body(input)
                case let .failure(problem): problems.append(problem)
                }
            }
        }
        return problems
    }

    /// One file: decoded once on the fast path; on any doubt read again through the progress
    /// store, which says exactly what is wrong (damaged, newer schema, unreadable).
    static func read(_ file: URL, decoder: JSONDecoder) -> Result<LearnerProgress, Problem> {
        // A profile folder of a data directory: the snapshot with its journal, read-only.
        if file.lastPathComponent == "progress.json",
           FileManager.default.fileExists(atPath: file.deletingLastPathComponent().appending(path: "journal.jsonl").path),
           let progress = try? JournaledProgressStore(directory: file.deletingLastPathComponent(), readOnly: true).load() {
            return .success(progress)
        }
        if let data = try? Data(contentsOf: file), let progress = try? decoder.decode(LearnerProgress.self, from: data),
           progress.schemaVersion <= LearnerProgress.currentSchemaVersion {
            return .success(progress)
        }
        do {
            return .success(try ProgressTransfer.read(file))
        } catch {
            return .failure(Problem(path: file.path, reason: "\(error)"))
        }
    }

    /// The files named, and the `.json` files under the folders named. A Pathway data
    /// directory (a folder with `profiles/`) gives its profiles' progress files, and its pack
    /// cache and other files are skipped without a word.
    static func files(in paths: [URL]) -> [URL] {
        var found: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                found.append(path)  // a missing file is reported when it cannot be read
                continue
            }
            found += collect(path)
        }
        return found
    }

    private static func collect(_ folder: URL) -> [URL] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let profiles = folder.appending(path: "profiles")
        if manager.fileExists(atPath: profiles.path, isDirectory: &isDirectory), isDirectory.boolValue {
            let names = ((try? manager.contentsOfDirectory(atPath: profiles.path)) ?? []).filter(Identifier.isValid).sorted()
            return names.map { profiles.appending(path: "\($0)/progress.json") }.filter { manager.fileExists(atPath: $0.path) }
        }
        var found: [URL] = []
        for child in ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where !child.hasPrefix(".") {
            let url = folder.appending(path: child)
            if manager.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                if child != "cache" { found += collect(url) }
            } else if url.pathExtension.lowercased() == "json" {
                found.append(url)
            }
        }
        return found
    }
}
