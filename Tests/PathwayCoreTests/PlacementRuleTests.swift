import Foundation
import Testing
@testable import PathwayCore
import PathwayTestSupport

/// The placement rule: a module passes on 3 of 3; on exactly 2 of 3 two more items decide it
/// (both right passes); when the pack has too few further items the learner is told, and the
/// module is not tested out. A simulated learner shows the pass rates the rule promises.
@Suite struct PlacementRuleTests {
    /// The rule pack (see ``PlacementRulePack``) on its own path.
    static func library() throws -> (PackLibrary, TemporaryDirectory) {
        let dir = TemporaryDirectory()
        try PlacementRulePack.write(into: dir.url.appending(path: "packs"))
        return (PackLibrary.load([PackSource(folder: dir.url.appending(path: "packs"), origin: .option)]), dir)
    }

    static func tutor(_ library: PackLibrary, seed: UInt64 = 1) -> Tutor {
        var options = Tutor.Options()
        options.shuffleChoices = false
        return Tutor(library: library, progress: LearnerProgress(profile: "p", now: Date(timeIntervalSince1970: 1_800_000_000)),
                     store: MemoryProgressStore(), clock: Clock { Date(timeIntervalSince1970: 1_800_000_000) }, random: SeededRandom(seed: seed),
                     options: options)
    }

    /// A right or a wrong answer to the current item.
    static func answer(_ tutor: Tutor, right: Bool) throws -> String {
        let item = try #require(tutor.placement?.current)
        if item.question is NumericQuestion { return right ? "7.5" : "12" }
        return right ? "a" : "c"
    }

