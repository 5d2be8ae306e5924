/// The question types of GIFT, each turned into a Pathway step. Type detection follows
/// Moodle's order: `{}` essay, `{#…}` numerical, `~` multiple choice, `=` with `->` matching,
/// `T`/`TRUE`/`F`/`FALSE` true/false, anything else short answer.
extension GIFTParser {
    /// One answer: its marker (`=`, `~`), weight (`%50%`), text and feedback (`#…`).
    struct Answer {
        var marker: Character?
        /// The credit as a fraction (1 = 100 %); nil when no `%…%` was written.
        var weight: Double?
        var body: GIFTText
        var feedback: GIFTText?
        var line: Int
        var column: Int
    }

    mutating func parseAnswers(_ question: Question, brace: (line: Int, column: Int)) {
        let answers = question.answers
        if answers.isEmpty { return essay(question) }
        if answers.hasPrefix("#") { return numerical(question) }
        if answers.contains("~") { return choice(question) }
        if answers.contains("="), answers.contains("->") { return matching(question) }
        let head = answers.firstIndex(of: "#").flatMap { $0 > 0 ? answers[0..<$0].trimmed() : nil } ?? answers
        let word = head.units.contains(where: \.escaped) ? "" : head.string
        if ["T", "TRUE", "F", "FALSE"].contains(word) { return trueFalse(question) }
        if ["t", "true", "f", "false"].contains(word.lowercased()) {
            draft.report(.warning, line: brace.line, column: brace.column,
                         "'{\(word)}' is a short answer, as Moodle reads it; write {TRUE} or {FALSE} for a true/false question")
        }
        shortAnswer(question)
    }

    private mutating func essay(_ question: Question) {
        let step = ReflectionStep(id: question.stableID(&draft), prompt: question.prompt, artifact: question.title)
        guard draft.add(step, line: question.line, column: question.column) else { return }
        // General feedback is shown after the essay is written: a text step right after it.
        if let feedback = question.generalFeedback { draft.add(TextStep(text: feedback), line: question.line, column: question.column) }
    }

    private mutating func choice(_ question: Question) {
        let single = question.answers.contains("=")
        let parsed = answers(in: question.answers, markers: ["~", "="])
        guard parsed.count >= 2 else {
            return draft.skip(line: question.line, column: question.column, "a multiple-choice question needs at least two answers")
        }
        var choices: [Choice] = []
        var rightFeedback: [String] = []
        for answer in parsed {
            let weight = answer.weight ?? (answer.marker == "=" ? 1 : 0)
            let text = render(answer.body, format: question.format)
            let feedback = answer.feedback.map { render($0, format: question.format) }.flatMap { $0.isEmpty ? nil : $0 }
            let right = single ? weight >= 0.9999 : weight > 0
            if single && weight > 0 && !right {
                draft.report(.warning, line: answer.line, column: answer.column,
                             "partial credit (\(Self.percent(weight))) for '\(text)' is not supported in a single-choice question; it is imported as a wrong choice")
            }
            if right, let feedback { rightFeedback.append(parsed.count(where: { ($0.weight ?? 0) > 0 || $0.marker == "=" }) > 1 ? "\(text): \(feedback)" : feedback) }
            choices.append(Choice(text: text, isCorrect: right, feedback: right ? nil : feedback))
        }
        let id = question.stableID(&draft)
        let explanation = Self.explanation([rightFeedback.joined(separator: "\n\n"), question.generalFeedback])
        let keepOrder = choices.contains { Self.refersToOtherChoices($0.text) }
        if single {
            // Moodle gives every '=' answer full marks in a one-answer question: any of them is right.
            let right = choices.filter(\.isCorrect).count
            draft.add(SingleChoiceQuestion(id: id, prompt: question.prompt, choices: choices, explanation: explanation,
                                           shuffle: !keepOrder, anyCorrect: right > 1),
                      line: question.line, column: question.column)
        } else {
            let total = parsed.compactMap(\.weight).filter { $0 > 0 }.reduce(0, +)
            if total > 0, abs(total - 1) > 0.01 {
                draft.report(.warning, line: question.line, column: question.column,
                             "the positive weights add up to \(Self.percent(total)), not 100%; Pathway counts the answer right when exactly the positive-weight choices are picked")
            }
            guard choices.contains(where: \.isCorrect) else {
                return draft.skip(line: question.line, column: question.column,
                                  "no answer is right: mark one with '=' or give positive weights such as ~%50%")
            }
            draft.add(MultipleSelectQuestion(id: id, prompt: question.prompt, choices: choices, explanation: explanation, shuffle: !keepOrder),
                      line: question.line, column: question.column)
        }
    }

