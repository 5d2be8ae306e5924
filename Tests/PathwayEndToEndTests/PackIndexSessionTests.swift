import Foundation
import Testing

/// Between two launches of the tutor, an author edits a lesson, a module and the manifest of a
/// pack; each launch shows the pack as it is on disk, whatever the pack index holds.
@Suite struct PackIndexSessionTests {
    static let sample = TerminalSessionTests.repository.appending(path: "Tests/PathwayCoreTests/Fixtures/good/sample")

    struct Folders {
        var root: URL
        var packs: URL { root.appending(path: "packs") }
        var pack: URL { packs.appending(path: "sample") }
        var data: URL { root.appending(path: "data") }
        var cache: URL { data.appending(path: "cache/packs") }
    }

    func folders() throws -> Folders {
        let folders = Folders(root: FileManager.default.temporaryDirectory.appending(path: "pathway-index-\(UUID().uuidString)"))
        try FileManager.default.createDirectory(at: folders.packs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.sample, to: folders.pack)
        return folders
    }

    /// A scripted session (standard input is not a terminal) on the folder's packs only.
    func session(_ input: String, _ folders: Folders, arguments: [String] = ["--seed", "1", "--no-shuffle"]) throws -> BinaryRun {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        let run = try BinaryRun.run(binary, arguments, input: input, environment: [
            "PATHWAY_HOME": folders.data.path, "PATHWAY_CURRICULA": folders.packs.path, "HOME": folders.root.path,
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PATHWAY_SKIP_IDENTITY": "1",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        return run
    }

    /// Rewrites `file` in place (same inode), replacing `old` with `new`.
    func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(file.lastPathComponent) has no '\(old)'")
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: old, with: new).utf8))
        try handle.close()
    }

    func indexFiles(_ folders: Folders) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folders.cache.path)) ?? []).filter { $0.hasSuffix(".index") }
    }

    @Test func eachEditBetweenLaunchesIsSeenAndADamagedIndexIsRebuilt() throws {
        let folders = try folders()
        defer { try? FileManager.default.removeItem(at: folders.root) }
        let script = "list\nlist basics\nstart intro\nnext\nquit\n"

        let first = try session(script, folders)
        #expect(first.stdout.contains("Sample pack"))
        #expect(first.stdout.contains("Basics"))
        #expect(first.stdout.contains("Which is a fruit?"), "\(first.stdout)")
        let indexes = indexFiles(folders)
        #expect(indexes.count == 1, "\(indexes)")
        let index = folders.cache.appending(path: try #require(indexes.first))
        let written = try Data(contentsOf: index)

        // Nothing changed: the second launch reads the index and leaves it as it was.
        let second = try session(script, folders)
        #expect(second.stdout.contains("Which is a fruit?"))
        #expect(try Data(contentsOf: index) == written)

        // A lesson: the same number of bytes, in place.
        try edit(folders.pack.appending(path: "lessons/intro.yaml"), "Which is a fruit?", "Which is a FRUIT?")
        let lesson = try session(script, folders)
        #expect(lesson.stdout.contains("Which is a FRUIT?"), "\(lesson.stdout)")
        #expect(!lesson.stdout.contains("Which is a fruit?"))

        // A module's title.
        try edit(folders.pack.appending(path: "modules/basics.yaml"), "title: Basics", "title: Basics, second draft")
        let module = try session(script, folders)
        #expect(module.stdout.contains("Basics, second draft"), "\(module.stdout)")

        // The manifest: a new title and version, in the REPL and in `pack list`.
        try edit(folders.pack.appending(path: "pack.yaml"), "title: Sample pack", "title: Sample pack, revised")
        try edit(folders.pack.appending(path: "pack.yaml"), "version: 1.2.0", "version: 1.3.0")
        let manifest = try session(script, folders)
        #expect(manifest.stdout.contains("Sample pack, revised"), "\(manifest.stdout)")
        #expect(manifest.stdout.contains("1.3.0"))
        let listed = try session("", folders, arguments: ["pack", "list"])
        #expect(listed.stdout.contains("1.3.0"), "\(listed.stdout)")
        #expect(listed.stdout.contains("Sample pack, revised"))

        // A truncated index is rebuilt, not trusted.
        let current = try Data(contentsOf: index)
        try current.prefix(current.count / 2).write(to: index)
        let truncated = try session(script, folders)
        #expect(truncated.stdout.contains("Which is a FRUIT?"))
        #expect(try Data(contentsOf: index).count == current.count)
    }

    /// An install writes the index beside the packs (`pathway pack index`): a first launch on a
    /// fresh data folder reads it and writes none of its own, until a pack changes.
    @Test func aFirstLaunchReadsTheIndexWrittenBesideThePacks() throws {
        let folders = try folders()
        defer { try? FileManager.default.removeItem(at: folders.root) }
        let indexed = try session("", folders, arguments: ["pack", "index", folders.packs.path])
        #expect(indexed.stdout.contains("Wrote the index of 1 pack"), "\(indexed.stdout)")
        let shared = folders.packs.appending(path: ".pathway-index")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: shared.path)) ?? []).count == 1)

        let script = "list\nstart intro\nnext\nquit\n"
        let first = try session(script, folders)
        #expect(first.stdout.contains("Which is a fruit?"), "\(first.stdout)")
        #expect(indexFiles(folders).isEmpty, "the data folder got an index of its own: \(indexFiles(folders))")

        // Once the pack changes, that index no longer counts: the YAML is read and indexed in the data folder.
        try edit(folders.pack.appending(path: "lessons/intro.yaml"), "Which is a fruit?", "Which is a FRUIT?")
        let edited = try session(script, folders)
        #expect(edited.stdout.contains("Which is a FRUIT?"), "\(edited.stdout)")
        #expect(indexFiles(folders).count == 1)
    }
}
