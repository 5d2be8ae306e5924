import PathwayCore

extension Repl {
    /// Shows the current step of the open lesson.
    func showStep() {
        guard let lesson = tutor.active else { return }
        references = lesson.pack.manifest.referencesByKey
        out.line()
        switch lesson.step {
        case let text as TextStep:
            out.line(markdown.render(text.text))
            out.line(style.dim(lesson.isLastStep ? "Press Enter to finish the lesson." : "Press Enter to continue."))
        case let question as any Question:
            showQuestion(question, in: lesson)
        case let reflection as ReflectionStep:
            showReflection(reflection)
        case let scenario as ScenarioStep:
            showScenario(scenario)
        default:
            out.line("(This step's type is not shown in the terminal; type next.)")
        }
    }

    private func showQuestion(_ question: any Question, in lesson: ActiveLesson) {
        let questions = lesson.lesson.questions
        let number = (questions.firstIndex { $0.questionID == question.questionID } ?? 0) + 1
        let kind = type(of: question).displayName
        out.line(style.cyan("Question \(number) of \(questions.count)") + style.dim(" · \(kind)"))
        let presentation = tutor.presentation(for: question)
        showPrompt(of: question, presentation: presentation, footer: false)
        if let record = tutor.itemRecord(for: question), let last = record.attempts.last {
            let verdict = record.answeredCorrectly ? "answered right" : (record.revealed ? "answer shown" : "not yet right")
            out.line(style.dim("Before: \(verdict) (last answer: \(TerminalSafeText.sanitize(last.answer)))."))
        }
        var extras = ["skip"]
        if !question.hints.isEmpty { extras.insert("hint", at: 0) }
        out.line(style.dim(question.answerInstructions(for: presentation) + "  Or: " + extras.joined(separator: ", ") + "."))
    }

    /// The prompt, the numbered items and the lettered options of a question.
    func showPrompt(of question: any Question, presentation: Presentation, footer: Bool = true) {
        out.line(markdown.render(question.prompt))
        for (index, item) in presentation.items.enumerated() {
            let label = "  \(index + 1). "
            out.line(markdown.wrap(item, indent: label, hanging: String(repeating: " ", count: label.count)).joined(separator: "\n"))
        }
        if !presentation.items.isEmpty { out.line(style.dim("Options:")) }
        for (index, option) in presentation.options.enumerated() {
            let label = "  \(ChoiceInput.letter(index))) "
            let lines = markdown.wrap(option, indent: label, hanging: String(repeating: " ", count: label.count))
            out.line(lines.joined(separator: "\n"))
        }
        if footer {
            let extras = (question.hints.isEmpty ? [] : ["hint"]) + ["skip", "stop"]
            out.line(style.dim(question.answerInstructions(for: presentation) + "  Or: " + extras.joined(separator: ", ") + "."))
        }
    }

    /// Handles a line typed in a lesson that is not a command.
    func respond(to text: String) {
        guard let lesson = tutor.active else { return }
        switch lesson.step {
        case is any Question:
            showOutcome(tutor.answer(text))
        case is ScenarioStep:
            respondInScenario(text)
        case let reflection as ReflectionStep:
            if text.isEmpty {
                out.line("Type your first line to begin writing, or skip to come back later.")
            } else {
                compose(reflection, firstLine: text)
            }
        default:
            if text.isEmpty {
                moveOn()
            } else {
                out.line("This step is reading: press Enter to continue, or type help for commands.")
            }
        }
    }

    private func showOutcome(_ outcome: Tutor.AnswerOutcome) {
        switch outcome {
        case let .malformed(message):
            out.line(message)
        case .notAQuestion:
            break
        case let .correct(grade):
            out.line(style.green("✓ Correct.") + notSavedNote)
            showFeedback(grade)
            showExplanation()
            moveOn()
        case let .incorrect(grade, left):
            out.line(style.red("✗ Not quite.") + notSavedNote)
            showFeedback(grade)
            if grade.feedback.isEmpty { helpAfterWrongAnswer() }
            let question = tutor.active?.step as? any Question
            let used = question.flatMap { tutor.itemRecord(for: $0)?.hintsUsed } ?? 0
            let hintsLeft = (question?.hints.count ?? 0) > used
            let hintWord = used == 0 ? "a hint" : "another hint"
            out.line(style.dim("Try again (\(Plural.count(left, "try", "tries")) left)" + (hintsLeft ? ", type hint for \(hintWord)," : ",") + " or skip."))
        case let .revealed(grade, answer):
            out.line(style.red("✗ Not quite.") + notSavedNote)
            showFeedback(grade)
            out.line("The answer: " + style.bold(TerminalSafeText.sanitize(answer)))
            showExplanation()
            moveOn()
        }
    }

    /// A wrong answer the pack has no feedback for gets the next hint, or, with none left,
    /// a pointer to the reading before the question.
    private func helpAfterWrongAnswer() {
        if let hint = tutor.hint() {
            showHint(hint)
            return
        }
        guard let lesson = tutor.active, let reading = ReadingReference.readings(in: lesson.lesson, before: lesson.index).last else { return }
        out.line(style.yellow("Reread: ") + TerminalText("“\(ReadingReference.title(of: reading))” (type back to see it again).").description)
    }

    /// A hint with its label; a paragraph it points at is quoted, since it may have scrolled away.
    func showHint(_ hint: (text: String, number: Int, total: Int)) {
        labelled(style.yellow("Hint \(hint.number) of \(hint.total): "), hint.text)
        guard let lesson = tutor.active,
              let paragraph = ReadingReference.paragraph(for: hint.text, readings: ReadingReference.readings(in: lesson.lesson, before: lesson.index))
        else { return }
        out.line(markdown.render("> " + paragraph))
    }

    private func showFeedback(_ grade: Grade) {
        for message in grade.feedback { out.line(markdown.render(message)) }
    }

    private func showExplanation() {
        guard let question = tutor.active?.step as? any Question, let explanation = question.explanation else { return }
        out.line(markdown.render(explanation))
    }

    /// The end of a lesson: how it went, its sources, and what comes next.
    func showCompletion(_ summary: Tutor.LessonSummary, of lesson: Lesson, in pack: Pack) {
        out.line()
        out.line(style.green("✓ Lesson complete."))
        if summary.questions > 0 {
            var line = "\(summary.firstTryCorrect) of \(summary.questions) right on the first try, \(summary.answeredCorrectly) in the end"
            if summary.skipped > 0 { line += ", \(summary.skipped) skipped" }
            out.line(line + ".")
        }
        showSources(of: lesson, references: pack.manifest.referencesByKey)
        let skipped = tutor.skippedQuestions(of: pack, lesson)
        if !skipped.isEmpty {
            out.line("Skipped, to come back to:")
            let numbers = lesson.questions.map(\.questionID)
            for question in skipped {
                let number = (numbers.firstIndex(of: question.questionID) ?? 0) + 1
                out.line("  • Question \(number): " + style.bold("start \(lesson.id) --step \(question.questionID)"))
            }
        }
        let due = tutor.dueCards().count
        if let next = tutor.resumeTarget() {
            let reviews = due > 0 ? "\(Plural.count(due, "review")) first, then " : ""
            out.line("Next: \(reviews)'\(next.lesson.title)' in \(next.module.title). Type next to begin, or path to look around.")
        } else {
            out.line("You have completed every lesson open to you. Type path or progress to see where you stand.")
        }
    }
}
