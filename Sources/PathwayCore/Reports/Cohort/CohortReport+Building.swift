import Foundation

extension CohortReport {
    /// One learner's progress and where it came from.
    public struct Input: Sendable {
        public var source: String
        public var progress: LearnerProgress
        /// Impossible values the file held, replaced when it was read (see
        /// ``LearnerProgress/repairImpossibleValues()``).
        public var repairedValues: Int

        public init(source: String, progress: LearnerProgress, repairedValues: Int = 0) {
            self.source = source
            self.progress = progress
            self.repairedValues = repairedValues
        }
    }

    /// Aggregates `learners` over the packs of `library`, in one pass over their records.
    public init(library: PackLibrary, learners: [Input], now: Date) {
        var builder = Builder(library: library)
        for input in learners { builder.add(input) }
        self = builder.report(now: now)
    }

    /// Adds learners one at a time, so that a cohort can be streamed from disk: the work is
    /// linear in the learners' records and nothing of a learner is kept but its figures.
    public struct Builder {
        private let catalogue: CohortCatalogue
        private var modules: [CohortAccumulator.Module]
        private var items: [ProgressKey: CohortAccumulator.Item] = [:]
        private var learners: [CohortLearner] = []
        private var attempts = 0
        private var seconds = 0.0
        private var scores = CohortScoreTable()

        public init(library: PackLibrary) {
            catalogue = CohortCatalogue(library: library)
            modules = catalogue.modules.map { CohortAccumulator.Module(catalogue: $0) }
        }

        /// Counts one learner's progress.
        public mutating func add(_ input: Input) {
            let progress = input.progress
            var perModule = catalogue.modules.map {
                CohortLearnerModule(pack: $0.pack, module: $0.id, lessonsCompleted: 0, lessonsTotal: $0.lessonsTotal,
                                    itemsAnswered: 0, firstTryCorrect: 0, seconds: 0, completed: false)
            }
            var started = [Bool](repeating: false, count: perModule.count)
            var lastActive: Date?
            for (key, lesson) in progress.lessons {
                // Lesson starts and completions, not visits: what a Learning Record Store also holds.
                let event = max(lesson.startedAt, lesson.completedAt ?? lesson.startedAt)
                lastActive = max(lastActive ?? event, event)
                guard let index = catalogue.lessonModule[key] else { continue }
                started[index] = true
                if lesson.completed { perModule[index].lessonsCompleted += 1 }
            }
            var answered = 0, firstTry = 0, attempts = 0, seconds = 0.0
            var firstScores: [(ProgressKey, Double)] = []
            for (key, record) in progress.items where !record.attempts.isEmpty {
                let info = catalogue.items[key]
                if info != nil, let first = record.attempts.first { firstScores.append((key, first.score ?? (first.correct ? 1 : 0))) }
                var item = items[key] ?? CohortAccumulator.Item(key: key, info: info)
                item.add(record, normalize: info?.type == ShortTextQuestion.typeName)
                items[key] = item
                answered += 1
                firstTry += record.firstTryCorrect ? 1 : 0
                attempts += record.attempts.count
                seconds += record.secondsSpent
                if let last = record.attempts.last?.at { lastActive = max(lastActive ?? last, last) }
                if let index = info?.module {
                    started[index] = true
                    perModule[index].itemsAnswered += 1
                    perModule[index].firstTryCorrect += record.firstTryCorrect ? 1 : 0
                    perModule[index].seconds += record.secondsSpent
                }
            }
            for index in perModule.indices {
                perModule[index].completed = perModule[index].lessonsTotal > 0
                    && perModule[index].lessonsCompleted == perModule[index].lessonsTotal
                modules[index].add(perModule[index], started: started[index])
                perModule[index].seconds = ReportText.hundredths(perModule[index].seconds)
            }
            let lessonsDone = perModule.reduce(0) { $0 + $1.lessonsCompleted }
            let lessonsTotal = catalogue.lessonsTotal
            learners.append(CohortLearner(
                profile: progress.learner?.label(profile: progress.profile) ?? progress.profile, source: input.source, lessonsCompleted: lessonsDone, lessonsTotal: lessonsTotal,
                completion: lessonsTotal == 0 ? 0 : Double(lessonsDone) / Double(lessonsTotal),
                modulesCompleted: perModule.filter(\.completed).count, itemsAnswered: answered, firstTryCorrect: firstTry,
                firstTryAccuracy: answered == 0 ? nil : Double(firstTry) / Double(answered), attempts: attempts,
                seconds: ReportText.hundredths(seconds), lastActive: lastActive, modules: perModule,
                artifacts: artifacts(of: progress)))
            self.attempts += attempts
            self.seconds += seconds
            scores.addLearner(firstScores.sorted { $0.0 < $1.0 })
        }

