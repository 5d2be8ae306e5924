import Foundation
import Testing
@testable import PathwayCore

/// Any answer to a pattern question grades in well under a second: the pattern's states are
/// bounded at validation, the answer's length at the prompt, and the pattern runs once.
@Suite struct PatternBudgetTests {
    /// `.*` then `.{0,100}` 24 times then `#`: about 4,800 states. It passed validation, then a
    /// 10,000-character answer took 12 s to grade and 100,000 characters 118 s.
    static let slowPattern = ".*" + String(repeating: ".{0,100}", count: 24) + "#"

    func evaluate(_ question: ShortTextQuestion, _ input: String) -> Evaluation {
        var random = SeededRandom(seed: 1)
        return question.evaluate(input, in: question.present(shuffling: false, using: &random))
    }

    @Test func aPatternOfThousandsOfStatesIsRefusedAtValidationNamingIt() {
        do {
            _ = try SafePattern(Self.slowPattern)
            Issue.record("the pattern was accepted")
        } catch let error as SafePatternError {
            #expect(error.pattern == Self.slowPattern)
            #expect(error.description.hasPrefix("pattern '.*.{0,100}"))
            #expect(error.message.contains("more than 1000 states"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// The compiler stops in the middle of a large repetition; its error named the pattern ''.
    @Test func aPatternRefusedWhileCompilingIsNamed() {
        #expect(throws: SafePatternError(pattern: "(a{100}){100}", message: "expands to more than 1000 states; use smaller repetition counts")) {
            try SafePattern("(a{100}){100}")
        }
    }

    @Test func theLargestAcceptedPatternGradesTheLongestAnswerQuickly() throws {
        // Nine `.{0,100}` make about 1,000 states: near the limit.
        var pattern = ".*"
        while (try? SafePattern(pattern + ".{0,100}")) != nil { pattern += ".{0,100}" }
        pattern += "#"
        let question = ShortTextQuestion(id: "s", prompt: "?", answers: [], patterns: [try SafePattern(pattern)])
        let answer = String(repeating: "x", count: SafePattern.maximumInputLength)
        let compiled = try SafePattern(pattern)
        let clock = ContinuousClock()
        var evaluation: Evaluation?
        let elapsed = clock.measure { evaluation = evaluate(question, answer) }
        #expect(evaluation == .graded(Grade(isCorrect: false, recordedAnswer: answer)))
        // The work is what is bounded: each state entered at most once per character read.
        let run = compiled.run(answer)
        #expect(compiled.stateCount <= 1_000)
        #expect(run.statesEntered <= compiled.stateCount * (answer.count + 1), "\(run.statesEntered) states entered")
        // Wall time in a debug build beside other parallel tests: a loose ceiling that the
        // unbounded matcher (12 s for 10,000 characters) was far above.
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    @Test func anAnswerLongerThanTheCapIsRefusedBeforeGrading() throws {
        let question = ShortTextQuestion(id: "s", prompt: "?", answers: [], patterns: [try SafePattern(".*x")])
        let clock = ContinuousClock()
        var evaluation: Evaluation?
        let elapsed = clock.measure { evaluation = evaluate(question, String(repeating: "x", count: 100_000)) }
        guard case let .malformed(message)? = evaluation else { Issue.record("graded: \(String(describing: evaluation))"); return }
        #expect(message.contains("at most 1000"))
        #expect(elapsed < .seconds(1))
    }

    @Test func patternsMatchTheNormalisedAnswer() throws {
        let question = ShortTextQuestion(id: "s", prompt: "?", answers: [], patterns: [try SafePattern("train[ /-]?serve skew")])
        #expect(evaluate(question, "  Train/Serve   skew. ") == .graded(Grade(isCorrect: true, recordedAnswer: "Train/Serve   skew.")))
    }
}
