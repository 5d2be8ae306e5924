import Foundation
import Testing
@testable import PathwayCore

/// `path` and `list` show the modules of a pack the learner has not begun from the pack's
/// head, without decoding its modules, and show exactly what its full status would.
@Suite struct PathListingTests {
    /// The shipped curricula and, beside them, two copies of the sample pack no path mentions,
    /// loaded twice through one cache, so that the second load reads every pack's index.
    func library(in dir: TemporaryDirectory) throws -> PackLibrary {
        let extra = dir.url.appending(path: "extra")
        for id in ["sample-a", "sample-b"] {
            let pack = extra.appending(path: id)
            try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Fixtures.samplePack, to: pack)
            let manifest = pack.appending(path: "pack.yaml")
            let text = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: "id: sample\n", with: "id: \(id)\n")
            try text.write(to: manifest, atomically: true, encoding: .utf8)
        }
        let sources = [PackSource(folder: Fixtures.curricula, origin: .shipped), PackSource(folder: extra, origin: .option)]
        let loader = PackLoader(runsSelfCheck: false, cache: PackCache(directory: dir.url.appending(path: "cache")))
        _ = PackLibrary.load(sources, loader: loader)
        return PackLibrary.load(sources, loader: loader)
    }

    func describe(_ other: PathOverview.OtherModule) -> String {
        switch other {
        case let .status(status): "\(status.pack.id)/\(status.module.id) \(status.module.title) \(status.state) \(status.lessonsCompleted)/\(status.lessonsTotal)"
        case let .notBegun(pack, module): "\(pack.id)/\(module.id) \(module.title) \(PathOverview.State.available) 0/\(module.lessons.count)"
        }
    }

    @Test(arguments: ["lesson", "placement", "nothing"])
    func aPackNotBegunIsToldByItsHeadAndShowsWhatItsModulesWould(record: String) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let library = try library(in: dir)
        #expect(library.packs.contains { $0.id == "sample-a" } && library.packs.contains { $0.id == "sample-b" })
        var progress = LearnerProgress(profile: "t", now: Date(timeIntervalSince1970: 1_800_000_000))
        switch record {
        case "lesson": progress.lessons["sample-a/intro"] = LessonRecord(startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        case "placement": progress.placements["sample-a/basics"] = PlacementRecord(packVersion: "1.2.0", score: 1, verdict: .testedOut, at: Date(timeIntervalSince1970: 1_800_000_000), answers: [])
        default: break
        }
        let (_, others) = PathOverview.listing(library: library, progress: progress)
        let decoded = Set(library.packs.filter(\.modulesRead).map(\.id))
        #expect(decoded.contains("sample-a") == (record != "nothing"), "\(decoded)")
        #expect(!decoded.contains("sample-b"), "a pack not begun was decoded: \(decoded)")
        let full = PathOverview(library: library, progress: progress).otherModules.map(PathOverview.OtherModule.status)
        #expect(others.map(describe) == full.map(describe))
        #expect(others.count == 4)
        if record != "nothing" { #expect(others.contains { if case .status = $0 { true } else { false } }) }
    }

    @Test func progressTotalsFromTheHeadsEqualTheLessonsCounts() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let library = try library(in: dir)
        for pack in library.packs {
            let counts = pack.lessons.reduce(StepCounts.zero) { $0 + $1.lesson.counts }
            #expect(pack.head.counts == counts, "\(pack.id)")
            #expect(pack.head.modules.map(\.title) == pack.modules.map(\.title))
        }
    }
}