        /// The learner's portfolio pieces, in curriculum order, then any whose step is gone.
        private func artifacts(of progress: LearnerProgress) -> [CohortArtifact] {
            progress.reflections.sorted { (catalogue.reflectionOrder[$0.key] ?? .max, $0.key) < (catalogue.reflectionOrder[$1.key] ?? .max, $1.key) }
                .map { key, record in
                    let step = catalogue.reflections[key]
                    return CohortArtifact(pack: key.pack, step: key.id, title: step?.artifact ?? record.artifact ?? key.id,
                                          words: ReflectionStep.wordCount(record.text), revised: record.firstDraft != nil,
                                          checked: record.checked.count, checklistTotal: step?.checklist.count ?? 0,
                                          selfScores: step.map { PortfolioArtifact.rubric(of: $0, record: record) } ?? [])
                }
        }

        /// The report over every learner added.
        public func report(now: Date) -> CohortReport {
            let finished = items.values.map { $0.finished() }.sorted {
                ($0.firstTryShare, -$0.learnersAnswered, $0.pack, $0.question) < ($1.firstTryShare, -$1.learnersAnswered, $1.pack, $1.question)
            }
            let wellAnswered = finished.filter { $0.learnersAnswered >= CohortReport.minimumLearnersForDifficulty }
            let wrong = items.values.flatMap { $0.wrongAnswerEntries() }.sorted {
                ($1.count, $1.learners, $0.pack, $0.question, $0.answer) < ($0.count, $0.learners, $1.pack, $1.question, $1.answer)
            }
            var report = CohortReport(
                cohortSchemaVersion: CohortReport.schemaVersion, generatedAt: now, learnerCount: learners.count,
                attempts: attempts, seconds: ReportText.hundredths(seconds),
                modules: modules.map { $0.finished(learnerCount: learners.count) },
                learners: learners.sorted { ($0.profile, $0.source) < ($1.profile, $1.source) },
                items: finished,
                mostMissed: Array((wellAnswered.isEmpty ? finished : wellAnswered).filter { $0.firstTryShare < 1 }.prefix(CohortReport.listLimit)),
                commonWrongAnswers: Array(wrong.prefix(CohortReport.listLimit)),
                discriminationMethod: CohortItemStatistics.discriminationMethod,
                itemStatistics: itemStatistics())
            let texts = finished.map { ($0.pack, $0.prompt ?? "") }
                + report.itemStatistics.flatMap { item in item.choices.map { (item.pack, $0.text) } }
            let cited = catalogue.citedReferences(in: texts)
            report.references = cited.isEmpty ? nil : cited
            return report
        }

