import Foundation
import PathwayTestSupport
import Testing
@testable import PathwayCore
@testable import PathwayShell

/// `pack preview --watch`: an edit on disk reloads and re-checks the pack, and the learner
/// stays at the step they were on when it still exists.
@Suite struct PreviewWatchTests {
    /// A folder under the system temporary directory.
    struct WatchFolder {
        let url = FileManager.default.temporaryDirectory.appending(path: "pathway-watch-\(UUID().uuidString)")
        func write(_ text: String, to relative: String) throws {
            let file = url.appending(path: relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    /// Returns scripted events, running an action (an edit on disk) before some of them.
    final class EditingReader: LineReader {
        var script: [(action: (() throws -> Void)?, event: LineEvent)]
        let isInteractive = false
        init(_ script: [(action: (() throws -> Void)?, event: LineEvent)]) { self.script = script }
        func readLine(prompt: String) -> LineEvent {
            guard !script.isEmpty else { return .endOfInput }
            let next = script.removeFirst()
            try? next.action?()
            return next.event
        }
    }

    static func lesson(secondPrompt: String, extra: String = "") -> String {
        """
        id: l
        title: L
        steps:
          - {type: text, id: intro, text: Welcome}
          - {type: true_false, id: q1, prompt: \(secondPrompt), explanation: E, answer: true}
          - {type: true_false, id: q2, prompt: Third, explanation: E, answer: false\(extra)}
        """
    }

    @Test func anEditReloadsAtTheSameStepAndAnErrorIsShown() throws {
        let dir = WatchFolder()
        defer { dir.remove() }
        try dir.write("format: 1\nid: w\ntitle: W\nversion: 1.0.0\nauthors: [A]\ndescription: D\nlicense: L\nmodules: [m.yaml]\n", to: "w/pack.yaml")
        try dir.write("id: m\ntitle: M\nskills: [s]\nlessons: [l.yaml]\n", to: "w/m.yaml")
        try dir.write(Self.lesson(secondPrompt: "First version of the question"), to: "w/l.yaml")
        let folder = dir.url.appending(path: "w")
        let working = [PackSource(folder: folder, origin: .working, displayPath: "w")]
        let load = { PackLibrary.loadWorking(working, searchPath: []) }
        let library = load()
        let pack = try #require(library.pack(id: "w"), "\(library.diagnostics)")
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "preview", now: Date()), store: MemoryProgressStore(),
                          random: SeededRandom(seed: 1), saving: .preview)
        let edit: (String, String) -> () throws -> Void = { prompt, extra in
            { try dir.write(Self.lesson(secondPrompt: prompt, extra: extra), to: "w/l.yaml") }
        }
        let reader = EditingReader([
            (nil, .line("next")),
            (edit("Second version edited while previewing", ""), .woken),
            (edit("Broken", ", explaination: x"), .woken),
        ])
        let output = BufferOutput(), errors = BufferOutput()
        let repl = Repl(tutor: tutor, reader: reader, output: output, errors: errors, width: 100, reloadLibrary: load)
        let watcher = FolderWatcher(folder: folder)
        repl.watch = { watcher.changed() }
        let found = try #require(pack.lesson(id: "l"))
        repl.open(pack: pack, module: found.module, lesson: found.lesson, restart: true)
        repl.run(greeting: false)
        let text = output.plainText
        #expect(text.contains("First version of the question"))
        #expect(text.contains("Reloading: the pack changed on disk."))
        #expect(text.contains("Second version edited while previewing"))
        #expect(text.contains("At step 2 of 3."))
        #expect(errors.plainText.contains("unknown key 'explaination'; did you mean 'explanation'?"))
        #expect(errors.plainText.contains("lesson 'l' of pack 'w' is not available after reloading"))
    }

    @Test func aSnapshotIgnoresBackupsAndSeesEdits() throws {
        let dir = WatchFolder()
        defer { dir.remove() }
        try dir.write("a", to: "p/pack.yaml")
        let watcher = FolderWatcher(folder: dir.url.appending(path: "p"))
        #expect(!watcher.changed())
        try dir.write("x", to: "p/pack.yaml~")
        try dir.write("x", to: "p/.pack.yaml.swp")
        #expect(!watcher.changed())
        try dir.write("ab", to: "p/pack.yaml")
        #expect(watcher.changed())
        #expect(!watcher.changed())
    }
}
