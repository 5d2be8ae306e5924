import Foundation
import Testing
@testable import PathwayCore

/// Every broken pack and damaged progress file in the fixture corpus gets one clear message
/// and never a crash. Each fixture folder holds the input and `expected.txt`, a phrase the
/// message must contain.
@Suite struct BadInputCorpusTests {
    static func folders(_ name: String) -> [String] {
        let root = Fixtures.root.appending(path: name)
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The phrase the message must contain: the first line of `expected.txt`.
    static func expected(_ folder: URL) throws -> String {
        try expectation(folder).phrase
    }

    /// The phrase, and where the message must point when `expected.txt` has a second line
    /// `at LINE:COLUMN` (or `at LINE`).
    static func expectation(_ folder: URL) throws -> (phrase: String, line: Int?, column: Int?) {
        let lines = try String(contentsOf: folder.appending(path: "expected.txt"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let phrase = lines.first ?? ""
        guard lines.count > 1, lines[1].hasPrefix("at ") else { return (phrase, nil, nil) }
        let numbers = lines[1].dropFirst(3).split(separator: ":").compactMap { Int($0) }
        return (phrase, numbers.first, numbers.count > 1 ? numbers[1] : nil)
    }

    @Test func theCorpusIsLargeEnough() {
        #expect(Self.folders("bad-packs").count >= 30)
        #expect(Self.folders("bad-progress").count >= 10)
    }

    @Test(arguments: folders("bad-packs"))
    func aBrokenPackGetsOneClearError(name: String) throws {
        let folder = Fixtures.root.appending(path: "bad-packs/\(name)")
        let result = PackLoader().load(folder.appending(path: "pack"), displayPath: name)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(result.pack == nil)
        #expect(errors.count == 1, "\(errors.map(\.description))")
        let (phrase, line, column) = try Self.expectation(folder)
        #expect(errors.first?.message.contains(phrase) == true, "expected '\(phrase)' in \(errors.map(\.message))")
        #expect(errors.first?.file.hasPrefix(name) == true)
        if let line { #expect(errors.first?.line == line, "\(errors.map(\.description))") }
        if let column { #expect(errors.first?.column == column, "\(errors.map(\.description))") }
    }

    @Test(arguments: folders("bad-progress"))
    func aDamagedProgressFileGetsOneClearMessageAndIsNeverOverwritten(name: String) throws {
        let source = Fixtures.root.appending(path: "bad-progress/\(name)/profile")
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let profile = dir.url.appending(path: "profile")
        try FileManager.default.copyItem(at: source, to: profile)
        let original = try Data(contentsOf: profile.appending(path: "progress.json"))
        let store = JournaledProgressStore(directory: profile)
        let phrase = try Self.expected(Fixtures.root.appending(path: "bad-progress/\(name)"))
        do {
            let loaded = try store.load()
            #expect(store.notices.count == 1, "\(store.notices)")
            #expect(store.notices.first?.contains(phrase) == true, "expected '\(phrase)' in \(store.notices)")
            // What is recorded after loading is found by the next load.
            var recorded = RecordedProgress(loaded ?? LearnerProgress(profile: "p", now: Date()))
            recorded.set(.items, "p/after-load", to: ItemRecord())
            try store.record(recorded.changes, of: recorded.progress)
            let reloaded = try #require(try JournaledProgressStore(directory: profile).load())
            #expect(reloaded.items["p/after-load"] != nil)
            for key in loaded?.items.keys.map(\.self) ?? [] { #expect(reloaded.items[key] == loaded?.items[key]) }
        } catch let error as ProgressError {
            #expect("\(error)".contains(phrase), "expected '\(phrase)' in \(error)")
        }
        // The original bytes are still on disk: in place, or kept aside.
        let kept = try FileManager.default.contentsOfDirectory(atPath: profile.path)
            .filter { $0 == "progress.json" || $0 == "progress.json.bak" || $0.hasPrefix("progress.json.damaged-") }
            .map { try Data(contentsOf: profile.appending(path: $0)) }
        #expect(kept.contains(original))
    }
}
