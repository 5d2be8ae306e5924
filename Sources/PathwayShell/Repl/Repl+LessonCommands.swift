import PathwayCore

extension Repl {
    /// Commands that open lessons and move through them.
    static var lessonCommands: [Command] {
        [
            Command("start", usage: "start <module-or-lesson> [--step ID]", summary: "open a module or lesson by id",
                    detail: "Opens a lesson, or a module's first unfinished lesson. Ids are shown by list; Tab completes them. Use pack/id when two packs share an id. `--step ID` opens the lesson at that step (the lesson's end lists the questions you skipped with their ids).",
                    arguments: { $0.allIDs() }, run: { repl, args in repl.start(args) }),
            Command("continue", aliases: ["resume"], summary: "resume exactly where you left off",
                    run: { repl, _ in repl.resume() }),
            Command("next", summary: "go on: the next step in a lesson, or the next lesson on the path",
                    run: { repl, _ in repl.next() }),
            Command("back", summary: "go back one step in the lesson",
                    run: { repl, _ in repl.back() }),
            Command("hint", summary: "show the next hint for this question",
                    run: { repl, _ in repl.hint() }),
            Command("skip", summary: "skip this question (it is marked skipped; come back any time)",
                    run: { repl, _ in repl.skip() }),
            Command("reset", usage: "reset <module>", summary: "forget your answers in a module (asks first)",
                    detail: "Removes every answer, reflection and position in the module from your progress. Pathway asks for confirmation.",
                    arguments: { $0.moduleIDs() }, run: { repl, args in repl.reset(args) }),
        ]
    }

    /// Module and lesson ids, from the packs' heads (no module is decoded for Tab completion).
    func allIDs() -> [String] {
        tutor.library.packs.flatMap { pack in pack.head.modules.flatMap { [$0.id] + $0.lessons } }
    }

    func moduleIDs() -> [String] { tutor.library.packs.flatMap { $0.head.modules.map(\.id) } }

    private func start(_ arguments: [String]) {
        var args = arguments
        var stepID: String?
        if let flag = args.firstIndex(of: "--step") {
            guard flag + 1 < args.count else {
                out.line("Usage: start <lesson> --step <step id>.")
                return
            }
            stepID = args[flag + 1]
            args.removeSubrange(flag...(flag + 1))
        }
        guard let reference = args.first else {
            out.line("Usage: start <module-or-lesson>. Type list to see the ids.")
            return
        }
        let lessons = tutor.library.lessons(matching: reference)
        let modules = tutor.library.modules(matching: reference)
        let matches = lessons.count + modules.count
        if matches == 0 {
            out.line("No module or lesson '\(TerminalSafeText.sanitize(reference))'. Type list to see the ids (Tab completes them).")
            return
        }
        if matches > 1 {
            let options = lessons.map { "\($0.pack.id)/\($0.lesson.id)" } + modules.map { "\($0.pack.id)/\($0.module.id)" }
            out.line("'\(TerminalSafeText.sanitize(reference))' is in several packs; type one of: \(options.joined(separator: ", "))")
            return
        }
        if let (pack, module, lesson) = lessons.first {
            guard mayOpen(pack: pack, module: module) else { return }
            if let stepID, lesson.stepIndex(id: stepID) == nil {
                out.line("'\(lesson.title)' has no step '\(TerminalSafeText.sanitize(stepID))'.")
                return
            }
            open(pack: pack, module: module, lesson: lesson, restart: false, at: stepID)
        } else if let (pack, module) = modules.first {
            guard mayOpen(pack: pack, module: module) else { return }
            let lesson = module.lessons.first { tutor.progress.lessons[.lesson(pack, $0)]?.completed != true }
                ?? module.lessons[0]
            open(pack: pack, module: module, lesson: lesson, restart: false)
        }
    }

    private func mayOpen(pack: Pack, module: Module) -> Bool {
        guard case let .locked(reason)? = tutor.overview.state(pack: pack.id, module: module.id) else { return true }
        return confirm("'\(module.title)' is locked: \(reason). Start it anyway?")
    }

    func open(pack: Pack, module: Module, lesson: Lesson, restart: Bool, at stepID: String? = nil) {
        let record = tutor.progress.lessons[.lesson(pack, lesson)]
        tutor.open(pack: pack, module: module, lesson: lesson, restart: restart)
        out.line()
        out.line(style.bold("\(module.title) › \(lesson.title)") + style.dim("  (\(lesson.id))"))
        if let stepID, tutor.move(toStep: stepID), let index = tutor.active?.index {
            out.line(style.dim("At step \(index + 1) of \(lesson.steps.count)."))
        } else if let record, record.completed {
            out.line(style.dim("You completed this lesson before; going through it again adds practice, and keeps your earlier answers."))
        } else if let record, record.position > 0 {
            out.line(style.dim("Resuming at step \(record.position + 1) of \(lesson.steps.count)."))
        }
        showStep()
    }

