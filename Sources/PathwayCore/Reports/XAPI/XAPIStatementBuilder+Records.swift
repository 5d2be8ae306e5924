import Foundation

/// Statements for what the learner wrote and placed out of: enough for a Learning Record Store
/// to hold the same portfolio pieces and placement results as the progress file, so that a
/// cohort read back from it equals one read from exported files.
extension XAPIStatementBuilder {
    /// One `responded` statement per portfolio piece as last saved: a `long-fill-in`
    /// interaction whose response is the text, with the self-check items ticked, the rubric
    /// self-scores (levels, 1 for the lowest), the piece's title and the first draft when the
    /// text was revised. Each save is its own event: its id covers the text and the scores, so
    /// a piece saved again within one second never reuses an id with a different body.
    func reflectionStatements() -> [(Date, JSONValue)] {
        data.portfolio.map { artifact in
            let id = iri("reflections", artifact.pack, artifact.step)
            var definition: [String: JSONValue] = [
                "name": languageMap(artifact.title),
                "type": .string(Self.activityBase + "cmi.interaction"),
                "interactionType": .string("long-fill-in"),
            ]
            if let prompt = artifact.prompt { definition["description"] = languageMap(HTMLReportFormat.plain(prompt)) }
            let object = JSONValue.object(["objectType": .string("Activity"), "id": .string(id), "definition": .object(definition)])
            let checked = artifact.checklist.indices.filter { artifact.checklist[$0].checked }
            let levels = artifact.rubric.compactMap(\.selfScore)
            var extensions: [String: JSONValue] = [
                XAPIExtension.artifact.iri(configuration.baseIRI): .string(artifact.title),
                XAPIExtension.checked.iri(configuration.baseIRI): .array(checked.map { .integer($0) }),
                XAPIExtension.words.iri(configuration.baseIRI): .integer(artifact.words),
            ]
            if !levels.isEmpty { extensions[XAPIExtension.selfScores.iri(configuration.baseIRI)] = .array(levels.map { .integer($0) }) }
            if let draft = artifact.firstDraft { extensions[XAPIExtension.firstDraft.iri(configuration.baseIRI)] = .string(draft) }
            let result = JSONValue.object(["response": .string(artifact.text), "completion": .bool(true), "extensions": .object(extensions)])
            var parents: [JSONValue] = [], grouping: [JSONValue] = []
            if let lesson = artifact.lesson { parents.append(activity(iri("lessons", artifact.pack, lesson))) }
            if let module = artifact.module { grouping.append(activity(iri("modules", artifact.pack, module))) }
            grouping.append(activity(configuration.iri("packs", artifact.pack)))
            if parents.isEmpty { parents = [grouping.removeLast()] }
            let identity = [artifact.text, artifact.firstDraft ?? "", checked.map(String.init).joined(separator: ","),
                            levels.map(String.init).joined(separator: ",")].joined(separator: "\n")
            return (artifact.savedAt, statement(verb: "responded", object: object, result: result,
                                                context: context(parent: parents, grouping: grouping), at: artifact.savedAt,
                                                identity: identity))
        }
    }

    /// One statement per module placement result: `passed` when the module was tested out,
    /// `failed` otherwise, with the score and the pack version the quiz was taken on.
    func placementStatements() -> [(Date, JSONValue)] {
        (data.placements ?? []).map { placement in
            let title = data.modules.first { $0.pack == placement.pack && $0.id == placement.module }?.title ?? placement.module
            let object = activity(iri("placements", placement.pack, placement.module), name: "Placement: \(title)", type: "assessment")
            let result = JSONValue.object([
                "score": .object(["scaled": .number(placement.score), "raw": .number(placement.score), "min": .integer(0), "max": .integer(1)]),
                "success": .bool(placement.testedOut), "completion": .bool(true),
                "extensions": .object([XAPIExtension.packVersion.iri(configuration.baseIRI): .string(placement.packVersion),
                                       XAPIExtension.testedOut.iri(configuration.baseIRI): .bool(placement.testedOut)]),
            ])
            let packRef = activity(configuration.iri("packs", placement.pack))
            return (placement.at, statement(verb: placement.testedOut ? "passed" : "failed", object: object, result: result,
                                            context: context(parent: [activity(iri("modules", placement.pack, placement.module))],
                                                             grouping: [packRef]),
                                            at: placement.at, identity: placement.packVersion + "\n" + String(placement.score)))
        }
    }
}
