import Foundation

/// GIFT numerical questions: `{#3.14:0.01}`, `{#1..5}`, and several answers with weights and
/// feedback: `{# =1822:0 #Exact =%50%1822:2 #Close ~#Way off}`.
extension GIFTParser {
    /// A numerical answer: a value with a tolerance, or a range.
    private struct NumericAnswer {
        var value: Double
        var tolerance: Double
        var range: ClosedRange<Double>?
        var weight: Double
        var feedback: String
        var line: Int
        var column: Int
    }

    mutating func numerical(_ question: Question) {
        var body = question.answers.dropFirst(1)
        // "~#…" after the answers is feedback for any other answer.
        if let tilde = body.firstIndex(of: "~") {
            let other = body.dropFirst(tilde)
            let at = other.position(or: (question.line, question.column))
            draft.report(.warning, line: at.line, column: at.column,
                         "feedback for any other answer ('~#…') is not supported by numeric steps; it is left out")
            body = body[0..<tilde]
        }
        var parsed: [NumericAnswer] = []
        for answer in answers(in: body, markers: ["="]) {
            let text = answer.body.string
            guard let (value, tolerance, range) = Self.numericValue(text) else {
                return draft.skip(line: answer.line, column: answer.column,
                                  "'\(text)' is not a number, number:tolerance or lowest..highest")
            }
            let feedback = answer.feedback.map { render($0, format: question.format) } ?? ""
            parsed.append(NumericAnswer(value: value, tolerance: tolerance, range: range, weight: answer.weight ?? 1,
                                        feedback: feedback, line: answer.line, column: answer.column))
        }
        guard let right = parsed.first(where: { $0.weight >= 0.9999 }) else {
            return draft.skip(line: question.line, column: question.column,
                              parsed.isEmpty ? "a numerical question needs an answer after '#'" : "no numerical answer has full credit")
        }
        var wrong: [NumericQuestion.WrongValue] = []
        for answer in parsed where answer.line != right.line || answer.column != right.column {
            let shown = answer.range.map { "\(NumberInput.format($0.lowerBound))..\(NumberInput.format($0.upperBound))" }
                ?? NumberInput.format(answer.value)
            if answer.weight >= 0.9999 {
                draft.report(.warning, line: answer.line, column: answer.column,
                             "a numeric step has one right value; the other full-credit answer \(shown) is left out")
            } else if answer.weight > 0 {
                draft.report(.warning, line: answer.line, column: answer.column,
                             "partial credit (\(Self.percent(answer.weight))) for \(shown) is not supported; the answer is left out")
            } else if answer.range != nil || answer.tolerance > 0 {
                draft.report(.warning, line: answer.line, column: answer.column,
                             "a wrong answer with a tolerance or range (\(shown)) is not supported; it is left out")
            } else if abs(answer.value - right.value) <= right.tolerance {
                draft.report(.warning, line: answer.line, column: answer.column,
                             "the wrong answer \(shown) lies within the right answer's tolerance; it is left out")
            } else if !answer.feedback.isEmpty {
                wrong.append(NumericQuestion.WrongValue(value: answer.value, feedback: answer.feedback))
            }
        }
        var step = NumericQuestion(id: question.stableID(&draft), prompt: question.prompt, answer: right.value, tolerance: right.tolerance,
                                   wrong: wrong, explanation: Self.explanation([right.feedback, question.generalFeedback]))
        step.range = right.range
        draft.add(step, line: question.line, column: question.column)
    }

    /// `3.14`, `3.14:0.01` (value and tolerance) or `1..5` (a range), as Moodle reads them.
    private static func numericValue(_ text: String) -> (Double, Double, ClosedRange<Double>?)? {
        func number(_ part: Substring) -> Double? {
            let trimmed = String(part).trimmingWhitespace()
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
                  let value = Double(trimmed), value.isFinite else { return nil }
            return value
        }
        if let dots = text.range(of: ".."), dots.lowerBound != text.startIndex {
            guard let low = number(text[..<dots.lowerBound]), let high = number(text[dots.upperBound...]), low <= high else { return nil }
            return ((low + high) / 2, (high - low) / 2, low...high)
        }
        if let colon = text.firstIndex(of: ":"), colon != text.startIndex {
            guard let value = number(text[..<colon]), let tolerance = number(text[text.index(after: colon)...]), tolerance >= 0 else { return nil }
            return (value, tolerance, nil)
        }
        return number(Substring(text)).map { ($0, 0, nil) }
    }
}
