import Foundation
import Testing
@testable import PathwayCore

@Suite struct OrderingAndMatchingTests {
    let ordering = OrderingQuestion(id: "o", prompt: "Order", items: ["Business", "Data", "Model", "Deploy"])
    let matching = MatchingQuestion(id: "m", prompt: "Match", pairs: [
        .init(left: "Precision", right: "TP / (TP + FP)"),
        .init(left: "Recall", right: "TP / (TP + FN)"),
        .init(left: "Accuracy", right: "(TP + TN) / all"),
    ], distractors: ["FP / (FP + TN)"])

    func grade(_ question: any Question, _ input: String, seed: UInt64? = nil) -> (Evaluation, Presentation) {
        var random = SeededRandom(seed: seed ?? 0)
        let presentation = question.present(shuffling: seed != nil, using: &random)
        return (question.evaluate(input, in: presentation), presentation)
    }

    @Test(arguments: ["a,b,c,d", "a b c d", "abcd", "1,2,3,4", "a > b > c > d"])
    func orderingAcceptsTheRightOrderInEveryFormat(input: String) {
        guard case let (.graded(grade), _) = grade(ordering, input) else { Issue.record("not graded"); return }
        #expect(grade.isCorrect)
    }

    @Test func orderingGivesPartialCreditAndSaysHowManyAreInPlace() {
        guard case let (.graded(grade), _) = grade(ordering, "a,b,d,c") else { Issue.record("not graded"); return }
        #expect(!grade.isCorrect)
        #expect(grade.score == 0.5)
        #expect(grade.feedback == ["2 of 4 items are in the right place."])
        #expect(grade.recordedAnswer == "Business > Data > Deploy > Model")
        // One item in place: the verb agrees with it.
        let (evaluation, _) = self.grade(ordering, "a,c,d,b")
        guard case let .graded(oneInPlace) = evaluation else { Issue.record("not graded"); return }
        #expect(oneInPlace.feedback == ["1 of 4 items is in the right place."])
    }

    @Test(arguments: ["a,b", "a,a,b,c", "e,a,b,c", ""])
    func orderingRejectsIncompleteOrRepeatedLetters(input: String) {
        guard case (.malformed, _) = grade(ordering, input) else { Issue.record("\(input) graded"); return }
    }

    @Test func orderingIsNeverShownInTheRightOrder() {
        for seed in 0..<50 as Range<UInt64> {
            var random = SeededRandom(seed: seed)
            #expect(ordering.present(shuffling: true, using: &random).order != [0, 1, 2, 3])
        }
        #expect(OrderingQuestion.alwaysShuffles)
    }

    @Test func orderingFollowsTheShuffledLetters() {
        var random = SeededRandom(seed: 11)
        let presentation = ordering.present(shuffling: true, using: &random)
        let answer = (0..<4).map { index in ChoiceInput.letter(presentation.order.firstIndex(of: index)!) }.joined(separator: ",")
        guard case let .graded(grade) = ordering.evaluate(answer, in: presentation) else { Issue.record("not graded"); return }
        #expect(grade.isCorrect)
    }

    @Test(arguments: ["a,b,c", "abc", "1a 2b 3c", "1-a, 2-b, 3-c", "3c 1a 2b"])
    func matchingAcceptsLettersInOrderOrNumberedPairs(input: String) {
        guard case let (.graded(grade), _) = grade(matching, input) else { Issue.record("not graded"); return }
        #expect(grade.isCorrect)
    }

    @Test func matchingGradesEachPairAndCountsDistractorsAsWrong() {
        guard case let (.graded(grade), _) = grade(matching, "a,d,c") else { Issue.record("not graded"); return }
        #expect(!grade.isCorrect)
        #expect(abs(grade.score - 2.0 / 3.0) < 1e-9)
        #expect(grade.recordedAnswer.contains("Recall = FP / (FP + TN)"))
        #expect(grade.feedback == ["2 of 3 pairs are right."])
        // One pair right: the verb agrees with it.
        let (evaluation, _) = self.grade(matching, "a,d,b")
        guard case let .graded(onePair) = evaluation else { Issue.record("not graded"); return }
        #expect(onePair.feedback == ["1 of 3 pairs is right."])
    }

