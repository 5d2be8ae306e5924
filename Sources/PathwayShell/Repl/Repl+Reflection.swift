import PathwayCore

extension Repl {
    func showReflection(_ step: ReflectionStep) {
        out.line(style.cyan("Portfolio" + (step.artifact.map { ": \($0)" } ?? "")) + style.dim(" · reflection, not graded"))
        out.line(markdown.render(step.prompt))
        if !step.checklist.isEmpty {
            out.line(style.dim("You will check your text against:"))
            for (index, item) in step.checklist.enumerated() {
                out.line(markdown.wrap(item, indent: "  \(index + 1). ", hanging: "     ").joined(separator: "\n"))
            }
        }
        if !step.rubric.isEmpty {
            out.line(style.dim("Afterwards you will score your text on: " + step.rubric.map { TerminalSafeText.sanitize($0.criterion) }.joined(separator: "; ")
                + (step.modelAnswer == nil ? "." : ", then see a model answer and may revise.")))
        }
        if let saved = tutor.reflectionRecord(for: step) {
            out.line(style.dim("You wrote \(Plural.count(ReflectionStep.wordCount(saved.text), "word")) here before. Type next to keep \(Plural.noun(ReflectionStep.wordCount(saved.text), "it", "them")), or write a new version."))
        }
        let length = step.minimumWords.map { "Aim for about \(Plural.count($0, "word")). " } ?? ""
        out.line(style.dim(length + "Write as many lines as you like; a line with just . ends your text. Or: skip."))
    }

    /// Reads lines up to a line with a single `.` (or the end of input), after `lines`.
    func readText(after lines: [String]) -> String {
        var lines = lines
        readLines: while true {
            switch reader.readLine(prompt: "...> ") {
            case let .line(line):
                if line.trimmingCharacters(in: .whitespaces) == "." { break readLines }
                lines.append(line)
            case .interrupted, .woken:
                continue
            case .endOfInput:
                break readLines
            }
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Reads the rest of a reflection, then its self-check and rubric, saves it to the
    /// portfolio, and offers the model answer and a revision.
    func compose(_ step: ReflectionStep, firstLine: String) {
        var lines = [firstLine]
        var text = ""
        while true {
            text = readText(after: lines)
            lines = [text]
            let words = ReflectionStep.wordCount(text)
            if let minimum = step.minimumWords, words < minimum, reader.isInteractive,
               !confirm("That is \(Plural.count(words, "word")); this piece asks for about \(minimum). Keep it as it is?") {
                out.line(style.dim("Go on writing; a line with just . ends your text."))
                continue
            }
            break
        }
        var checked: [Int] = []
        if !step.checklist.isEmpty {
            out.line("Which of these does your text do? Type their numbers (e.g. 1,3), all, or none.")
            for (index, item) in step.checklist.enumerated() { out.line("  \(index + 1). \(TerminalSafeText.sanitize(item))") }
            if case let .line(answer) = reader.readLine(prompt: "checked> ") {
                checked = Self.checklistSelection(answer, count: step.checklist.count)
            }
        }
        let scores = selfScore(step)
        tutor.saveReflection(text: text, checked: checked, selfScores: scores)
        let open = step.checklist.indices.filter { !checked.contains($0) }
        if tutor.saving == .readOnly {
            out.line(style.yellow("Not saved") + " (\(Plural.count(ReflectionStep.wordCount(text), "word"))): another pathway has this profile open (read-only session).")
        } else {
            out.line(style.green("Saved to your portfolio") + (step.artifact.map { " as '\($0)'" } ?? "") + " (\(Plural.count(ReflectionStep.wordCount(text), "word"))).")
        }
        if !open.isEmpty {
            out.line(style.dim("Still to cover:"))
            for index in open { out.line(style.dim("  \(index + 1). " + TerminalSafeText.sanitize(step.checklist[index]))) }
            let lessonID = tutor.active?.lesson.id ?? ""
            out.line(style.dim("Come back with start \(lessonID) --step \(step.reflectionID) to revise it."))
        }
        if let model = step.modelAnswer {
            out.line(style.bold("A model answer") + style.dim(" (one good way to do it; compare, don't copy):"))
            out.line(markdown.render(model))
            if confirm("Revise your text now? (your first version is kept)") {
                out.line(style.dim("Write the new version; a line with just . ends it."))
                let revised = readText(after: [])
                if !revised.isEmpty {
                    tutor.reviseReflection(text: revised)
                    out.line(style.green("Revision saved") + " (\(Plural.count(ReflectionStep.wordCount(revised), "word")); the first version is kept).")
                }
            }
        }
        moveOn()
    }

    /// Asks the learner to place their text at a level of each rubric criterion; the levels
    /// picked (0 = lowest), in rubric order.
    func selfScore(_ step: ReflectionStep) -> [Int] {
        guard !step.rubric.isEmpty else { return [] }
        out.line("Score your text against the rubric: for each criterion, type the number of the level it reaches.")
        var scores: [Int] = []
        for criterion in step.rubric {
            out.line(style.bold(TerminalSafeText.sanitize(criterion.criterion)))
            for (index, level) in criterion.levels.enumerated() {
                labelled("  \(index + 1). ", level)
            }
            var picked: Int?
            while picked == nil {
                guard case let .line(answer) = reader.readLine(prompt: "level> ") else { break }
                if let number = Int(answer.trimmingCharacters(in: .whitespaces)), (1...criterion.levels.count).contains(number) {
                    picked = number - 1
                } else {
                    out.line("Type a number from 1 to \(criterion.levels.count).")
                }
            }
            scores.append(picked ?? 0)
        }
        return scores
    }

    /// The checklist items (0-based) named in `answer`.
    static func checklistSelection(_ answer: String, count: Int) -> [Int] {
        let text = answer.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "all" { return Array(0..<count) }
        return text.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Int($0) }
            .filter { (1...count).contains($0) }.map { $0 - 1 }.uniqued()
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
