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
        /// Per scenario: learners who played, who finished, and the sums of their first and best scores.
        private var scenarios: [ProgressKey: (played: Int, finished: Int, first: Double, best: Double)] = [:]

        public init(library: PackLibrary) {
            catalogue = CohortCatalogue(library: library)
            modules = catalogue.modules.map { CohortAccumulator.Module(catalogue: $0) }
        }

        /// Counts one learner's progress.
        public mutating func add(_ input: Input) {
            let progress = input.progress
            var perModule = catalogue.modules.map {
                CohortLearnerModule(pack: $0.pack, module: $0.id, lessonsCompleted: 0, lessonsTotal: $0.lessonsTotal,
                                    itemsAnswered: 0, firstTryCorrect: 0, seconds: 0, completed: false,
                                    masteryScore: 0, mastered: false, testedOut: false)
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
                let info = catalogue.modules[index]
                perModule[index].completed = perModule[index].lessonsTotal > 0
                    && perModule[index].lessonsCompleted == perModule[index].lessonsTotal
                let mastery = info.gradedItems.isEmpty ? 1
                    : info.gradedItems.reduce(0) { $0 + Mastery.score(of: $1, in: progress) } / Double(info.gradedItems.count)
                perModule[index].masteryScore = ReportText.hundredths(mastery)
                perModule[index].mastered = perModule[index].completed && mastery >= info.masteryThreshold
                perModule[index].testedOut = progress.placements[ProgressKey(pack: info.pack, id: info.id)]?.testedOut == true
                modules[index].add(perModule[index], started: started[index])
                perModule[index].seconds = ReportText.hundredths(perModule[index].seconds)
            }
            let played = scenarios(of: progress)
            for scenario in played {
                let key = ProgressKey(pack: scenario.pack, id: scenario.step)
                var totals = scenarios[key] ?? (0, 0, 0, 0)
                totals.played += 1
                if let first = scenario.firstScore, let best = scenario.bestScore {
                    totals.finished += 1
                    totals.first += first
                    totals.best += best
                }
                scenarios[key] = totals
            }
            let lessonsDone = perModule.reduce(0) { $0 + $1.lessonsCompleted }
            let lessonsTotal = catalogue.lessonsTotal
            learners.append(CohortLearner(
                profile: progress.learner?.label(profile: progress.profile) ?? progress.profile,
                // The account, as files and an LRS both know it, so the same class reads the same from either.
                source: progress.learner?.account.map { ResolvedIdentity(displayName: nil, account: $0).accountDescription } ?? input.source, lessonsCompleted: lessonsDone, lessonsTotal: lessonsTotal,
                completion: lessonsTotal == 0 ? 0 : Double(lessonsDone) / Double(lessonsTotal),
                modulesCompleted: perModule.filter(\.completed).count, modulesMastered: perModule.filter(\.mastered).count,
                modulesTestedOut: perModule.filter(\.testedOut).count, itemsAnswered: answered, firstTryCorrect: firstTry,
                firstTryAccuracy: answered == 0 ? nil : Double(firstTry) / Double(answered), attempts: attempts,
                seconds: ReportText.hundredths(seconds), lastActive: lastActive, modules: perModule,
                artifacts: artifacts(of: progress), scenarios: played))
            self.attempts += attempts
            self.seconds += seconds
            scores.addLearner(firstScores.sorted { $0.0 < $1.0 })
        }

        /// The scenarios the learner played, in curriculum order, then any whose step is gone.
        private func scenarios(of progress: LearnerProgress) -> [CohortScenario] {
            progress.scenarios.sorted { (catalogue.scenarios[$0.key]?.order ?? .max, $0.key) < (catalogue.scenarios[$1.key]?.order ?? .max, $1.key) }
                .compactMap { key, record in
                    CohortScenario(pack: key.pack, step: key.id, title: catalogue.scenarios[key]?.title ?? key.id, record: record)
                }
        }

        /// The learner's portfolio pieces, in curriculum order, then any whose step is gone.
        private func artifacts(of progress: LearnerProgress) -> [CohortArtifact] {
            progress.reflections.sorted { (catalogue.reflectionOrder[$0.key] ?? .max, $0.key) < (catalogue.reflectionOrder[$1.key] ?? .max, $1.key) }
                .map { key, record in
                    let step = catalogue.reflections[key]
                    // Titled as in the learner's portfolio.
                    let title = step?.artifact ?? record.artifact ?? catalogue.reflectionLessons[key] ?? key.id
                    return CohortArtifact(pack: key.pack, step: key.id, title: title,
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
                scenarios: scenarios.sorted { (catalogue.scenarios[$0.key]?.order ?? .max, $0.key) < (catalogue.scenarios[$1.key]?.order ?? .max, $1.key) }
                    .map { key, totals in
                        CohortScenarioSummary(pack: key.pack, step: key.id, title: catalogue.scenarios[key]?.title ?? key.id,
                                              learnersPlayed: totals.played, learnersFinished: totals.finished,
                                              meanFirstScore: totals.finished == 0 ? nil : ReportText.hundredths(totals.first / Double(totals.finished)),
                                              meanBestScore: totals.finished == 0 ? nil : ReportText.hundredths(totals.best / Double(totals.finished)))
                    },
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