    /// Plays one placement with answers given by `right(itemIndex)`; the module's verdict and
    /// the number of items asked.
    static func play(_ library: PackLibrary, right: (Int) throws -> Bool) throws -> (Placement.Verdict, Int, [Tutor.PlacementOutcome]) {
        let tutor = tutor(library)
        #expect(tutor.choosePath("rule-path"))
        #expect(tutor.beginPlacement(track: "metrics") == .started(items: 3, modules: 1))
        var outcomes: [Tutor.PlacementOutcome] = []
        var asked = 0
        while tutor.placement != nil {
            let outcome = tutor.answerPlacement(try answer(tutor, right: try right(asked)))
            asked += 1
            outcomes.append(outcome)
            if case let .finished(results) = outcome { return (try #require(results.first).verdict, asked, outcomes) }
            if asked > 10 { break }
        }
        Issue.record("the placement did not finish")
        return (.toStudy, asked, outcomes)
    }

    @Test func threeOfThreePassesAtOnce() throws {
        let (library, dir) = try Self.library()
        defer { dir.remove() }
        let (verdict, asked, _) = try Self.play(library) { _ in true }
        #expect(verdict == .testedOut && asked == 3)
    }

    @Test func twoOfThreeBringsTwoMoreAndTwoOfTwoPasses() throws {
        let (library, dir) = try Self.library()
        defer { dir.remove() }
        let (verdict, asked, outcomes) = try Self.play(library) { $0 != 1 }
        #expect(verdict == .testedOut && asked == 5)
        #expect(outcomes[2] == .followUp(correct: true, module: "Metrics", items: 2))
        // One of the two follow-ups wrong: not tested out, and the answers are all kept.
        let (failed, failedAsked, _) = try Self.play(library) { $0 != 0 && $0 != 4 }
        #expect(failed == .toStudy && failedAsked == 5)
    }

    @Test func oneOfThreeEndsTheModule() throws {
        let (library, dir) = try Self.library()
        defer { dir.remove() }
        let (verdict, asked, _) = try Self.play(library) { $0 == 0 }
        #expect(verdict == .toStudy && asked == 3)
    }

    @Test func withTooFewItemsTwoOfThreeIsUndecidedAndNotTestedOut() throws {
        // The judgment pack's module has exactly three placement items and nothing else at apply level.
        let (library, dir) = try CareerPathChoiceTests().library()
        defer { dir.remove() }
        let tutor = Self.tutor(library, seed: 4)
        #expect(tutor.choosePath("judgment-path"))
        #expect(tutor.beginPlacement(track: "cases") == .started(items: 3, modules: 1))
        #expect(tutor.answerPlacement("7.5") == .answered(correct: true))
        #expect(tutor.answerPlacement(nil) == .answered(correct: false))
        guard case let .finished(results) = tutor.answerPlacement("a") else { Issue.record("not finished"); return }
        #expect(results.map(\.verdict) == [.undecided])
        #expect(tutor.progress.placements["judgment/cases"]?.undecided == true)
        #expect(tutor.progress.placements["judgment/cases"]?.testedOut == false)
        #expect(tutor.overview.state(pack: "judgment", module: "cases") == .available)
    }

    @Test func theFirstRoundAlwaysHoldsAnItemThatIsNotAChoice() throws {
        let (library, dir) = try Self.library()
        defer { dir.remove() }
        let module = try #require(library.pack(id: "rule")?.modules.first)
        let rounds = Tutor.placementRounds(of: module)
        #expect(rounds.first.map(\.questionID) == ["n1", "c1", "c2"])
        #expect(rounds.followUps.map(\.questionID) == ["c3", "c4", "c5"])
        #expect(Placement.firstRound(right: 3, of: 3) == .passed)
        #expect(Placement.firstRound(right: 2, of: 3) == .followUp)
        #expect(Placement.firstRound(right: 1, of: 3) == .failed)
    }

    /// A learner who answers each item right with probability `p`, drawn from a seeded generator.
    static func passRate(p: Double, runs: Int, seed: UInt64) throws -> Double {
        let (library, dir) = try library()
        defer { dir.remove() }
        var random = SeededRandom(seed: seed)
        var passed = 0
        for _ in 0..<runs {
            let (verdict, _, _) = try play(library) { _ in Double.random(in: 0..<1, using: &random) < p }
            if verdict == .testedOut { passed += 1 }
        }
        return Double(passed) / Double(runs)
    }

    @Test func aGuesserRarelyTestsOutAndAMasterUsuallyDoes() throws {
        // Expected under the rule: p³ + 3p²(1 − p)·p² (item-writing notes, §7).
        func expected(_ p: Double) -> Double { p * p * p + 3 * p * p * (1 - p) * p * p }
        #expect(abs(expected(0.25) - 0.0244) < 0.0001 && abs(expected(0.9) - 0.9258) < 0.0001)
        let runs = 1_500
        for (p, seed) in [(0.25, UInt64(11)), (0.9, UInt64(12))] {
            let rate = try Self.passRate(p: p, runs: runs, seed: seed)
            let sigma = (expected(p) * (1 - expected(p)) / Double(runs)).squareRoot()
            #expect(abs(rate - expected(p)) < 4 * sigma, "p = \(p): passed \(rate), expected \(expected(p)) ± \(4 * sigma)")
        }
    }

    @Test func aLearnerTypingRandomAnswersAlmostNeverTestsOut() throws {
        // Random letters on the choice items and a random whole percentage on the numeric one:
        // the numeric item is all but never right, so passing needs both other first-round
        // items and both follow-ups right by chance: (1/4)⁴ ≈ 0.4%.
        let (library, dir) = try Self.library()
        defer { dir.remove() }
        var random = SeededRandom(seed: 99)
        var passed = 0, followedUp = 0
        let runs = 1_500
        for _ in 0..<runs {
            let tutor = Self.tutor(library)
            #expect(tutor.choosePath("rule-path"))
            _ = tutor.beginPlacement(track: "metrics")
            var outcome: Tutor.PlacementOutcome = .answered(correct: false)
            while tutor.placement != nil {
                let item = try #require(tutor.placement?.current)
                let guess = item.question is NumericQuestion ? "\(Int.random(in: 0...100, using: &random))"
                    : ["a", "b", "c", "d"].randomElement(using: &random)!
                outcome = tutor.answerPlacement(guess)
                if case .followUp = outcome { followedUp += 1 }
            }
            if case let .finished(results) = outcome, results.first?.testedOut == true { passed += 1 }
        }
        #expect(Double(passed) / Double(runs) < 0.015, "a guesser tested out \(passed) times in \(runs)")
        // Two of three right by chance (both choice items; the numeric one almost never): about 1/16.
        #expect(abs(Double(followedUp) / Double(runs) - 1.0 / 16) < 0.025, "follow-ups: \(followedUp) of \(runs)")
    }
}
