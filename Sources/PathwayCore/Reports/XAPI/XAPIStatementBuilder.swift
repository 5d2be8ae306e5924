import Foundation

/// Turns a ``ReportData`` into xAPI statements (see ``XAPIReportFormat``).
struct XAPIStatementBuilder {
    let configuration: XAPIConfiguration
    let data: ReportData

    /// The namespace of statement ids: uuid5(URL, "https://pathway.example/xapi/statements").
    static let namespace = UUID(uuidString: "69e64b5f-31ed-5347-bea0-6a693c35a1d9")!
    static let verbBase = "http://adlnet.gov/expapi/verbs/"
    static let activityBase = "http://adlnet.gov/expapi/activities/"

    /// Every statement, oldest first.
    func statements() -> [JSONValue] {
        var made: [(Date, JSONValue)] = []
        for module in data.modules {
            let moduleRef = activity(iri("modules", module.pack, module.id))
            let packRef = activity(configuration.iri("packs", module.pack))
            var lastCompletion: Date?
            for lesson in module.lessons {
                let lessonID = iri("lessons", module.pack, lesson.id)
                let lessonObject = activity(lessonID, name: lesson.title, type: "lesson")
                let context = self.context(parent: [moduleRef], grouping: [packRef])
                if let startedAt = lesson.startedAt {
                    made.append((startedAt, statement(verb: "attempted", object: lessonObject, result: nil, context: context, at: startedAt)))
                }
                for question in lesson.questions {
                    // Answers given twice within one millisecond are told apart by their order.
                    var seen: [String: Int] = [:]
                    for attempt in question.attempts {
                        let key = ReportText.timestamp(attempt.at) + "\n" + attempt.answer
                        let repeats = seen[key, default: 0]
                        seen[key] = repeats + 1
                        made.append((attempt.at, answered(question, attempt, repeats: repeats, lessonRef: activity(lessonID),
                                                          moduleRef: moduleRef, packRef: packRef)))
                    }
                }
                if lesson.completed, let completedAt = lesson.completedAt {
                    lastCompletion = max(lastCompletion ?? completedAt, completedAt)
                    let result: [String: JSONValue] = ["completion": .bool(true), "duration": .string(ReportText.duration(lesson.seconds))]
                    made.append((completedAt, statement(verb: "completed", object: lessonObject, result: .object(result), context: context, at: completedAt)))
                }
            }
            if module.isCompleted, let at = lastCompletion {
                made.append((at, moduleOutcome(module, packRef: packRef, at: at)))
            }
        }
        // Answers to retired questions stay in the record, marked retired.
        var seenRetired: [String: Int] = [:]
        for attempt in data.retired ?? [] {
            let key = attempt.pack + "/" + attempt.question + "\n" + ReportText.timestamp(attempt.at) + "\n" + attempt.answer
            let repeats = seenRetired[key, default: 0]
            seenRetired[key] = repeats + 1
            let packRef = activity(configuration.iri("packs", attempt.pack))
            let question = QuestionReport(id: attempt.question, type: attempt.questionType, prompt: "Retired question \(attempt.question)",
                                          attempts: [attempt], hintsUsed: attempt.hintsUsed, skipped: false, revealed: false,
                                          seconds: attempt.seconds)
            made.append((attempt.at, answered(question, attempt, repeats: repeats, lessonRef: packRef, moduleRef: packRef, packRef: packRef)))
        }
        for scenario in data.scenarios { made += scenarioStatements(scenario) }
        made += reflectionStatements() + placementStatements()
        return made.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }

