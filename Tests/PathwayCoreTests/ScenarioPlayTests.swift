import Foundation
import Testing
@testable import PathwayCore

/// Playing a scenario: decisions are graded and recorded through the journal, a run resumes at
/// the same node, a decision stands, a finished case can be replayed, and mastery counts it.
@Suite struct ScenarioPlayTests {
    let library = PackLibrary.load([PackSource(folder: Fixtures.root.appending(path: "judgment"), origin: .option)])
    let clock = ManualClock()

    func makeTutor(_ store: any ProgressStore, progress: LearnerProgress? = nil) -> Tutor {
        var options = Tutor.Options()
        options.shuffleChoices = false
        return Tutor(library: library, progress: progress ?? LearnerProgress(profile: "t", now: clock.now), store: store,
                     clock: clock.clock, random: SeededRandom(seed: 3), options: options)
    }

    func openScenario(_ tutor: Tutor) throws {
        let (pack, module, lesson) = try #require(library.lessons(matching: "refunds").first)
        tutor.open(pack: pack, module: module, lesson: lesson)
        #expect(tutor.advance() == .moved)
        #expect(tutor.openScenario?.step.scenarioID == "case-refunds")
    }

    func node(_ tutor: Tutor) -> String? {
        if case let .deciding(node, _, _)? = tutor.scenarioPhase() { return node.id }
        return nil
    }

    @Test func aRunIsScoredAsTheMeanOfItsDecisions() throws {
        let tutor = makeTutor(MemoryProgressStore())
        try openScenario(tutor)
        #expect(node(tutor) == "n1")
        #expect(tutor.active?.settled == false)
        clock.advance(20)
        guard case let .decided(option, next, ended) = tutor.decide("b") else { Issue.record("not decided"); return }
        #expect(option.score == 0.2 && next?.id == "n2" && ended == nil)
        #expect(tutor.decide("z") == .malformed("'z' is not one of the choices; type a letter a–b or 1–2."))
        clock.advance(5)
        guard case let .decided(_, nil, ended?) = tutor.decide("a") else { Issue.record("the case did not end"); return }
        #expect(abs(ended.score - 0.6) < 1e-9)
        #expect(ended.decisions.map(\.node) == ["n1", "n2"])
        #expect(ended.decisions.map(\.seconds) == [20, 5])
        #expect(tutor.active?.settled == true)
        let (pack, module, _) = try #require(library.lessons(matching: "refunds").first)
        let mastery = Mastery.score(of: module, in: pack, progress: tutor.progress)
        #expect(mastery.items == 5)
        #expect(abs(mastery.score - 0.6 / 5) < 1e-9)
    }

    @Test func aRunResumesAtTheSameNodeFromTheJournal() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = JournaledProgressStore(directory: dir.url, clock: clock.clock)
        let tutor = makeTutor(store)
        try openScenario(tutor)
        guard case .decided = tutor.decide("c") else { Issue.record("not decided"); return }
        #expect(node(tutor) == "n3")
        // A new session reads the journal (no snapshot was written) and resumes at n3.
        let reloaded = try #require(try JournaledProgressStore(directory: dir.url, clock: clock.clock).load())
        #expect(reloaded.scenarios["judgment/case-refunds"]?.currentRun?.decisions.map(\.text) == ["Ask legal to change the policy"])
        let again = makeTutor(JournaledProgressStore(directory: dir.url, clock: clock.clock), progress: reloaded)
        let target = try #require(again.resumeTarget())
        again.open(pack: target.pack, module: target.module, lesson: target.lesson)
        #expect(node(again) == "n3")
        // The intended loop goes back to the start node within the same run.
        guard case let .decided(_, next?, nil) = again.decide("a") else { Issue.record("the loop was not followed"); return }
        #expect(next.id == "n1")
        #expect(again.progress.scenarios["judgment/case-refunds"]?.runs.count == 1)
    }

    @Test func aDecisionStandsButAFinishedCaseCanBeReplayed() throws {
        let tutor = makeTutor(MemoryProgressStore())
        try openScenario(tutor)
        #expect(tutor.backRefusal == nil)
        _ = tutor.decide("a")
        #expect(tutor.backRefusal != nil)
        #expect(!tutor.back())
        #expect(tutor.openScenario != nil)
        #expect(!tutor.replayScenario(), "a run under way cannot be restarted")
        _ = tutor.decide("b")
        guard case .finished? = tutor.scenarioPhase() else { Issue.record("not finished"); return }
        #expect(tutor.backRefusal == nil)
        #expect(tutor.replayScenario())
        #expect(node(tutor) == "n1")
        _ = tutor.decide("a")
        _ = tutor.decide("a")
        let record = try #require(tutor.progress.scenarios["judgment/case-refunds"])
        #expect(record.finishedRuns.count == 2)
        #expect(abs((record.firstRun?.score ?? 0) - 0.65) < 1e-9)
        #expect(record.bestRun?.score == 1)
        // The first run counts; a better replay counts half: max(0.65, 0.5).
        #expect(abs(Mastery.scenarioScore(record) - 0.65) < 1e-9)
    }

    @Test func mergingKeepsEveryRunOnce() throws {
        let tutor = makeTutor(MemoryProgressStore())
        try openScenario(tutor)
        _ = tutor.decide("a")
        _ = tutor.decide("a")
        let mine = tutor.progress
        clock.advance(100)
        #expect(tutor.replayScenario())
        _ = tutor.decide("b")
        let merged = mine.merged(with: tutor.progress)
        #expect(merged.scenarios["judgment/case-refunds"]?.runs.count == 2)
        #expect(merged.merged(with: merged) == merged)
    }
}
