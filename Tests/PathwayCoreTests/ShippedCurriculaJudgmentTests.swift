import Foundation
import Testing
@testable import PathwayCore

/// The four first-edition packs test judgement rather than recall, their options give nothing away
/// to a test-wise learner, and every source a learner sees is one they can look up.
@Suite struct ShippedCurriculaJudgmentTests {
    static let library = ShippedCurriculaTests.library
    static let packs = ["ai-pm-fundamentals", "ml-basics-for-pms", "ai-pm-portfolio-career", "responsible-ai-ethics"]

    static func pack(_ id: String) throws -> Pack {
        try #require(library.pack(id: id), "pack \(id) did not load")
    }

    @Test(arguments: packs)
    func everyGradedItemHasALevelAndMostAskForJudgement(packID: String) throws {
        let pack = try Self.pack(packID)
        let unlabelled = pack.lessons.flatMap { $0.lesson.gradedItems }.filter { $0.level == nil }.map(\.id)
        #expect(unlabelled.isEmpty, "\(packID): items without a level: \(unlabelled)")
        let share = PackStatistics(pack).applyOrAboveShare
        #expect(share >= 0.45, "\(packID): only \(share) of graded items are at apply or above")
    }

    @Test func overallMoreThanHalfOfTheFirstEditionAsksForJudgement() throws {
        let items = try Self.packs.map(Self.pack).flatMap { $0.lessons.flatMap { $0.lesson.gradedItems } }
        let judged = items.filter { ($0.level ?? .recall) >= .apply }.count
        #expect(judged * 100 >= items.count * 55, "\(judged) of \(items.count) graded items are at apply or above")
    }

    /// A test-wise learner who always picks the longest option, or always answers "true", must not do
    /// better than the lint allows.
    @Test(arguments: packs)
    func optionLengthsAndTrueFalseKeysGiveNothingAway(packID: String) throws {
        let questions = try Self.pack(packID).lessons.flatMap { $0.lesson.steps }
        let single = questions.compactMap { $0 as? SingleChoiceQuestion }
        let keyLongest = single.filter { question in
            let longest = question.choices.map(\.text.count).max() ?? 0
            return question.choices.contains { $0.isCorrect && $0.text.count == longest }
        }
        #expect(!single.isEmpty)
        #expect(keyLongest.count * 100 <= single.count * 35,
                "\(packID): the key is (one of) the longest options in \(keyLongest.count) of \(single.count): \(keyLongest.map(\.questionID))")
        let trueFalse = questions.compactMap { $0 as? TrueFalseQuestion }
        let keyedTrue = trueFalse.filter(\.answer).count
        #expect(trueFalse.count >= 10)
        #expect(keyedTrue * 10 >= trueFalse.count * 4 && keyedTrue * 10 <= trueFalse.count * 6,
                "\(packID): \(keyedTrue) of \(trueFalse.count) true/false items are keyed true")
    }

    @Test(arguments: packs)
    func everyLessonCitesDeclaredReferencesALearnerCanLookUp(packID: String) throws {
        let pack = try Self.pack(packID)
        let declared = pack.manifest.referencesByKey
        for (_, lesson) in pack.lessons {
            #expect(!lesson.sources.isEmpty, "\(lesson.id) cites nothing")
            let unknown = lesson.sources.filter { declared[$0] == nil }
            #expect(unknown.isEmpty, "\(lesson.id) cites undeclared sources \(unknown)")
        }
        for reference in pack.manifest.references {
            let anonymous = reference.authors.isEmpty && reference.organisation == nil
            #expect(!anonymous || (reference.note ?? "").contains("not given"),
                    "\(reference.key) names no author or organisation and does not say so")
            #expect(reference.url.map { $0.hasPrefix("https://") } ?? true, "\(reference.key): \(reference.url ?? "")")
        }
    }

    /// `grep -ri 'seed-0' curricula` comes back empty: a manifest that forbids the label spells it
    /// with a YAML escape ("seed\x2d0"), which the lint decodes.
    @Test func noInternalSourceLabelIsLeftAnywhereInTheCurricula() throws {
        let files = try #require(FileManager.default.enumerator(at: Fixtures.curricula, includingPropertiesForKeys: nil))
        var checked = 0
        for case let file as URL in files where file.pathExtension == "yaml" {
            let text = try String(contentsOf: file, encoding: .utf8).lowercased()
            #expect(!text.contains("seed-0"), "\(file.path()) still shows an internal source label")
            checked += 1
        }
        #expect(checked > 30)
    }
}
