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
        if let saved = tutor.reflectionRecord(for: step) {
            out.line(style.dim("You wrote \(ReflectionStep.wordCount(saved.text)) words here before. Type next to keep them, or write a new version."))
        }
        let length = step.minimumWords.map { "Aim for about \($0) words. " } ?? ""
        out.line(style.dim(length + "Write as many lines as you like; a line with just . ends your text. Or: skip."))
    }

    /// Reads the rest of a reflection, then its self-check, and saves it to the portfolio.
    func compose(_ step: ReflectionStep, firstLine: String) {
        var lines = [firstLine]
        var text = ""
        while true {
            readLines: while true {
                switch reader.readLine(prompt: "...> ") {
                case let .line(line):
                    if line.trimmingCharacters(in: .whitespaces) == "." { break readLines }
                    lines.append(line)
                case .interrupted:
                    continue
                case .endOfInput:
                    break readLines
                }
            }
            text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            let words = ReflectionStep.wordCount(text)
            if let minimum = step.minimumWords, words < minimum, reader.isInteractive,
               !confirm("That is \(words) words; this piece asks for about \(minimum). Keep it as it is?") {
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
        tutor.saveReflection(text: text, checked: checked)
        let open = step.checklist.indices.filter { !checked.contains($0) }
        if tutor.saving == .readOnly {
            out.line(style.yellow("Not saved") + " (\(ReflectionStep.wordCount(text)) words): another pathway has this profile open (read-only session).")
        } else {
            out.line(style.green("Saved to your portfolio") + (step.artifact.map { " as '\($0)'" } ?? "") + " (\(ReflectionStep.wordCount(text)) words).")
        }
        if !open.isEmpty {
            out.line(style.dim("Still to cover:"))
            for index in open { out.line(style.dim("  \(index + 1). " + TerminalSafeText.sanitize(step.checklist[index]))) }
            let lessonID = tutor.active?.lesson.id ?? ""
            out.line(style.dim("Come back with start \(lessonID) --step \(step.reflectionID) to revise it."))
        }
        moveOn()
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