    /// A scenario: one `answered` choice interaction per decision, and a `completed` statement
    /// with the run's score for each finished run.
    private func scenarioStatements(_ scenario: ScenarioReport) -> [(Date, JSONValue)] {
        let scenarioID = iri("scenarios", scenario.pack, scenario.step)
        let scenarioRef = activity(scenarioID)
        let lessonRef = activity(iri("lessons", scenario.pack, scenario.lesson))
        let moduleRef = activity(iri("modules", scenario.pack, scenario.module))
        let packRef = activity(configuration.iri("packs", scenario.pack))
        var made: [(Date, JSONValue)] = []
        for run in scenario.runs {
            // A node met twice in one run at one recorded time (a loop; files keep whole seconds) is told apart by its order.
            var seen: [String: Int] = [:]
            for decision in run.decisions {
                let key = decision.node + "\n" + ReportText.timestamp(decision.at)
                let repeats = seen[key, default: 0]
                seen[key] = repeats + 1
                let definition: [String: JSONValue] = [
                    "name": languageMap(Self.name(decision.situation)),
                    "description": languageMap(decision.situation),
                    "type": .string(Self.activityBase + "cmi.interaction"),
                    "interactionType": .string("choice"),
                    "correctResponsesPattern": .array(decision.bestOptions.map { .string(XAPIInteraction.choiceID($0)) }),
                    "choices": .array(decision.options.enumerated().map { index, text in
                        .object(["id": .string(XAPIInteraction.choiceID(index)), "description": languageMap(text)])
                    }),
                ]
                let object = JSONValue.object(["objectType": .string("Activity"), "id": .string("\(scenarioID)/nodes/\(decision.node)"),
                                                "definition": .object(definition)])
                let result = JSONValue.object([
                    "score": .object(["scaled": .number(decision.score), "raw": .number(decision.score), "min": .integer(0), "max": .integer(1)]),
                    "success": .bool(decision.score >= 1),
                    "response": .string(XAPIInteraction.choiceID(decision.option)),
                    "duration": .string(ReportText.duration(decision.seconds)),
                    "extensions": .object([XAPIExtension.run.iri(configuration.baseIRI): .integer(run.number),
                                           XAPIExtension.answer.iri(configuration.baseIRI): .string(decision.text)]),
                ])
                made.append((decision.at, statement(verb: "answered", object: object, result: result,
                                                    context: context(parent: [scenarioRef], grouping: [lessonRef, moduleRef, packRef]),
                                                    at: decision.at, identity: repeats == 0 ? "\(run.number)" : "\(run.number)\n#\(repeats)")))
            }
            guard let finished = run.finishedAt else { continue }
            var result: [String: JSONValue] = [
                "score": .object(["scaled": .number(run.score), "raw": .number(run.score), "min": .integer(0), "max": .integer(1)]),
                "success": .bool(run.score >= configuration.passingScore), "completion": .bool(true),
                "duration": .string(ReportText.duration(run.seconds)),
            ]
            result["extensions"] = .object([XAPIExtension.run.iri(configuration.baseIRI): .integer(run.number),
                                            XAPIExtension.firstRun.iri(configuration.baseIRI): .bool(run.number - 1 == scenario.firstRun),
                                            XAPIExtension.bestRun.iri(configuration.baseIRI): .bool(run.number - 1 == scenario.bestRun)])
            let object = activity(scenarioID, name: scenario.title, type: "simulation")
            made.append((finished, statement(verb: "completed", object: object, result: .object(result),
                                             context: context(parent: [lessonRef], grouping: [moduleRef, packRef]), at: finished,
                                             identity: "\(run.number)")))
        }
        return made
    }

    private func answered(_ question: QuestionReport, _ attempt: AttemptReport, repeats: Int, lessonRef: JSONValue,
                          moduleRef: JSONValue, packRef: JSONValue) -> JSONValue {
        let interaction = question.interaction
        var definition: [String: JSONValue] = [
            "name": languageMap(Self.name(question.prompt)),
            "description": languageMap(HTMLReportFormat.plain(question.prompt)),
            "type": .string(Self.activityBase + "cmi.interaction"),
            "interactionType": .string(interaction.type),
        ]
        if !interaction.correctResponsesPattern.isEmpty {
            definition["correctResponsesPattern"] = .array(interaction.correctResponsesPattern.map(JSONValue.string))
        }
        if !interaction.choices.isEmpty {
            definition["choices"] = .array(interaction.choices.enumerated().map { index, text in
                .object(["id": .string(XAPIInteraction.choiceID(index)), "description": languageMap(text)])
            })
        }
        let object = JSONValue.object(["objectType": .string("Activity"), "id": .string(iri("questions", attempt.pack, attempt.question)),
                                        "definition": .object(definition)])
        let response = interaction.response(for: attempt.answer)
        let result = JSONValue.object([
            "score": .object(["scaled": .integer(attempt.correct ? 1 : 0), "raw": .integer(attempt.correct ? 1 : 0),
                              "min": .integer(0), "max": .integer(1)]),
            "success": .bool(attempt.correct),
            "response": .string(response),
            "duration": .string(ReportText.duration(attempt.seconds)),
            "extensions": .object([
                XAPIExtension.answer.iri(configuration.baseIRI): .string(attempt.answer),
                XAPIExtension.attempt.iri(configuration.baseIRI): .integer(attempt.number),
                XAPIExtension.hintsUsed.iri(configuration.baseIRI): .integer(attempt.hintsUsed),
                XAPIExtension.seconds.iri(configuration.baseIRI): .number(attempt.seconds),
            ].merging(attempt.retired == true ? [XAPIExtension.retired.iri(configuration.baseIRI): .bool(true)] : [:]) { a, _ in a }
             .merging(attempt.score.map { [XAPIExtension.score.iri(configuration.baseIRI): .number($0)] } ?? [:]) { a, _ in a }),
        ])
        return statement(verb: "answered", object: object, result: result,
                         context: context(parent: [lessonRef], grouping: [moduleRef, packRef]), at: attempt.at,
                         identity: repeats == 0 ? attempt.answer : attempt.answer + "\n#\(repeats)")
    }

