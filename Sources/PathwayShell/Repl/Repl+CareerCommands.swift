import PathwayCore

extension Repl {
    /// Skills and career readiness.
    static var careerCommands: [Command] {
        [
            Command("skills", summary: "your level in each AI PM skill, from your graded answers",
                    run: { repl, _ in repl.showSkills() }),
            Command("career", summary: "how ready you are for the role: path, skills, portfolio, steps left",
                    run: { repl, _ in repl.showCareer() }),
        ]
    }

    /// A bar of 20 cells, or 10 on a narrow terminal.
    func bar(_ value: Double) -> String {
        let width = out.width < 80 ? 10 : 20
        let filled = Int((max(0, min(1, value)) * Double(width)).rounded())
        return style.green(String(repeating: "█", count: filled)) + style.dim(String(repeating: "░", count: width - filled))
    }

    private func showSkills() {
        let skills = SkillLevel.all(library: tutor.library, progress: tutor.progress)
        guard !skills.isEmpty else {
            out.line("No module is tagged with skills yet.")
            return
        }
        out.line(style.bold("Skills") + style.dim("  (level: first tries count fully, later right answers half; unanswered items count 0)"))
        let nameWidth = skills.map(\.name.count).max() ?? 0
        for skill in skills {
            let name = skill.name.padded(to: nameWidth + 1)
            guard skill.itemsSeen > 0 else {
                out.line("  \(name) \(bar(0)) " + style.dim("not started  (\(Plural.count(skill.itemsTotal, "item")))"))
                continue
            }
            let accuracy = ", \(Int((skill.firstTryAccuracy * 100).rounded()))% right first time"
            out.line("  \(name) \(bar(skill.level)) \(Int((skill.level * 100).rounded()))% \(skill.band)"
                     + style.dim("  \(skill.itemsSeen)/\(Plural.count(skill.itemsTotal, "item")) seen\(accuracy)"))
        }
    }

    private func showCareer() {
        guard let path = tutor.library.chosenPath(for: tutor.progress),
              let readiness = CareerReadiness(path: path, library: tutor.library, progress: tutor.progress) else {
            out.line("No career path is installed, so there is no role to measure readiness against.")
            return
        }
        out.line(style.bold("Readiness for the \(readiness.role) role"))
        out.line("  Path         \(bar(readiness.completion)) \(readiness.lessonsCompleted)/\(Plural.count(readiness.lessonsTotal, "lesson"))")
        if !readiness.modulesTestedOut.isEmpty {
            let count = readiness.modulesTestedOut.count
            out.line("  Tested out   \(Plural.count(count, "module")) by placement (not counted as lessons done; still open to study): "
                     + readiness.modulesTestedOut.joined(separator: ", "))
        }
        let mastered = readiness.masteredSkills
        out.line("  Skills       \(mastered.count) of \(readiness.skills.count) strong" + (mastered.isEmpty ? "" : ": " + mastered.joined(separator: ", ")))
        let artifacts = readiness.artifactsDone.count + readiness.artifactsMissing.count
        out.line("  Portfolio    \(readiness.artifactsDone.count) of \(Plural.count(artifacts, "piece")) written")
        if !readiness.artifactsMissing.isEmpty {
            out.line(style.dim("               still to write: " + readiness.artifactsMissing.joined(separator: ", ")))
        }
        showRoleLevels(readiness)
        if !readiness.steps.isEmpty {
            out.line()
            out.line(style.bold("Steps into the role"))
            if let source = readiness.source { out.line(style.dim("  (\(source))")) }
            for (index, step) in readiness.steps.enumerated() {
                let mark: String
                switch step.status {
                case .done: mark = style.green("✓")
                case .inProgress: mark = style.yellow("▸")
                case .toDo: mark = "○"
                case .outside: mark = style.dim("→")
                }
                out.line("  \(mark) \(index + 1). \(step.title)" + style.dim("  \(step.status.rawValue)"))
                if let remaining = step.remaining {
                    out.line(style.dim("       " + remaining))
                }
            }
        }
    }

    private func showRoleLevels(_ readiness: CareerReadiness) {
        guard !readiness.levels.isEmpty else { return }
        out.line()
        let reached = readiness.reachedLevel
        out.line(style.bold("Role levels") + style.dim("  (" + readiness.levels.map(\.title).joined(separator: " → ") + ")"))
        out.line("  Your skills meet: " + (reached.map { style.green(readiness.levels[$0].title) } ?? "none of the levels yet"))
        guard let next = readiness.nextLevel else {
            out.line(style.dim("  You meet every level this path describes."))
            return
        }
        out.line("  To reach \(style.bold(readiness.levels[next].title)):")
        for gap in readiness.gap(to: next) {
            out.line("    \(SkillLevel.name(of: gap.skill).padded(to: 22)) \(Int((gap.have * 100).rounded()))% \(SkillLevel.band(for: gap.have)) → "
                     + "\(Int((gap.need * 100).rounded()))% \(SkillLevel.band(for: gap.need))")
        }
    }
}
