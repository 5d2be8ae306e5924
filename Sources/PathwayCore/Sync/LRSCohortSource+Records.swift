import Foundation

/// Scenario runs, portfolio pieces and placement results rebuilt from their statements (see
/// ``XAPIStatementBuilder``), so that a cohort from an LRS counts them as one from files does.
extension LRSCohortSource {
    /// A scenario decision (`answered` on `…/scenarios/ID/nodes/NODE`): added to its run (the
    /// `run` extension), with the option taken (the response's choice id), its text and score.
    static func addDecision(_ statement: FetchedStatement, node: String, at: Date, to record: inout ScenarioRecord, baseIRI: String) {
        let extensions = statement.result?.extensions ?? [:]
        let response = statement.result?.response ?? ""
        let option = (0..<26).first { XAPIInteraction.choiceID($0) == response } ?? 0
        let decision = ScenarioDecision(node: node, option: option, text: extensions[XAPIExtension.answer.iri(baseIRI)]?.text ?? response,
                                        score: statement.result?.score?.raw ?? 0, next: nil, at: at,
                                        seconds: statement.result?.duration.flatMap(ReportText.seconds(ofDuration:)) ?? 0)
        let index = run(extensions, at: at, in: &record, baseIRI: baseIRI)
        record.runs[index].decisions.append(decision)
        record.runs[index].startedAt = min(record.runs[index].startedAt, at)
    }

    /// A finished run (`completed` on `…/scenarios/ID`).
    static func addFinish(_ statement: FetchedStatement, at: Date, to record: inout ScenarioRecord, baseIRI: String) {
        let index = run(statement.result?.extensions ?? [:], at: at, in: &record, baseIRI: baseIRI)
        record.runs[index].finishedAt = at
    }

    /// The index of the run the `run` extension names, adding runs up to it.
    private static func run(_ extensions: [String: FetchedStatement.Extension], at: Date, in record: inout ScenarioRecord,
                            baseIRI: String) -> Int {
        let number = min(max(extensions[XAPIExtension.run.iri(baseIRI)]?.whole ?? 1, 1), 10_000)
        while record.runs.count < number { record.runs.append(ScenarioRun(startedAt: at)) }
        return number - 1
    }

    /// The record with each run's decisions in time order (statements come back in any order).
    static func ordered(_ record: ScenarioRecord) -> ScenarioRecord {
        var ordered = record
        for index in ordered.runs.indices {
            ordered.runs[index].decisions = ordered.runs[index].decisions.enumerated()
                .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        }
        return ordered
    }

    /// A portfolio piece (`responded` on `…/reflections/ID`): the text is the response.
    static func reflection(_ statement: FetchedStatement, at: Date, baseIRI: String) -> ReflectionRecord? {
        guard let text = statement.result?.response else { return nil }
        let extensions = statement.result?.extensions ?? [:]
        let levels = extensions[XAPIExtension.selfScores.iri(baseIRI)]?.wholes?.map { $0 - 1 }
        return ReflectionRecord(artifact: extensions[XAPIExtension.artifact.iri(baseIRI)]?.text, text: text,
                                checked: extensions[XAPIExtension.checked.iri(baseIRI)]?.wholes ?? [], savedAt: at,
                                selfScores: levels.flatMap { $0.isEmpty ? nil : $0 },
                                firstDraft: extensions[XAPIExtension.firstDraft.iri(baseIRI)]?.text)
    }

    /// A placement result (`passed` or `failed` on `…/placements/MODULE`); its answers are not sent.
    static func placement(_ statement: FetchedStatement, at: Date, baseIRI: String) -> PlacementRecord {
        let extensions = statement.result?.extensions ?? [:]
        return PlacementRecord(packVersion: extensions[XAPIExtension.packVersion.iri(baseIRI)]?.text ?? "",
                               score: statement.result?.score?.raw ?? 0,
                               verdict: (extensions[XAPIExtension.testedOut.iri(baseIRI)]?.flag ?? statement.result?.success ?? false) ? .testedOut : .toStudy,
                               at: at, answers: [])
    }
}