    @Test(arguments: ["a,b", "1a 2b", "a,b,z", "1a 2b 9c"])
    func matchingRejectsIncompleteAnswers(input: String) {
        guard case (.malformed, _) = grade(matching, input) else { Issue.record("\(input) graded"); return }
    }

    @Test func matchingShowsItemsAndShuffledOptions() {
        var random = SeededRandom(seed: 2)
        let presentation = matching.present(shuffling: true, using: &random)
        #expect(presentation.items == ["Precision", "Recall", "Accuracy"])
        #expect(presentation.options.count == 4)
        #expect(presentation.order != [0, 1, 2, 3])
    }
}

@Suite struct ExtendedGradingTests {
    func isCorrect(_ question: any Question, _ input: String) -> Bool? {
        var random = SeededRandom(seed: 1)
        if case let .graded(grade) = question.evaluate(input, in: question.present(shuffling: false, using: &random)) { return grade.isCorrect }
        return nil
    }

    @Test func shortTextAcceptsARegularExpression() throws {
        let question = ShortTextQuestion(id: "s", prompt: "?", answers: [], patterns: [try SafePattern("f1[- ]?(score|measure)")])
        #expect(isCorrect(question, "F1 score") == true)
        #expect(isCorrect(question, "f1-measure") == true)
        #expect(isCorrect(question, "  F1score ") == true)
        #expect(isCorrect(question, "f2 score") == false)
    }

    @Test func numericRangesAcceptEveryValueInside() throws {
        let yaml = "type: numeric\nid: n\nprompt: P\nrange: [1, 5]\n"
        guard case let .success(decoded) = DocumentDecoder().decode(NumericQuestion.self, text: yaml, displayPath: "x") else {
            Issue.record("did not decode"); return
        }
        let question = decoded.value
        #expect(isCorrect(question, "1") == true)
        #expect(isCorrect(question, "3.3") == true)
        #expect(isCorrect(question, "5") == true)
        #expect(isCorrect(question, "5.01") == false)
        #expect(question.correctAnswer(in: Presentation()) == "any value from 1 to 5")
    }

    @Test func multipleSelectGivesPartialCredit() {
        let question = MultipleSelectQuestion(id: "m", prompt: "?", choices: [
            Choice(text: "A", isCorrect: true), Choice(text: "B", isCorrect: true), Choice(text: "C"), Choice(text: "D", isCorrect: true),
        ])
        var random = SeededRandom(seed: 1)
        let presentation = question.present(shuffling: false, using: &random)
        func score(_ input: String) -> Double? {
            if case let .graded(grade) = question.evaluate(input, in: presentation) { return grade.score }
            return nil
        }
        #expect(score("a,b,d") == 1)
        #expect(abs(score("a,b")! - 2.0 / 3.0) < 1e-9)
        #expect(abs(score("a,b,c")! - 1.0 / 3.0) < 1e-9)
        #expect(score("c") == 0)
    }
}

@Suite struct SafePatternTests {
    @Test(arguments: [("colou?r", "color", true), ("colou?r", "colour", true), ("colou?r", "colr", false),
                      ("[a-c]+x", "abcx", true), ("[^0-9]{2,3}", "ab", true), ("[^0-9]{2,3}", "a1", false),
                      ("\\d+(\\.\\d+)?%", "62.5%", true), ("\\d+(\\.\\d+)?%", "62.%", false), ("(?:cat|dog)s?", "dogs", true),
                      ("^precision$", "Precision", true), ("a.c", "abc", true), ("a\\.c", "abc", false), ("\\w+\\s\\w+", "two words", true)])
    func matchesTheWholeAnswer(pattern: String, text: String, expected: Bool) throws {
        #expect(try SafePattern(pattern).matches(text) == expected)
    }

    @Test func pathologicalPatternsRunInLinearTime() throws {
        // (a+)+b and (a|aa)*c take exponential time in a backtracking engine.
        let evil = [try SafePattern("(a+)+b"), try SafePattern("(a|aa)*c"), try SafePattern("(a*)*(b|c)*d")]
        let input = String(repeating: "a", count: SafePattern.maximumInputLength)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for pattern in evil { #expect(!pattern.matches(input)) }
        }
        // A backtracking engine would not finish this in the lifetime of the universe.
        #expect(elapsed < .seconds(10))
    }

