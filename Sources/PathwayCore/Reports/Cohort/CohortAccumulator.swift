/// Running totals while a ``CohortReport`` is built.
enum CohortAccumulator {
    /// One module's totals over the learners seen so far.
    struct Module {
        var info: CohortCatalogue.ModuleInfo
        var started = 0
        var completed = 0
        var mastered = 0
        var testedOut = 0
        var answered = 0
        var firstTry = 0
        var seconds = 0.0

        init(catalogue info: CohortCatalogue.ModuleInfo) { self.info = info }

        mutating func add(_ learner: CohortLearnerModule, started wasStarted: Bool) {
            started += wasStarted ? 1 : 0
            completed += learner.completed ? 1 : 0
            mastered += learner.mastered ? 1 : 0
            testedOut += learner.testedOut ? 1 : 0
            answered += learner.itemsAnswered
            firstTry += learner.firstTryCorrect
            seconds += learner.seconds
        }

        func finished(learnerCount: Int) -> CohortModule {
            CohortModule(pack: info.pack, id: info.id, title: info.title, lessonsTotal: info.lessonsTotal, itemsTotal: info.itemsTotal,
                         learnersStarted: started, learnersCompleted: completed, learnersMastered: mastered, learnersTestedOut: testedOut,
                         completionRate: learnerCount == 0 ? 0 : Double(completed) / Double(learnerCount),
                         firstTryAccuracy: answered == 0 ? nil : Double(firstTry) / Double(answered),
                         meanSeconds: started == 0 ? 0 : ReportText.hundredths(seconds / Double(started)))
        }
    }

    /// One question's totals over the learners seen so far.
    struct Item {
        struct Wrong {
            var answer: String
            var count: Int
            var learners: Int
        }

        var pack: String
        var question: String
        var info: CohortCatalogue.ItemInfo?
        var learners = 0
        var firstTry = 0
        var attempts = 0
        var wrongAttempts = 0
        var seconds = 0.0
        /// Wrong answers by their normalised text, in the order first seen.
        var wrong: [String: Wrong] = [:]
        var wrongOrder: [String] = []
        /// First attempts: how many, their scores, and the options they picked.
        var firstCount = 0
        var firstScoreSum = 0.0
        var firstChoices: [String: Int] = [:]

        init(key: ProgressKey, info: CohortCatalogue.ItemInfo?) {
            pack = key.pack
            question = key.id
            self.info = info
        }

        mutating func add(_ record: ItemRecord, normalize: Bool) {
            learners += 1
            firstTry += record.firstTryCorrect ? 1 : 0
            attempts += record.attempts.count
            seconds += record.secondsSpent
            if let first = record.attempts.first {
                firstCount += 1
                firstScoreSum += first.score ?? (first.correct ? 1 : 0)
                if let options = info?.options, !options.isEmpty {
                    let picked = first.answer.components(separatedBy: " | ")
                    for option in options where picked.contains(option.text) { firstChoices[option.text, default: 0] += 1 }
                }
            }
            var counted: Set<String> = []
            for attempt in record.attempts where !attempt.correct {
                wrongAttempts += 1
                let key = normalize ? AnswerNormalizer.normalize(attempt.answer) : attempt.answer
                var entry = wrong[key] ?? Wrong(answer: attempt.answer, count: 0, learners: 0)
                if wrong[key] == nil { wrongOrder.append(key) }
                entry.count += 1
                if counted.insert(key).inserted { entry.learners += 1 }
                wrong[key] = entry
            }
        }

        private var sortedWrong: [Wrong] {
            wrongOrder.compactMap { wrong[$0] }.enumerated()
                .sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }.map(\.element)
        }

        func finished() -> CohortItem {
            CohortItem(pack: pack, question: question, module: info?.moduleID, lesson: info?.lesson, type: info?.type,
                       prompt: info?.prompt, learnersAnswered: learners, firstTryCorrect: firstTry,
                       firstTryShare: learners == 0 ? 0 : Double(firstTry) / Double(learners), attempts: attempts,
                       wrongAttempts: wrongAttempts, meanSeconds: learners == 0 ? 0 : ReportText.hundredths(seconds / Double(learners)),
                       wrongAnswers: sortedWrong.prefix(3).map { .init(answer: $0.answer, count: $0.count) })
        }

        func wrongAnswerEntries() -> [CohortWrongAnswer] {
            wrong.values.map { CohortWrongAnswer(pack: pack, question: question, prompt: info?.prompt, answer: $0.answer,
                                                 count: $0.count, learners: $0.learners) }
        }
    }
}
