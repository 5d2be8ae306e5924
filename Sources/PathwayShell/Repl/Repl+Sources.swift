import PathwayCore

extension Repl {
    /// The `sources` command: the full references of the open lesson (or the last one opened).
    static var sourceCommands: [Command] {
        [Command("sources", summary: "the full references of the lesson you are in (or will resume)",
                 run: { repl, _ in repl.showSourcesCommand() })]
    }

    func showSourcesCommand() {
        let target = tutor.active.map { ($0.pack, $0.lesson) } ?? tutor.resumeTarget().map { ($0.pack, $0.lesson) }
        guard let (pack, lesson) = target else {
            out.line("Open a lesson first (type continue); sources lists the works it draws on.")
            return
        }
        if lesson.sources.isEmpty && citedKeys(in: lesson).isEmpty {
            out.line("'\(lesson.title)' lists no sources.")
            return
        }
        showSources(of: lesson, references: pack.manifest.referencesByKey)
    }

    /// The lesson's sources and every work its text cites, as full references with addresses.
    func showSources(of lesson: Lesson, references: [String: Reference]) {
        var keys: [String] = []
        for key in lesson.sources + citedKeys(in: lesson) where !keys.contains(key) { keys.append(key) }
        guard !keys.isEmpty else { return }
        out.line(style.dim("Sources:"))
        for key in keys {
            let text: String
            if let reference = references[key] {
                text = reference.fullCitation + (reference.url.map { " \($0)" } ?? "")
            } else if Reference.isKeyShaped(key) && !lesson.sources.contains(key) {
                continue
            } else {
                text = key
            }
            out.line(style.dim(markdown.wrap(text, indent: "  - ", hanging: "    ").joined(separator: "\n")))
        }
    }

    private func citedKeys(in lesson: Lesson) -> [String] {
        lesson.steps.flatMap { step -> [String] in
            switch step {
            case let text as TextStep: Citations.keys(in: text.text)
            case let scenario as ScenarioStep: Citations.keys(in: scenario.debrief ?? "") + scenario.nodes.flatMap { Citations.keys(in: $0.text) }
            case let question as any Question: Citations.keys(in: question.prompt + " " + (question.explanation ?? ""))
            default: []
            }
        }
    }
}