    @Test(arguments: ["(a", "a)", "[abc", "*a", "a{2,1}", "a{1000}", "(\\w)\\1", "(?=a)", "a\\"])
    func refusesPatternsItCannotRunSafely(pattern: String) {
        #expect(throws: SafePatternError.self) { try SafePattern(pattern) }
    }

    @Test func anInvalidPatternInAPackIsADiagnosticWithItsLine() {
        let yaml = "type: short_text\nid: s\nprompt: P\nexplanation: E\npatterns: ['(a+']\n"
        // The error is kept and decoding goes on, so the rest of the file is checked too.
        guard case let .success(decoded) = DocumentDecoder().decode(ShortTextQuestion.self, text: yaml, displayPath: "l.yaml"),
              let diagnostic = decoded.warnings.first(where: { $0.severity == .error }) else {
            Issue.record("no error for the pattern"); return
        }
        #expect(diagnostic.message.contains("pattern '(a+'"))
        #expect(diagnostic.line == 5 && diagnostic.column == 12)
    }
}

@Suite struct PolicyAndMasteryTests {
    func load(policy: String) throws -> PackLoadResult {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("format: 1\nid: p\ntitle: P\nversion: 1.0.0\nauthors: [A]\ndescription: D\nlicense: L\nmodules: [m.yaml]\n\(policy)", to: "p/pack.yaml")
        try dir.write("""
        id: m
        title: M
        lessons:
          - id: l
            title: L
            steps:
              - {type: true_false, id: q1, prompt: P, answer: true, explanation: E}
              - {type: true_false, id: q2, prompt: P, answer: true, explanation: E}
        """, to: "p/m.yaml")
        return PackLoader().load(dir.url.appending(path: "p"))
    }

    func pack(policy: String) throws -> Pack {
        let result = try load(policy: policy)
        return try #require(result.pack, "\(result.diagnostics)")
    }

    @Test func aPackCanForbidSkippingAndChangeAttempts() throws {
        let strict = try pack(policy: "policy: {allow_skip: false, attempts_before_reveal: 1}\n")
        #expect(strict.manifest.policy.allowSkip == false)
        let library = PackLibrary(packs: [strict])
        let tutor = Tutor(library: library, progress: LearnerProgress(profile: "t", now: Date()), store: MemoryProgressStore())
        tutor.open(pack: strict, module: strict.modules[0], lesson: strict.modules[0].lessons[0])
        #expect(tutor.skip() == nil)
        #expect(tutor.active?.index == 0)
        guard case .revealed = tutor.answer("false") else { Issue.record("one wrong attempt should reveal"); return }
    }

    @Test func aBadPolicyIsExplained() throws {
        let result = try load(policy: "policy: {mastery_threshold: 80}\n")
        #expect(result.pack == nil)
        #expect(result.diagnostics.first?.message == "policy.mastery_threshold: must be between 0 and 1, e.g. 0.8")
        #expect(result.diagnostics.first?.line == 9)
    }

    @Test func masteryWeighsFirstTriesMoreThanRetries() throws {
        let p = try pack(policy: "")
        let module = p.modules[0]
        var progress = LearnerProgress(profile: "t", now: Date())
        let now = Date()
        var done = LessonRecord(startedAt: now)
        done.completed = true
        progress.lessons["p/l"] = done
        var first = ItemRecord()
        first.attempts = [Attempt(answer: "true", correct: true, at: now, seconds: 1, hintsUsed: 0)]
        var retry = ItemRecord()
        retry.attempts = [Attempt(answer: "false", correct: false, at: now, seconds: 1, hintsUsed: 0),
                          Attempt(answer: "true", correct: true, at: now, seconds: 1, hintsUsed: 0)]
        progress.items["p/q1"] = first
        progress.items["p/q2"] = retry
        #expect(Mastery.score(of: module, in: p, progress: progress).score == 0.75)
        let library = PackLibrary(packs: [p])
        #expect(PathOverview(library: library, progress: progress).state(pack: "p", module: "m") == .completed)
        progress.items["p/q2"] = first
        #expect(PathOverview(library: library, progress: progress).state(pack: "p", module: "m") == .mastered)
    }
}