    private mutating func matching(_ question: Question) {
        var pieces = question.answers.split(on: "=")
        if pieces.first?.trimmed().isEmpty == true { pieces.removeFirst() }
        var pairs: [MatchingQuestion.Pair] = []
        var distractors: [String] = []
        for piece in pieces {
            let position = piece.trimmed().position(or: (question.line, question.column))
            guard let arrow = piece.firstIndex(of: "->") else {
                return draft.skip(line: position.line, column: position.column, "a matching pair needs '->' between the item and its match")
            }
            var right = piece.dropFirst(arrow + 2)
            if let hash = right.firstIndex(of: "#") {
                draft.report(.warning, line: position.line, column: position.column,
                             "feedback ('#…') on a matching pair is not supported; it is left out")
                right = right[0..<hash]
            }
            let left = render(piece[0..<arrow], format: question.format)
            let match = right.trimmed().string
            if left.isEmpty { distractors.append(match) } else { pairs.append(MatchingQuestion.Pair(left: left, right: match)) }
        }
        let step = MatchingQuestion(id: question.stableID(&draft), prompt: question.prompt, pairs: pairs, distractors: distractors,
                                    explanation: question.generalFeedback)
        draft.add(step, line: question.line, column: question.column)
    }

    private mutating func trueFalse(_ question: Question) {
        // Moodle: {TRUE#shown for a wrong answer#shown for a right answer}.
        let parts = question.answers.split(on: "#", limit: 3)
        let value = ["T", "TRUE"].contains(parts[0].trimmed().string)
        let wrong = parts.count > 1 ? render(parts[1], format: question.format) : ""
        let right = parts.count > 2 ? render(parts[2], format: question.format) : ""
        let step = TrueFalseQuestion(id: question.stableID(&draft), prompt: question.prompt, answer: value,
                                     explanation: Self.explanation([right, question.generalFeedback]),
                                     wrongFeedback: wrong.isEmpty ? nil : wrong)
        draft.add(step, line: question.line, column: question.column)
    }

    private mutating func shortAnswer(_ question: Question) {
        var accepted: [String] = []
        var patterns: [SafePattern] = []
        var wrong: [ShortTextQuestion.WrongAnswer] = []
        var feedbacks: [String] = []
        for answer in answers(in: question.answers, markers: ["="]) {
            let weight = answer.weight ?? 1
            let text = render(answer.body, format: question.format)
            let feedback = answer.feedback.map { render($0, format: question.format) } ?? ""
            let wildcard = Self.hasWildcard(text)
            if weight >= 0.9999 {
                if !feedback.isEmpty { feedbacks.append(feedback) }
                guard wildcard else { accepted.append(text.replacingOccurrences(of: "\\*", with: "*")); continue }
                do {
                    patterns.append(try SafePattern(Self.wildcardPattern(text)))
                } catch {
                    draft.report(.warning, line: answer.line, column: answer.column, "the wildcard answer '\(text)' is left out: \(error)")
                }
            } else if weight > 0 {
                draft.report(.warning, line: answer.line, column: answer.column,
                             "partial credit (\(Self.percent(weight))) for '\(text)' is not supported; the answer is left out")
            } else if !feedback.isEmpty {
                if wildcard {
                    draft.report(.warning, line: answer.line, column: answer.column,
                                 "feedback for wrong answers matching '\(text)' is not supported; it is left out")
                } else {
                    wrong.append(ShortTextQuestion.WrongAnswer(answer: text, feedback: feedback))
                }
            }
        }
        guard !accepted.isEmpty || !patterns.isEmpty else {
            return draft.skip(line: question.line, column: question.column, "a short-answer question needs an answer with full credit ('=answer')")
        }
        let step = ShortTextQuestion(id: question.stableID(&draft), prompt: question.prompt, answers: accepted, wrong: wrong,
                                     patterns: patterns, explanation: Self.explanation([feedbacks.joined(separator: "\n\n"), question.generalFeedback]))
        draft.add(step, line: question.line, column: question.column)
    }
}