    private func moduleOutcome(_ module: ModuleReport, packRef: JSONValue, at: Date) -> JSONValue {
        // Skipped questions count as not right: the score is over every graded item.
        let scaled = module.itemsTotal == 0 ? 1 : Double(module.firstTryCorrect) / Double(module.itemsTotal)
        let passed = scaled >= configuration.passingScore
        var result: [String: JSONValue] = ["success": .bool(passed), "completion": .bool(true),
                                           "duration": .string(ReportText.duration(module.seconds))]
        if module.itemsTotal > 0 {
            result["score"] = .object(["scaled": .number((scaled * 10_000).rounded() / 10_000), "raw": .integer(module.firstTryCorrect),
                                       "min": .integer(0), "max": .integer(module.itemsTotal)])
        }
        let object = activity(iri("modules", module.pack, module.id), name: module.title, type: "module")
        return statement(verb: passed ? "passed" : "failed", object: object, result: .object(result),
                         context: context(parent: [packRef], grouping: []), at: at)
    }

    // MARK: Parts

    private var actorAccountName: String { configuration.accountName ?? data.profile }

    var actor: JSONValue {
        var agent: [String: JSONValue] = ["objectType": .string("Agent")]
        if let mbox = configuration.mbox {
            agent["mbox"] = .string("mailto:" + mbox)
        } else {
            agent["account"] = .object(["homePage": .string(configuration.homePage), "name": .string(actorAccountName)])
        }
        if let name = configuration.actorName { agent["name"] = .string(name) }
        return .object(agent)
    }

    func statement(verb: String, object: JSONValue, result: JSONValue?, context: JSONValue, at: Date,
                           identity: String = "") -> JSONValue {
        let verbID = Self.verbBase + verb
        let timestamp = ReportText.timestamp(at)
        let objectID = object["id"]?.stringValue ?? ""
        // The actor, what happened to what and when: unique per recorded event, across learners.
        let actorKey = configuration.mbox.map { ["mailto:" + $0] } ?? [configuration.homePage, actorAccountName]
        let name = (actorKey + [verbID, objectID, timestamp, identity]).joined(separator: "\n")
        var statement: [String: JSONValue] = [
            "id": .string(NameBasedUUID.make(namespace: Self.namespace, name: name).uuidString.lowercased()),
            "actor": actor,
            "verb": .object(["id": .string(verbID), "display": .object(["en-US": .string(verb)])]),
            "object": object,
            "context": context,
            "timestamp": .string(timestamp),
        ]
        if let result { statement["result"] = result }
        return .object(statement)
    }

    func context(parent: [JSONValue], grouping: [JSONValue]) -> JSONValue {
        var activities: [String: JSONValue] = ["parent": .array(parent)]
        if !grouping.isEmpty { activities["grouping"] = .array(grouping) }
        return .object(["contextActivities": .object(activities), "platform": .string("Pathway"),
                        "language": .string(configuration.language)])
    }

    func activity(_ id: String, name: String? = nil, type: String? = nil) -> JSONValue {
        var members: [String: JSONValue] = ["objectType": .string("Activity"), "id": .string(id)]
        if let name, let type {
            members["definition"] = .object(["name": languageMap(name), "type": .string(Self.activityBase + type)])
        }
        return .object(members)
    }

    func iri(_ kind: String, _ pack: String, _ id: String) -> String { configuration.iri("packs", pack, kind, id) }

    func languageMap(_ text: String) -> JSONValue { .object([configuration.language: .string(text)]) }

    /// A question's short name: its prompt on one line, cut at 120 characters.
    static func name(_ prompt: String) -> String { SVGChart.truncate(HTMLReportFormat.plain(prompt), to: 120) }
}
