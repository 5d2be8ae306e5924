import PathwayCore

extension Repl {
    /// `again`: play the open scenario again from its start, once it is finished.
    static var scenarioCommands: [Command] {
        [Command("again", aliases: ["replay"], summary: "play a finished case again from its start (your runs are kept)",
                 run: { repl, _ in repl.replayScenario() })]
    }

    /// Shows the open scenario where it stands: the title and the node to decide at, or the
    /// finished state.
    func showScenario(_ scenario: ScenarioStep) {
        switch tutor.scenarioPhase() {
        case let .deciding(node, options, decisions)?:
            if decisions == 0 {
                out.line(style.cyan("Case: " + TerminalSafeText.sanitize(scenario.title ?? "a decision to make")) + style.dim(" · scenario"))
            } else {
                out.line(style.dim("Case in progress: decision \(decisions + 1)."))
            }
            showNode(node, options: options)
        case let .finished(record)?:
            out.line(style.cyan("Case: " + TerminalSafeText.sanitize(scenario.title ?? "")) + style.dim(" · finished"))
            out.line(runLine(record))
            out.line(style.dim("Type again to play it from the start, or press Enter to go on."))
        case nil:
            out.line("(This case cannot be shown; type next.)")
        }
    }

    private func showNode(_ node: ScenarioStep.Node, options: [ScenarioStep.Option]) {
        out.line(markdown.render(node.text))
        for (index, option) in options.enumerated() {
            let label = "  \(ChoiceInput.letter(index))) "
            labelled(label, option.text)
        }
        out.line(style.dim("Type the letter of your decision (a–\(ChoiceInput.letter(options.count - 1))). A decision stands: there is no going back."))
    }

    /// Handles a line typed at a scenario step.
    func respondInScenario(_ text: String) {
        guard let phase = tutor.scenarioPhase() else { return }
        if case .finished = phase {
            if text.isEmpty { moveOn() } else { out.line("This case is finished: type again to replay it, or press Enter to go on.") }
            return
        }
        guard !text.isEmpty else {
            out.line("Type the letter of your decision.")
            return
        }
        switch tutor.decide(text) {
        case let .malformed(message):
            out.line(message)
        case .notAScenario:
            break
        case let .decided(option, next, ended):
            out.line()
            out.line(markdown.render(option.consequence))
            if let feedback = option.feedback { out.line(style.dim(markdown.render(feedback))) }
            if let ended, let scenario = tutor.openScenario?.step {
                showEnding(of: scenario, run: ended)
            } else if let next, let options = nextOptions() {
                out.line()
                showNode(next, options: options)
            }
        }
    }

    private func nextOptions() -> [ScenarioStep.Option]? {
        if case let .deciding(_, options, _)? = tutor.scenarioPhase() { return options }
        return nil
    }

    private func showEnding(of scenario: ScenarioStep, run: ScenarioRun) {
        out.line()
        out.line(style.green("✓ End of the case."))
        if let debrief = scenario.debrief { out.line(markdown.render(debrief)) }
        out.line(style.bold("Your path:"))
        for (index, decision) in run.decisions.enumerated() {
            let verdict = decision.score >= 1 ? "best decision" : "decision score \(Self.percent(decision.score))"
            labelled("  \(index + 1). ", "\(decision.text) " + style.dim("(\(verdict))"))
        }
        out.line("Score: \(Self.percent(run.score)) (the mean of your decisions; 100% is the best decision at every step).")
        if let record = tutor.openScenario.flatMap({ tutor.progress.scenarios[$0.key] }), record.finishedRuns.count > 1 {
            out.line(runLine(record))
        }
        out.line(style.dim("Press Enter to go on, or type again to play the case from the start."))
    }

    private func runLine(_ record: ScenarioRecord) -> String {
        let first = record.firstRun.map { Self.percent($0.score) } ?? "–"
        let best = record.bestRun.map { Self.percent($0.score) } ?? "–"
        let runs = record.finishedRuns.count
        return "First run \(first), best \(best) (\(Plural.count(runs, "run")))."
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    private func replayScenario() {
        guard let scenario = tutor.openScenario?.step else {
            out.line("again replays a case: open a lesson at a scenario step first.")
            return
        }
        guard tutor.replayScenario() else {
            out.line("Finish the case first; then you can play it again from the start.")
            return
        }
        out.line(style.dim("Playing the case again from the start; your earlier runs are kept."))
        showScenario(scenario)
    }
}
