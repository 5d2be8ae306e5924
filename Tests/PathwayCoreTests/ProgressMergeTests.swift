import Foundation
import Testing
@testable import PathwayCore

/// Merging two copies of a learner's progress loses nothing from either side.
@Suite struct ProgressMergeTests {
    typealias F = ReportFixtures

    func progress(_ profile: String = "ada", updated: TimeInterval = 0) -> LearnerProgress {
        var progress = LearnerProgress(profile: profile, now: F.t0)
        progress.updatedAt = F.t0 + updated
        return progress
    }

    @Test func attemptsAreUnitedOnceEachAndKeptInTimeOrder() throws {
        var laptop = progress(), desktop = progress()
        laptop.items["p/q"] = F.item([F.attempt("b", false, at: 100), F.attempt("a", true, at: 200)])
        desktop.items["p/q"] = F.item([F.attempt("c", false, at: 50), F.attempt("b", false, at: 100.4), F.attempt("a", true, at: 300)])
        let merged = try #require(laptop.merged(with: desktop).items["p/q"])
        // "b" at 100 s and at 100.4 s is one attempt: progress files keep whole seconds.
        #expect(merged.attempts.map(\.answer) == ["c", "b", "a", "a"])
        #expect(merged.attempts.map(\.at) == [F.t0 + 50, F.t0 + 100, F.t0 + 200, F.t0 + 300])
        // The earliest attempt decides first-try correctness.
        #expect(!merged.firstTryCorrect)
        #expect(merged.secondsSpent == 40)
    }

    @Test func anAnswerRepeatedWithinASecondOnOneSideIsKeptTwice() {
        var a = progress(), b = progress()
        a.items["p/q"] = F.item([F.attempt("b", false, at: 100), F.attempt("b", false, at: 100.5)])
        b.items["p/q"] = F.item([F.attempt("b", false, at: 100)])
        #expect(a.merged(with: b).items["p/q"]?.attempts.count == 2)
        #expect(b.merged(with: a).items["p/q"]?.attempts.count == 2)
    }

    @Test func itemFlagsKeepTheMostOfEitherSide() throws {
        var a = progress(), b = progress()
        a.items["p/hints"] = F.item([], hints: 2)
        b.items["p/hints"] = F.item([], hints: 1, revealed: true)
        a.items["p/skip"] = F.item([F.attempt("x", false, at: 1)], skipped: true)
        b.items["p/skip"] = F.item([F.attempt("y", true, at: 2)])
        a.items["p/still-skipped"] = F.item([], skipped: true)
        b.items["p/still-skipped"] = F.item([F.attempt("z", false, at: 3)])
        let merged = a.merged(with: b)
        #expect(merged.items["p/hints"]?.hintsUsed == 2)
        #expect(merged.items["p/hints"]?.revealed == true)
        #expect(merged.items["p/skip"]?.skipped == false)
        #expect(merged.items["p/skip"]?.answeredCorrectly == true)
        #expect(merged.items["p/still-skipped"]?.skipped == true)
    }

    @Test func timeRecordedOutsideAttemptsIsNotLost() throws {
        var a = progress(), b = progress()
        var record = F.item([F.attempt("x", true, at: 1, seconds: 10)])
        record.secondsSpent = 25
        a.items["p/q"] = record
        b.items["p/q"] = F.item([F.attempt("y", false, at: 0, seconds: 4)])
        #expect(a.merged(with: b).items["p/q"]?.secondsSpent == 29)
    }

    @Test func lessonsAreCompletedIfEitherSideCompletedThem() throws {
        var a = progress(), b = progress()
        a.lessons["p/l1"] = F.lesson(started: 100)
        a.lessons["p/l1"]?.position = 3
        b.lessons["p/l1"] = F.lesson(started: 50, completed: 400)
        b.lessons["p/l1"]?.position = 7
        a.lessons["p/l2"] = F.lesson(started: 10, completed: 20)
        b.lessons["p/l2"] = F.lesson(started: 5, completed: 30)
        b.lessons["p/l3"] = F.lesson(started: 1)
        for merged in [a.merged(with: b), b.merged(with: a)] {
            let l1 = try #require(merged.lessons["p/l1"])
            #expect(l1.completed)
            #expect(l1.startedAt == F.t0 + 50)
            #expect(l1.completedAt == F.t0 + 400)
            #expect(l1.lastVisitedAt == F.t0 + 400)
            #expect(l1.position == 7)  // from the side visited last
            let l2 = try #require(merged.lessons["p/l2"])
            #expect((l2.startedAt, l2.completedAt, l2.lastVisitedAt) == (F.t0 + 5, F.t0 + 20, F.t0 + 30))
            #expect(merged.lessons["p/l3"] != nil)
        }
    }

    @Test func theLatestReflectionWinsAndATieKeepsThisSide() {
        var a = progress(), b = progress()
        a.reflections["p/r1"] = ReflectionRecord(artifact: "PRD", text: "old", checked: [0], savedAt: F.t0 + 10)
        b.reflections["p/r1"] = ReflectionRecord(artifact: "PRD", text: "new", checked: [0, 1], savedAt: F.t0 + 20)
        a.reflections["p/r2"] = ReflectionRecord(artifact: nil, text: "mine", checked: [], savedAt: F.t0 + 5)
        b.reflections["p/r2"] = ReflectionRecord(artifact: nil, text: "theirs", checked: [], savedAt: F.t0 + 5)
        b.reflections["p/r3"] = ReflectionRecord(artifact: nil, text: "only there", checked: [], savedAt: F.t0)
        let merged = a.merged(with: b)
        #expect(merged.reflections["p/r1"]?.text == "new")
        #expect(merged.reflections["p/r1"]?.checked == [0, 1])
        #expect(merged.reflections["p/r2"]?.text == "mine")
        #expect(merged.reflections["p/r3"]?.text == "only there")
        #expect(a.merged(with: b).reflections["p/r1"] == b.merged(with: a).reflections["p/r1"])
    }

