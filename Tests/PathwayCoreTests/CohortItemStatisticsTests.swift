import Foundation
import Testing
@testable import PathwayCore

/// Item statistics on a crafted class of five, checked against figures worked out by hand.
///
/// First attempts (1 right, 0 wrong; every question is single choice with A right):
///
///     learner  q1 q2 q3   wrong picks
///     l1        0  0  0   q1 B, q2 B, q3 B
///     l2        0  0  1   q1 B, q2 C
///     l3        1  0  1   q2 B
///     l4        1  1  0   q3 C
///     l5        1  1  0   q3 C
///
/// Facility = mean first-attempt score: q1 3/5 = 0.6, q2 2/5 = 0.4, q3 2/5 = 0.4.
/// Rest score = the mean of a learner's two other scores. Item–rest r for q1: x = (0,0,1,1,1),
/// rest = (0, .5, .5, .5, .5); deviations from the means (.6 and .4) give Σdxdy = 0.30,
/// Σdx² = 1.2, Σdy² = 0.2, r = 0.30 / √0.24 = 0.612. For q2: x = (0,0,0,1,1), rest =
/// (0, .5, 1, .5, .5), Σdxdy = 0 so r = 0 (near zero). For q3: x = (0,1,1,0,0), rest =
/// (0, 0, .5, 1, 1), Σdxdy = −0.5, Σdx² = 1.2, Σdy² = 1, r = −0.5 / √1.2 = −0.456 (negative).
/// Choices: q1 A 3, B 2, C 0 (a distractor nobody picks); q2 A 2, B 2, C 1; q3 A 2, B 1, C 2.
@Suite struct CohortItemStatisticsTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func library(_ dir: TemporaryDirectory) throws -> PackLibrary {
        try dir.write("format: 1\nid: lab\ntitle: Lab\nversion: 1.0.0\nauthors: [A]\ndescription: D\nlicense: L\nmodules: [m.yaml]\n", to: "packs/lab/pack.yaml")
        try dir.write("id: m\ntitle: M\nskills: [s]\nlessons: [l.yaml]\n", to: "packs/lab/m.yaml")
        let steps = (1...3).map { "  - {type: single_choice, id: q\($0), prompt: Q\($0), explanation: E, choices: [{text: A, correct: true}, {text: B}, {text: C}]}" }
        try dir.write("id: l\ntitle: L\nsteps:\n" + steps.joined(separator: "\n") + "\n", to: "packs/lab/l.yaml")
        try dir.write("format: 1\nid: other\ntitle: Other\nversion: 1.0.0\nauthors: [A]\ndescription: D\nlicense: L\nmodules: [m.yaml]\n", to: "packs/other/pack.yaml")
        try dir.write("id: om\ntitle: OM\nskills: [s]\nlessons:\n  - id: ol\n    title: OL\n    steps:\n      - {type: true_false, id: o1, prompt: O, explanation: E, answer: true}\n", to: "packs/other/m.yaml")
        let library = PackLibrary.load([PackSource(folder: dir.url.appending(path: "packs"), origin: .option)])
        try #require(library.packs.count == 2, "\(library.diagnostics)")
        return library
    }

    static func learner(_ name: String, _ answers: [String: String], at offset: TimeInterval = 100) -> CohortReport.Input {
        var progress = LearnerProgress(profile: name, now: t0)
        for (id, answer) in answers {
            var item = ItemRecord()
            let pack = id.hasPrefix("o") ? "other" : "lab"
            item.attempts = [Attempt(answer: answer, correct: answer == "A" || answer == "true", at: t0 + offset, seconds: 10, hintsUsed: 0)]
            if answer != "A", answer != "true" {
                item.attempts.append(Attempt(answer: "A", correct: true, at: t0 + offset + 5, seconds: 5, hintsUsed: 0))
            }
            progress.items[ProgressKey(pack: pack, id: id)] = item
        }
        return CohortReport.Input(source: "\(name).json", progress: progress)
    }

    static let classOfFive = [
        learner("l1", ["q1": "B", "q2": "B", "q3": "B"]),
        learner("l2", ["q1": "B", "q2": "C", "q3": "A"]),
        learner("l3", ["q1": "A", "q2": "B", "q3": "A"]),
        learner("l4", ["q1": "A", "q2": "A", "q3": "C"]),
        learner("l5", ["q1": "A", "q2": "A", "q3": "C"]),
    ]

    @Test func facilityDiscriminationAndChoiceFrequenciesMatchTheHandComputedFigures() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let report = CohortReport(library: try Self.library(dir), learners: Self.classOfFive, now: Self.t0)
        let stats = Dictionary(uniqueKeysWithValues: report.itemStatistics.map { ($0.question, $0) })
        #expect(report.itemStatistics.map(\.question) == ["q1", "q2", "q3"])
        #expect(report.discriminationMethod.hasPrefix("item-rest correlation"))
        let q1 = try #require(stats["q1"]), q2 = try #require(stats["q2"]), q3 = try #require(stats["q3"])
        #expect((q1.learners, q1.facility, q1.discrimination) == (5, 0.6, 0.612))
        #expect((q2.facility, q2.discrimination) == (0.4, 0.0))
        #expect((q3.facility, q3.discrimination) == (0.4, -0.456))
        #expect(q1.choices.map(\.count) == [3, 2, 0])
        #expect(q1.choices.map(\.share) == [0.6, 0.4, 0])
        #expect(q1.choices.map(\.correct) == [true, false, false])
        #expect(q2.choices.map(\.count) == [2, 2, 1])
        #expect(q3.choices.map(\.count) == [2, 1, 2])
        #expect(q1.flags == ["distractor nobody picks: 'C'"])
        #expect(q2.flags.count == 1 && q2.flags[0].hasPrefix("near-zero discrimination"))
        #expect(q3.flags.count == 1 && q3.flags[0].hasPrefix("negative discrimination"))
    }

    @Test func everyFormatShowsTheStatistics() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let report = CohortReport(library: try Self.library(dir), learners: Self.classOfFive, now: Self.t0)
        let html = try CohortHTMLFormat().render(report)
        #expect(html.contains("Item statistics") && html.contains("item-rest correlation"))
        #expect(html.contains("-0.46") && html.contains("distractor nobody picks: &#39;C&#39;") || html.contains("distractor nobody picks: 'C'"))
        let csv = try CohortCSVFormat(table: .statistics).render(report)
        let rows = csv.split(whereSeparator: \.isNewline).map(String.init)
        #expect(rows.first == CohortCSVFormat.statisticsColumns.joined(separator: ","))
        #expect(rows.contains("lab,q1,m,single_choice,5,0.6,0.612,C,false,0,0,distractor nobody picks: 'C'"))
        let json = try CohortJSONFormat().render(report)
        #expect(json.contains("\"discrimination\" : -0.456"))
    }

    @Test func filtersByPackAndByDateApplyToEveryFigure() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let library = try Self.library(dir)
        // A sixth learner answered later, and everyone also answered the other pack.
        var learners = Self.classOfFive + [Self.learner("late", ["q1": "B", "q2": "A", "q3": "A"], at: 10 * 86_400)]
        learners = learners.map { input in
            var input = input
            input.progress.items[ProgressKey(pack: "other", id: "o1")] = Self.learner("x", ["o1": "true"]).progress.items.first?.value
            return input
        }
        let filter = CohortFilter(packs: ["lab"], until: Self.t0 + 86_400)
        let report = CohortReport(library: filter.apply(to: library),
                                  learners: learners.map { var kept = $0; kept.progress = filter.apply(to: $0.progress); return kept }, now: Self.t0)
        #expect(report.itemStatistics.map(\.question) == ["q1", "q2", "q3"])
        #expect(report.itemStatistics.first?.learners == 5)
        #expect(report.itemStatistics.first?.discrimination == 0.612)
        #expect(report.modules.map(\.pack) == ["lab"])
        let unfiltered = CohortReport(library: library, learners: learners, now: Self.t0)
        #expect(unfiltered.itemStatistics.first { $0.question == "q1" }?.learners == 6)
        #expect(unfiltered.itemStatistics.contains { $0.question == "o1" })
    }

    @Test func aDataFolderGivesItsProfilesAndItsCacheIsSkippedQuietly() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let progress = Self.classOfFive[0].progress
        let data = try SnapshotFile.encode(progress)
        try FileManager.default.createDirectory(at: dir.url.appending(path: "alice/profiles/default"), withIntermediateDirectories: true)
        try data.write(to: dir.url.appending(path: "alice/profiles/default/progress.json"))
        try dir.write("{\"not\": \"progress\"}", to: "alice/cache/packs/lab-1.0.0.json")
        try dir.write("{\"format\": 1}", to: "bob/cache/packs/other.json")
        let (inputs, problems) = CohortLoader.load([dir.url.appending(path: "alice"), dir.url.appending(path: "bob")])
        #expect(problems.isEmpty, "\(problems)")
        #expect(inputs.map(\.progress.profile) == ["l1"])
    }
}
