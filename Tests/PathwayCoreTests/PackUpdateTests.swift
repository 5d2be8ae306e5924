import Foundation
import Testing
@testable import PathwayCore

/// A new version of a pack: what `pack diff` shows, what learners are told, and what reports
/// keep of answers to questions that were removed or re-keyed.
@Suite struct PackUpdateTests {
    static func manifest(_ version: String) -> String {
        "format: 1\nid: lab\ntitle: Eval lab\nversion: \(version)\nauthors: [A]\ndescription: D\nlicense: L\nmodules: [m.yaml]\n"
    }

    static let module = "id: m\ntitle: M\nskills: [s]\nlessons: [l.yaml]\n"

    static let v1 = """
        id: l
        title: L
        steps:
          - {type: single_choice, id: q-keep, prompt: Keep, explanation: E, choices: [{text: A, correct: true}, {text: B}]}
          - {type: short_text, id: q-rekey, prompt: Which metric counts misses?, explanation: E, answers: [recall]}
          - {type: true_false, id: q-drop, prompt: Dropped, explanation: E, answer: true}
          - {type: single_choice, id: q-choices, prompt: Choices, explanation: E, choices: [{text: A, correct: true}, {text: B}, {text: C}]}
          - {type: numeric, id: q-silent, prompt: How many?, explanation: E, answer: 3}
        """

    /// q-rekey re-keyed with a raised revision, q-drop removed, a choice of q-choices reworded,
    /// q-new added, and q-silent re-keyed without a raised revision unless `bumpSilent`.
    static func v2(bumpSilent: Bool) -> String {
        """
        id: l
        title: L
        steps:
          - {type: single_choice, id: q-keep, prompt: Keep (reworded), explanation: E, choices: [{text: A, correct: true}, {text: B}]}
          - {type: short_text, id: q-rekey, revision: 2, prompt: Which metric counts misses?, explanation: E, answers: [precision]}
          - {type: single_choice, id: q-choices, prompt: Choices, explanation: E, choices: [{text: A, correct: true}, {text: B}, {text: D}]}
          - {type: numeric, id: q-silent, \(bumpSilent ? "revision: 2, " : "")prompt: How many?, explanation: E, answer: 4}
          - {type: true_false, id: q-new, prompt: New, explanation: E, answer: false}
        """
    }

    static func write(_ dir: TemporaryDirectory, _ folder: String, version: String, lesson: String) throws -> Pack {
        try dir.write(manifest(version), to: "\(folder)/pack.yaml")
        try dir.write(module, to: "\(folder)/m.yaml")
        try dir.write(lesson, to: "\(folder)/l.yaml")
        let load = PackLoader().load(dir.url.appending(path: folder), displayPath: folder)
        return try #require(load.pack, "\(load.diagnostics)")
    }

    static func answered(_ keys: [String: String]) -> LearnerProgress {
        var progress = LearnerProgress(profile: "alice", now: Date(timeIntervalSince1970: 1_800_000_000))
        for (key, answer) in keys {
            var item = ItemRecord()
            item.attempts = [Attempt(answer: answer, correct: true, at: Date(timeIntervalSince1970: 1_800_000_100), seconds: 5, hintsUsed: 0)]
            progress.items[ProgressKey(rawValue: key)] = item
        }
        return progress
    }

    @Test func theDiffShowsAddedRemovedAndChangedStepsAndFlagsASilentKeyChange() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let old = try Self.write(dir, "v1", version: "1.0.0", lesson: Self.v1)
        let new = try Self.write(dir, "v2", version: "1.1.0", lesson: Self.v2(bumpSilent: false))
        let diff = PackDiff(old: old, new: new)
        #expect(diff.added.map(\.id) == ["q-new"])
        #expect(diff.removed.map(\.id) == ["q-drop"])
        let changes = Dictionary(uniqueKeysWithValues: diff.changed.map { ($0.step.id, $0.changes) })
        #expect(changes["q-keep"] == [.wording])
        #expect(changes["q-rekey"] == [.key(from: "recall", to: "precision", bumped: true)])
        #expect(changes["q-choices"] == [.options(removed: ["C"], added: ["D"])])
        #expect(changes["q-silent"] == [.key(from: "3", to: "4", bumped: false)])
        #expect(diff.unbumpedKeyChanges.map(\.id) == ["q-silent"])
        #expect(diff.retiredProgressKeys.sorted() == ["lab/q-drop", "lab/q-rekey"])

