import Foundation
import Testing
@testable import PathwayCore

/// Placement: modules passed (3 of 3, or 2 of 3 then 2 of 2) are tested out, which unlocks what follows;
/// once per track per pack version; lesson answers are never touched.
@Suite struct PlacementTests {
    let clock = ManualClock()

    func makeTutor() throws -> (Tutor, TemporaryDirectory) {
        let (library, dir) = try CareerPathChoiceTests().library()
        var options = Tutor.Options()
        options.shuffleChoices = false
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "p", now: clock.now), store: MemoryProgressStore(),
                          clock: clock.clock, random: SeededRandom(seed: 4), options: options)
        #expect(tutor.choosePath("judgment-path"))
        return (tutor, dir)
    }

    /// The right answer to the current placement item, typed as a learner would.
    func rightAnswer(_ tutor: Tutor) throws -> String {
        let item = try #require(tutor.placement?.current)
        let presentation = try #require(tutor.placementPresentation())
        switch item.question {
        case is NumericQuestion: return "7.5"
        case let ordering as OrderingQuestion:
            return ordering.items.indices.map { i in ChoiceInput.letter(presentation.order.firstIndex(of: i)!) }.joined(separator: ",")
        default: return "a"
        }
    }

    @Test func passingTestsOutAModuleAndUnlocksTheNextTrack() throws {
        let (tutor, dir) = try makeTutor()
        defer { dir.remove() }
        #expect(tutor.overview.tracks[1].isLocked)
        #expect(tutor.beginPlacement(track: "cases") == .started(items: 3, modules: 1))
        #expect(tutor.placement?.items.map(\.question.questionID) == ["refund-rate", "refund-order", "refund-choice"])
        guard case .malformed = tutor.answerPlacement("not a number") else { Issue.record("accepted"); return }
        #expect(tutor.answerPlacement(try rightAnswer(tutor)) == .answered(correct: true))
        #expect(tutor.answerPlacement(try rightAnswer(tutor)) == .answered(correct: true))
        guard case let .finished(results) = tutor.answerPlacement(try rightAnswer(tutor)) else { Issue.record("not finished"); return }
        #expect(results == [.init(module: "cases", title: "Cases", score: 1, verdict: .testedOut)])
        #expect(tutor.placement == nil)
        #expect(tutor.overview.state(pack: "judgment", module: "cases") == .testedOut)
        #expect(!tutor.overview.tracks[1].isLocked)
        // Nothing of the lessons was recorded or changed, and the module is still open to study.
        #expect(tutor.progress.items.isEmpty && tutor.progress.lessons.isEmpty)
        #expect(tutor.progress.placements["judgment/cases"]?.packVersion == "1.0.0")
        // Once per track and pack version.
        #expect(tutor.beginPlacement(track: "cases") == .alreadyTaken(version: "1.0.0"))
        let report = ReportData(library: tutor.library, progress: tutor.progress, now: clock.now)
        #expect(report.tracks.first?.modules.first?.state == .testedOut)
        #expect(try MarkdownReportFormat().render(report).contains("tested out"))
        // Career readiness names the tested-out module apart from completed lessons.
        let path = try #require(tutor.library.chosenPath(for: tutor.progress))
        let readiness = try #require(CareerReadiness(path: path, library: tutor.library, progress: tutor.progress))
        #expect(readiness.modulesTestedOut == ["Cases"])
        #expect(readiness.lessonsCompleted == 0)
    }

    @Test func failingLeavesTheModuleToStudyAndSkipCountsAsNotKnown() throws {
        let (tutor, dir) = try makeTutor()
        defer { dir.remove() }
        #expect(tutor.beginPlacement(track: nil) == .started(items: 3, modules: 1))
        #expect(tutor.answerPlacement(try rightAnswer(tutor)) == .answered(correct: true))
        #expect(tutor.answerPlacement(nil) == .answered(correct: false))
        guard case let .finished(results) = tutor.answerPlacement("b") else { Issue.record("not finished"); return }
        #expect(results.first?.testedOut == false)
        #expect(abs((results.first?.score ?? 0) - 1.0 / 3) < 1e-9)
        #expect(tutor.overview.state(pack: "judgment", module: "cases") == .available)
        #expect(tutor.overview.tracks[1].isLocked)
    }

    @Test func anUnknownTrackNamesTheKnownOnes() throws {
        let (tutor, dir) = try makeTutor()
        defer { dir.remove() }
        #expect(tutor.beginPlacement(track: "nope") == .unknownTrack(known: ["cases", "basics"]))
        // The sample pack has no items labelled apply or above: nothing to place on.
        #expect(tutor.beginPlacement(track: "basics") == .noItems)
    }
}