    private func resume() {
        if tutor.active != nil {
            showStep()
            return
        }
        guard let target = tutor.resumeTarget() else {
            out.line("Nothing left to continue: every open lesson is completed. Type path to see what is locked, or progress for a summary.")
            return
        }
        open(pack: target.pack, module: target.module, lesson: target.lesson, restart: false)
    }

    private func next() {
        guard let lesson = tutor.active else {
            // Due reviews come first, then the path.
            let due = tutor.dueCards().count
            if tutor.review == nil, due > 0 {
                if let target = tutor.resumeTarget() {
                    out.line("\(Plural.count(due, "review")) first, then '\(target.lesson.title)'.")
                }
                beginReview()
            } else {
                resume()
            }
            return
        }
        switch lesson.step {
        case let question as any Question:
            let record = tutor.itemRecord(for: question)
            guard lesson.settled || record?.answeredCorrectly == true || record?.revealed == true || record?.skipped == true else {
                out.line("Answer the question first, or type skip to move on (you can come back later).")
                return
            }
        case let reflection as ReflectionStep:
            guard lesson.settled || tutor.reflectionRecord(for: reflection) != nil else {
                out.line("Write your answer first, or type skip to come back to it later.")
                return
            }
        case is ScenarioStep:
            guard lesson.settled else {
                out.line("Make your decision first, or type skip to leave the case (it waits at this point for you).")
                return
            }
        default:
            break
        }
        moveOn()
    }

    /// Advances and shows what comes next.
    func moveOn() {
        show(tutor.active.map { ($0.pack, $0.lesson) }, then: tutor.advance())
    }

    /// Shows the step moved to, or the end of `lesson` when it was the last.
    func show(_ lesson: (pack: Pack, lesson: Lesson)?, then change: Tutor.StepChange?) {
        switch change {
        case .moved?: showStep()
        case let .lessonCompleted(summary)?:
            if let lesson { showCompletion(summary, of: lesson.lesson, in: lesson.pack) }
            if tutor.savesProgress { onLessonCompleted?(tutor.progress) }
        case nil: break
        }
    }

    private func back() {
        guard tutor.active != nil else {
            out.line("No lesson is open. Type continue to resume one.")
            return
        }
        if let refusal = tutor.backRefusal {
            out.line(refusal)
        } else if tutor.back() {
            showStep()
        } else {
            out.line("This is the first step of the lesson.")
        }
    }

    private func hint() {
        if tutor.review != nil {
            if let hint = tutor.reviewHint() {
                labelled(style.yellow("Hint \(hint.number) of \(hint.total): "), hint.text)
            } else {
                out.line("No more hints for this question.")
            }
            return
        }
        guard let lesson = tutor.active, let question = lesson.step as? any Question else {
            out.line("Hints are for questions; there is no question open right now.")
            return
        }
        guard let hint = tutor.hint() else {
            out.line(question.hints.isEmpty ? "This question has no hints." : "No more hints for this question. Type skip to move on, or try once more.")
            return
        }
        showHint(hint)
    }

    private func skip() {
        if tutor.placement != nil {
            showPlacementOutcome(tutor.answerPlacement(nil))
            return
        }
        if tutor.review != nil {
            tutor.skipReview()
            out.line(style.dim("Skipped; it stays due."))
            showReviewQuestion()
            return
        }
        guard let lesson = tutor.active else {
            out.line("No lesson is open, so there is nothing to skip.")
            return
        }
        if lesson.step is any Question, !lesson.settled {
            guard tutor.skippingAllowed else {
                out.line("This pack does not allow skipping questions: answer it" + ((lesson.step as? any Question)?.hints.isEmpty == false ? " (hint may help)." : "."))
                return
            }
            out.line(style.dim("Skipped. It stays in your progress as skipped; type back to return to it now, or find it at the end of the lesson."))
        }
        show((lesson.pack, lesson.lesson), then: tutor.skip())
    }

    private func reset(_ args: [String]) {
        guard let reference = args.first else {
            out.line("Usage: reset <module>. Type list to see module ids.")
            return
        }
        let matches = tutor.library.modules(matching: reference)
        guard matches.count == 1, let (pack, module) = matches.first else {
            out.line(matches.isEmpty ? "No module '\(TerminalSafeText.sanitize(reference))'. Type list to see module ids."
                                     : "'\(reference)' is in several packs; use pack/module.")
            return
        }
        guard confirm("Reset '\(module.title)'? This forgets your answers, reflections and place in its \(Plural.count(module.lessons.count, "lesson")).") else {
            out.line("Nothing was reset.")
            return
        }
        let removed = tutor.reset(pack: pack, module: module)
        out.line("Reset '\(module.title)': \(Plural.count(removed, "record")) removed.")
    }
}
