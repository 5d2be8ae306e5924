import Foundation

/// Playing a scenario step: the learner decides at each node, every decision is recorded
/// through the journal as it is made, and the run resumes at the same node after a restart.
extension Tutor {
    /// Where the open scenario stands.
    public enum ScenarioPhase: Equatable {
        /// Waiting for a decision at `node`; `options` are in display order, `decisions` made so far this run.
        case deciding(node: ScenarioStep.Node, options: [ScenarioStep.Option], decisions: Int)
        /// The last run reached an ending; the learner may move on or play again.
        case finished(ScenarioRecord)
    }

    /// What a decision did.
    public enum DecisionOutcome: Equatable {
        case malformed(String)
        /// The decision was recorded; `next` is the node that follows, or nil when the case ended
        /// (then `ended` holds the finished run).
        case decided(option: ScenarioStep.Option, next: ScenarioStep.Node?, ended: ScenarioRun?)
        /// The current step is not a scenario.
        case notAScenario
    }

    /// The open lesson's scenario step and its record key, when that is the current step.
    public var openScenario: (step: ScenarioStep, key: ProgressKey)? {
        guard let lesson = active, let step = lesson.step as? ScenarioStep else { return nil }
        return (step, .scenario(lesson.pack, step))
    }

    /// The phase of the open scenario: the node to decide at (the start, or where the run under
    /// way stands), or finished.
    public func scenarioPhase() -> ScenarioPhase? {
        guard let (step, key) = openScenario else { return nil }
        let record = progress.scenarios[key] ?? ScenarioRecord()
        let nodeID: String
        if let run = record.currentRun {
            nodeID = run.decisions.last?.next ?? step.start
        } else if record.isFinished {
            return .finished(record)
        } else {
            nodeID = step.start
        }
        // A node removed by a pack update: start again from the start node.
        guard let node = step.node(id: nodeID) ?? step.node(id: step.start) else { return nil }
        let run = record.currentRun
        return .deciding(node: node, options: scenarioOptions(node, key: key, run: run?.decisions.count ?? 0),
                         decisions: run?.decisions.count ?? 0)
    }

    /// The options of `node` in the order shown: shuffled like choices when the pack shuffles,
    /// fixed for the session so that letters keep their meaning.
    func scenarioOptions(_ node: ScenarioStep.Node, key: ProgressKey, run: Int) -> [ScenarioStep.Option] {
        let order = scenarioOrders[ProgressKey(pack: key.pack, id: "\(key.id)#\(node.id)")] ?? {
            var order = Array(node.options.indices)
            if options.shuffleChoices, active?.pack.manifest.policy.shuffle ?? true { order.shuffle(using: &random) }
            scenarioOrders[ProgressKey(pack: key.pack, id: "\(key.id)#\(node.id)")] = order
            return order
        }()
        guard order.count == node.options.count else { return node.options }
        return order.map { node.options[$0] }
    }

    /// Records the decision typed at the current node (a letter, a number or the option's text).
    public func decide(_ input: String) -> DecisionOutcome {
        guard var lesson = active, let (step, key) = openScenario,
              case let .deciding(node, shown, _)? = scenarioPhase() else { return .notAScenario }
        let picked: Int
        switch ChoiceInput.parse(input, optionCount: shown.count, options: shown.map(\.text), allowMany: false) {
        case let .failure(error): return .malformed(error.message(allowMany: false, optionCount: shown.count))
        case let .success(positions): picked = positions[0]
        }
        let option = shown[picked]
        let now = clock.now
        let decision = ScenarioDecision(node: node.id, option: node.options.firstIndex(of: option) ?? picked, text: option.text,
                                        score: option.score, next: option.next, at: now,
                                        seconds: attemptSeconds(since: lesson.visit.shownAt, now: now))
        lesson.visit.shownAt = now
        let next = option.next.flatMap(step.node(id:))
        let ended: ScenarioRun? = recorded.update(.scenarios, key, default: ScenarioRecord()) { record in
            if record.currentRun == nil { record.runs.append(ScenarioRun(startedAt: now)) }
            record.runs[record.runs.count - 1].decisions.append(decision)
            guard next == nil else { return nil }
            record.runs[record.runs.count - 1].finishedAt = now
            return record.runs[record.runs.count - 1]
        }
        if ended != nil { lesson.settled = true }
        mode = .lesson(lesson)
        persist()
        return .decided(option: option, next: next, ended: ended)
    }

    /// Starts the open scenario again from its start (only once a run is finished). The
    /// finished runs are kept.
    @discardableResult
    public func replayScenario() -> Bool {
        guard let (_, key) = openScenario, case .finished? = scenarioPhase() else { return false }
        for nodeKey in scenarioOrders.keys where nodeKey.pack == key.pack && nodeKey.id.hasPrefix("\(key.id)#") {
            scenarioOrders[nodeKey] = nil
        }
        recorded.update(.scenarios, key, default: ScenarioRecord()) { $0.runs.append(ScenarioRun(startedAt: clock.now)) }
        withLesson { $0.visit = QuestionVisit(shownAt: clock.now) }
        persist()
        return true
    }

    /// Why `back` is refused here, if it is: a decision made in a scenario run stands.
    public var backRefusal: String? {
        guard let (_, key) = openScenario, let run = progress.scenarios[key]?.currentRun, !run.decisions.isEmpty else { return nil }
        return "A decision stands: you cannot go back in a case. Finish it; then you can play it again from the start."
    }
}

extension ProgressKey {
    /// The key of a scenario step of `pack`.
    public static func scenario(_ pack: Pack, _ step: ScenarioStep) -> ProgressKey { ProgressKey(pack: pack.id, id: step.scenarioID) }
}