        /// Item analysis for every question of the packs that someone answered, in course order.
        private func itemStatistics() -> [CohortItemStatistics] {
            items.compactMap { key, item -> (Int, CohortItemStatistics)? in
                guard let info = item.info, item.firstCount > 0 else { return nil }
                let n = item.firstCount
                let choices = info.options.map { option in
                    let count = item.firstChoices[option.text] ?? 0
                    return CohortItemStatistics.ChoiceFrequency(text: option.text, correct: option.correct, count: count,
                                                                share: ReportText.hundredths(Double(count) / Double(n) * 100) / 100)
                }
                let discrimination = scores.discrimination(key).map { ($0 * 1000).rounded() / 1000 }
                return (info.order, CohortItemStatistics(
                    pack: item.pack, question: item.question, module: info.moduleID, type: info.type, prompt: info.prompt,
                    learners: n, facility: (item.firstScoreSum / Double(n) * 1000).rounded() / 1000, discrimination: discrimination,
                    choices: choices, flags: CohortItemStatistics.flags(discrimination: discrimination, choices: choices)))
            }.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}

/// Where each lesson and question of the packs sits, computed once per report.
struct CohortCatalogue {
    struct ModuleInfo {
        var pack: String
        var id: String
        var title: String
        var lessonsTotal: Int
        var itemsTotal: Int
    }

    struct ItemInfo {
        var module: Int
        var moduleID: String
        var lesson: String
        var type: String
        var prompt: String
        /// The position of the question in the packs, for listing statistics in course order.
        var order: Int
        /// For choice and true/false questions: the options as recorded in answers.
        var options: [(text: String, correct: Bool)]
    }

    var modules: [ModuleInfo] = []
    var lessonModule: [ProgressKey: Int] = [:]
    var items: [ProgressKey: ItemInfo] = [:]
    var lessonsTotal = 0
    /// Reflection steps by key, and their position in curriculum order.
    var reflections: [ProgressKey: ReflectionStep] = [:]
    var reflectionOrder: [ProgressKey: Int] = [:]

    /// The options of a choice or true/false question, with the texts answers record.
    static func options(_ question: any Question) -> [(text: String, correct: Bool)] {
        switch question {
        case let single as SingleChoiceQuestion: single.choices.map { ($0.text, $0.isCorrect) }
        case let multiple as MultipleSelectQuestion: multiple.choices.map { ($0.text, $0.isCorrect) }
        case let trueFalse as TrueFalseQuestion: [("true", trueFalse.answer), ("false", !trueFalse.answer)]
        default: []
        }
    }

    /// Each pack's references by key.
    var references: [String: [String: Reference]] = [:]

    /// The references cited in `texts` (each with the pack it comes from), sorted by pack and key.
    func citedReferences(in texts: [(pack: String, text: String)]) -> [CitedReference] {
        var seen: Set<String> = []
        var found: [CitedReference] = []
        for (pack, text) in texts {
            for key in Citations.keys(in: text) {
                guard let reference = references[pack]?[key], seen.insert(pack + "\u{0}" + key).inserted else { continue }
                found.append(CitedReference(pack: pack, reference: reference))
            }
        }
        return found.sorted { ($0.pack, $0.reference.key) < ($1.pack, $1.reference.key) }
    }

    init(library: PackLibrary) {
        for pack in library.packs {
            if references[pack.id] == nil { references[pack.id] = pack.manifest.referencesByKey }
            for module in pack.modules {
                let index = modules.count
                let questions = module.lessons.flatMap(\.questions)
                modules.append(ModuleInfo(pack: pack.id, id: module.id, title: module.title, lessonsTotal: module.lessons.count,
                                          itemsTotal: questions.count))
                lessonsTotal += module.lessons.count
                for lesson in module.lessons {
                    lessonModule[.lesson(pack, lesson)] = index
                    for case let step as ReflectionStep in lesson.steps {
                        let key = ProgressKey.reflection(pack, step)
                        reflections[key] = step
                        reflectionOrder[key] = reflectionOrder.count
                    }
                    for question in lesson.questions {
                        items[.question(pack, question)] =
                            ItemInfo(module: index, moduleID: module.id, lesson: lesson.id, type: question.typeName, prompt: question.prompt,
                                     order: items.count, options: Self.options(question))
                    }
                }
            }
        }
    }
}
