import Foundation
import Testing
@testable import PathwayCore

/// Small GIFT inputs, one construct each, imported, written, loaded and compared.
@Suite struct GIFTSyntaxTests {
    @Test(arguments: [("{T}", true), ("{TRUE}", true), ("{F}", false), ("{FALSE}", false), ("{TRUE#Wrong.#Right.}", true)])
    func trueFalseForms(_ block: String, _ answer: Bool) throws {
        let (step, _) = try ImportFixtures.single("Models can drift. \(block)")
        #expect((step as? TrueFalseQuestion)?.answer == answer)
    }

    /// Each escaped character is text, never markup.
    @Test(arguments: [("\\~", "~"), ("\\=", "="), ("\\#", "#"), ("\\{", "{"), ("\\}", "}"), ("\\:", ":"), ("\\\\", "\\"), ("\\n", "\n")])
    func escapes(_ written: String, _ meant: String) throws {
        let (step, _) = try ImportFixtures.single("::E::Say a\(written)b{=a\(written)b ~other}")
        let q = try #require(step as? SingleChoiceQuestion)
        #expect(q.prompt == "Say a\(meant)b")
        #expect(q.choices[0].text == "a\(meant)b")
    }

    @Test func commentLinesInsideAQuestionAreIgnored() throws {
        let (step, _) = try ImportFixtures.single("// before\n::C::Pick one\n// between\n{=yes // not a comment here\n// inside\n~no}")
        let q = try #require(step as? SingleChoiceQuestion)
        #expect(q.prompt == "Pick one")
        #expect(q.choices.map(\.text) == ["yes // not a comment here", "no"])
    }

    @Test func htmlIsConvertedSafely() throws {
        let gift = """
        [html]<p>Read&nbsp;this:</p><ul><li>one &amp; two</li><li>&lt;three&gt; &#8594; &#x41;</li></ul>\
        <script>alert(1)</script><a href="https://example.org/x">the guide</a><br>end{=yes ~no}
        """
        let (step, result) = try ImportFixtures.single(gift)
        let prompt = try #require(step as? SingleChoiceQuestion).prompt
        #expect(prompt == "Read this:\n\n- one & two\n- <three> → A\n\nthe guide (https://example.org/x)\nend")
        #expect(!prompt.contains("alert"))
        #expect(result.diagnostics.contains { $0.message.contains("<script> element was removed") && $0.line == 1 })
    }

    @Test func moodleFormatHTMLIsConvertedButPlainTextIsNot() throws {
        let (html, _) = try ImportFixtures.single("Is <b>this</b> bold?{T}")
        #expect((html as? TrueFalseQuestion)?.prompt == "Is **this** bold?")
        let (plain, _) = try ImportFixtures.single("[plain]Is 3 < 4 and <b> kept?{T}")
        #expect((plain as? TrueFalseQuestion)?.prompt == "Is 3 < 4 and <b> kept?")
        let (image, result) = try ImportFixtures.single("[markdown]See ![chart](chart.png).{T}")
        #expect((image as? TrueFalseQuestion)?.prompt == "See ![chart](chart.png).")
        #expect(result.diagnostics.contains { $0.message.contains("Markdown images") })
    }

    @Test func generalFeedbackOnlyMakesAnEssayFollowedByTheFeedback() throws {
        let (_, load, directory) = try ImportFixtures.importAndLoad("::Launch story::Reflect on a launch.{####Think about users.}")
        defer { directory.remove() }
        let steps = ImportFixtures.steps(load)
        #expect((steps.first as? ReflectionStep)?.prompt == "Reflect on a launch.")
        #expect((steps.first as? ReflectionStep)?.reflectionID == "bank-launch-story")
        #expect((steps.last as? TextStep)?.text == "Think about users.")
        #expect(steps.count == 2)
    }

    @Test func answersOnSeveralLinesWithWeightsAndFeedback() throws {
        let gift = "::W::Which are vector databases?{\n  ~%50%Pinecone#Yes.\n  ~%50%Weaviate\n  ~%-50%Excel#A spreadsheet.\n  ####Both store embeddings.\n}"
        let (step, _) = try ImportFixtures.single(gift)
        let q = try #require(step as? MultipleSelectQuestion)
        #expect(q.choices.map(\.isCorrect) == [true, true, false])
        #expect(q.choices[2].feedback == "A spreadsheet.")
        #expect(q.explanation == "Pinecone: Yes.\n\nBoth store embeddings.")
    }

    @Test func shortAnswerWrongAnswersWithFeedback() throws {
        let (step, _) = try ImportFixtures.single("Name the metric.{=recall =%0%precision#That is TP / (TP + FP). =%0%accuracy}")
        let q = try #require(step as? ShortTextQuestion)
        #expect(q.answers == ["recall"])
        #expect(q.wrong == [ShortTextQuestion.WrongAnswer(answer: "precision", feedback: "That is TP / (TP + FP).")])
    }

    @Test func tinyAndLargeNumbersSurviveTheYAMLRoundTrip() throws {
        let (step, _) = try ImportFixtures.single("Learning rate?{#0.00001:0.0000005}")
        let q = try #require(step as? NumericQuestion)
        #expect(q.answer == 0.00001 && q.tolerance == 0.0000005)
        let (big, _) = try ImportFixtures.single("Parameters?{#-1.75e20:1e18}")
        #expect((big as? NumericQuestion)?.answer == -1.75e20)
    }

    @Test func textThatLooksLikeYAMLStaysText() throws {
        let (step, _) = try ImportFixtures.single("::Y::yes\\: no \\# - [a] \\{b\\} & *c 'd' \"e\" %f @g \u{2028} h{=null ~true ~'1.0' ~- x}")
        let q = try #require(step as? SingleChoiceQuestion)
        #expect(q.prompt == "yes: no # - [a] {b} & *c 'd' \"e\" %f @g \u{2028} h")
        #expect(q.choices.map(\.text) == ["null", "true", "'1.0'", "- x"])
    }

    @Test func lineEndingsAndByteOrderMark() throws {
        let (step, _) = try ImportFixtures.single("\u{FEFF}::L::First\r\nsecond{=a ~b}\r\n")
        #expect((step as? SingleChoiceQuestion)?.prompt == "First\nsecond")
    }

    @Test func controlCharactersAreShownEscapedAndReported() throws {
        let (step, result) = try ImportFixtures.single("Colour \u{1B}[31mred?{T}")
        #expect((step as? TrueFalseQuestion)?.prompt == "Colour \\u{1B}[31mred?")
        #expect(result.diagnostics.contains { $0.line == 1 && $0.column == 8 && $0.message.contains("control characters") })
    }
}