    @Test func datesPositionAndProfile() {
        var a = progress("laptop", updated: 100), b = progress("desktop", updated: 200)
        a.createdAt = F.t0 - 50
        a.current = Position(pack: "p", lesson: "old", step: 1, stepID: nil)
        b.current = Position(pack: "p", lesson: "new", step: 2, stepID: "s")
        let merged = a.merged(with: b)
        #expect(merged.profile == "laptop")
        #expect(merged.createdAt == F.t0 - 50)
        #expect(merged.updatedAt == F.t0 + 200)
        #expect(merged.current?.lesson == "new")
        #expect(b.merged(with: a).current?.lesson == "new")
        var noPosition = progress(updated: 500)
        noPosition.current = nil
        #expect(a.merged(with: noPosition).current?.lesson == "old")
    }

    @Test func mergingWithItselfChangesNothing() {
        let sample = F.sampleProgress()
        #expect(sample.merged(with: sample) == sample)
    }

    /// Random progress on both sides: the merge holds every attempt of each, once, in order,
    /// and does not depend on which side merges into which.
    @Test(arguments: 1...25)
    func randomProgressMergesWithoutLoss(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let a = Self.random(using: &random), b = Self.random(using: &random), c = Self.random(using: &random)
        let ab = a.merged(with: b), ba = b.merged(with: a)
        for side in [a, b] {
            for (key, record) in side.items {
                let merged = Set(ab.items[key]?.attempts.map(\.identity) ?? [])
                #expect(Set(record.attempts.map(\.identity)).isSubset(of: merged))
                #expect((ab.items[key]?.hintsUsed ?? 0) >= record.hintsUsed)
            }
            for (key, lesson) in side.lessons where lesson.completed { #expect(ab.lessons[key]?.completed == true) }
        }
        func counts(_ record: ItemRecord?) -> [Attempt.Identity: Int] {
            (record?.attempts ?? []).reduce(into: [:]) { $0[$1.identity, default: 0] += 1 }
        }
        for (key, record) in ab.items {
            // Each attempt appears as often as on the side that has it most often.
            let expected = counts(a.items[key]).merging(counts(b.items[key]), uniquingKeysWith: max)
            #expect(counts(record) == expected)
            #expect(counts(ba.items[key]) == expected)
            #expect(record.attempts.map(\.at) == record.attempts.map(\.at).sorted())
        }
        #expect(Set(ab.items.keys) == Set(a.items.keys).union(b.items.keys))
        #expect(ab.lessons.mapValues(\.completed) == ba.lessons.mapValues(\.completed))
        #expect(ab.merged(with: c).items.mapValues { $0.attempts.count } == a.merged(with: b.merged(with: c)).items.mapValues { $0.attempts.count })
    }

    static func random(using random: inout SeededRandom) -> LearnerProgress {
        var progress = LearnerProgress(profile: "r", now: F.t0)
        for q in 0..<6 where Bool.random(using: &random) {
            let attempts = (0..<Int.random(in: 0...4, using: &random)).map { _ in
                F.attempt(["a", "b", "c"].randomElement(using: &random)!, Bool.random(using: &random),
                          at: Double(Int.random(in: 0...20, using: &random)) * 10)
            }.sorted { $0.at < $1.at }
            progress.items["p/q\(q)"] = F.item(attempts, hints: Int.random(in: 0...2, using: &random))
        }
        for l in 0..<3 where Bool.random(using: &random) {
            progress.lessons["p/l\(l)"] = F.lesson(started: Double(Int.random(in: 0...100, using: &random)),
                                                   completed: Bool.random(using: &random) ? 500 : nil)
        }
        return progress
    }

    // MARK: Transfer through files

    @Test func exportThenImportOnAnotherComputerMergesBothSides() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appending(path: "transfer/ada.json")
        let laptop = F.sampleProgress()
        try ProgressTransfer.export(laptop, to: file)
        let read = try ProgressTransfer.read(file)
        #expect(read == laptop)

        var desktop = progress()
        desktop.items["sample/intro-q1"] = F.item([F.attempt("Carrot", false, at: 60, seconds: 12.5, hints: 1),
                                                   F.attempt("Potato", false, at: 65)])
        desktop.lessons["sample/json-lesson"] = F.lesson(started: 5, completed: 50)
        let (merged, summary) = ProgressTransfer.merge(read, into: desktop)
        #expect(merged.items["sample/intro-q1"]?.attempts.map(\.answer) == ["Carrot", "Potato", "Apple"])
        #expect(summary.attemptsAdded == 7)  // the sample's 8 answers, less the Carrot both sides have
        #expect(summary.itemsAdded == 5)
        #expect(summary.lessonsAdded == 2)
        #expect(summary.lessonsNewlyCompleted == 1)
        #expect(summary.reflectionsAddedOrUpdated == 2)
        #expect(summary.description.hasPrefix("7 answers added (5 new questions), 2 lessons added, 1 newly completed"))
        #expect(ProgressTransfer.merge(read, into: merged).1.attemptsAdded == 0)
    }

    @Test func importRefusesANewerOrDamagedFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("{\"schemaVersion\": 99}", to: "newer.json")
        try directory.write("{not json", to: "broken.json")
        #expect(throws: ProgressError.self) { try ProgressTransfer.read(directory.url.appending(path: "newer.json")) }
        #expect(throws: ProgressError.self) { try ProgressTransfer.read(directory.url.appending(path: "broken.json")) }
        #expect(throws: ProgressError.self) { try ProgressTransfer.read(directory.url.appending(path: "missing.json")) }
    }
}