        let learners = [(name: "alice", progress: Self.answered(["lab/q-drop": "true", "lab/q-keep": "A"])),
                        (name: "bob", progress: Self.answered(["lab/q-rekey": "recall"]))]
        let answered = diff.answered(by: learners)
        #expect(answered == ["lab/q-drop": ["alice"], "lab/q-rekey": ["bob"]])
        let text = diff.lines(answered: answered).joined(separator: "\n")
        #expect(text.contains("- q-drop (true_false in lesson l) \"Dropped\"; answered by 1 learner (alice)"))
        #expect(text.contains("~ q-rekey: answer key changed from 'recall' to 'precision'; revision raised"))
        #expect(text.contains("~ q-silent: ERROR answer key changed from '3' to '4' under the same id"))
        #expect(text.contains("~ q-choices: choices changed: removed 'C'; added 'D'"))
    }

    @Test func anAddedAcceptedAnswerIsShownAsTheChangeNotAsTheSameAnswerTwice() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let lesson = { (answers: String, tolerance: String) in
            """
            id: l
            title: L
            steps:
              - {type: short_text, id: q-f1, prompt: Harmonic mean?, explanation: E, answers: [\(answers)]}
              - {type: numeric, id: q-n, prompt: How many?, explanation: E, answer: 3\(tolerance)}
            """
        }
        let old = try Self.write(dir, "v1", version: "1.0.0", lesson: lesson("F1", ""))
        let new = try Self.write(dir, "v2", version: "1.1.0", lesson: lesson("F1, F-measure", ", tolerance: 0.5"))
        let text = PackDiff(old: old, new: new).lines(answered: [:]).joined(separator: "\n")
        #expect(text.contains("~ q-f1: ERROR answer key changed from 'answers: F1' to 'answers: F1, F-measure'"), "\(text)")
        #expect(text.contains("~ q-n: ERROR answer key changed from '3' to '3 (± 0.5)'"), "\(text)")
        #expect(!text.contains("from 'F1' to 'F1'"))
    }

    @Test func aRaisedRevisionKeysProgressAfreshAndTheLearnerIsToldByName() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        _ = try Self.write(dir, "packs/lab", version: "1.1.0", lesson: Self.v2(bumpSilent: true))
        let library = PackLibrary.load([PackSource(folder: dir.url.appending(path: "packs"), origin: .user)])
        let question = try #require(library.pack(id: "lab")?.lessons.first?.lesson.questions.first { $0.basics.id == "q-rekey" })
        #expect(question.questionID == "q-rekey@r2")
        let progress = Self.answered(["lab/q-rekey": "recall", "lab/q-drop": "true", "lab/q-keep": "A"])
        let retired = library.retiredAnswers(in: progress)
        #expect(retired.count == 1)
        let notice = try #require(retired.first?.notice)
        #expect(notice.contains("\"Which metric counts misses?\" (q-rekey)"))
        #expect(notice.contains("retired: q-drop"))
        #expect(notice.contains("Your earlier answers are kept"))
    }

    @Test func retiredAnswersStayInEveryReportMarkedRetired() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        _ = try Self.write(dir, "packs/lab", version: "1.1.0", lesson: Self.v2(bumpSilent: true))
        let library = PackLibrary.load([PackSource(folder: dir.url.appending(path: "packs"), origin: .user)])
        let progress = Self.answered(["lab/q-rekey": "recall", "lab/q-drop": "true", "lab/q-keep": "A"])
        let data = ReportData(library: library, progress: progress, now: Date(timeIntervalSince1970: 1_800_001_000))
        #expect(data.retired?.map(\.question) == ["q-drop", "q-rekey"])
        #expect(data.retired?.allSatisfy { $0.retired == true } == true)
        let markdown = try MarkdownReportFormat().render(data)
        #expect(markdown.contains("| lab | q-drop (retired) | 1 | true | right |"))
        let html = try HTMLReportFormat().render(data)
        #expect(html.contains("q-rekey (retired)"))
        let csv = try CSVReportFormat().render(data)
        let rows = csv.split(whereSeparator: \.isNewline).map(String.init)
        #expect(rows.first?.hasSuffix(",retired") == true)
        #expect(rows.filter { $0.hasSuffix(",true") && $0.contains("q-drop") }.count == 1)
        let json = try JSONReportFormat().render(data)
        #expect(json.contains("\"retired\" : true"))
        let xapi = try XAPIReportFormat().render(data)
        #expect(xapi.contains("q-drop"), "\(xapi.prefix(600))")
        #expect(xapi.contains("extensions\\/retired") || xapi.contains("extensions/retired"))
    }

    @Test func installingAVersionThatChangesAKeyWithoutARevisionIsRefused() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        _ = try Self.write(dir, "v1", version: "1.0.0", lesson: Self.v1)
        _ = try Self.write(dir, "v2-silent", version: "1.1.0", lesson: Self.v2(bumpSilent: false))
        _ = try Self.write(dir, "v2", version: "1.1.0", lesson: Self.v2(bumpSilent: true))
        let installer = PackInstaller(packsDirectory: dir.url.appending(path: "data/packs"))
        _ = try installer.install(from: dir.url.appending(path: "v1"))
        #expect(throws: PackagingError.keyChangedWithoutRevision(id: "lab", questions: ["q-silent"])) {
            try installer.install(from: dir.url.appending(path: "v2-silent"))
        }
        let installed = try installer.install(from: dir.url.appending(path: "v2"))
        #expect(installed.diff?.removed.map(\.id) == ["q-drop"])
        #expect(installed.diff?.unbumpedKeyChanges.isEmpty == true)
    }
}

@Suite struct RevisionPlacementTests {
    @Test func aPlacementListNamesAQuestionByItsStepIdWhateverItsRevision() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(PackUpdateTests.manifest("1.0.0"), to: "p/pack.yaml")
        try dir.write("id: m\ntitle: M\nskills: [s]\nlessons: [l.yaml]\nplacement: [a, b, c]\n", to: "p/m.yaml")
        try dir.write("""
            id: l
            title: L
            steps:
              - {type: short_text, id: a, revision: 2, level: apply, prompt: A, explanation: E, answers: [x]}
              - {type: numeric, id: b, level: apply, prompt: B, explanation: E, answer: 1}
              - {type: short_text, id: c, level: apply, prompt: C, explanation: E, answers: [y]}
            """, to: "p/l.yaml")
        let load = PackLoader().load(dir.url.appending(path: "p"), displayPath: "p")
        #expect(!load.diagnostics.contains { $0.message.contains("placement item") }, "\(load.diagnostics.map(\.description))")
    }
}
