import Foundation

extension ReportData {
    /// How many modules the strongest and weakest lists hold at most.
    public static let standingsLimit = 3

    /// Computes the report for `progress` over the packs of `library`.
    ///
    /// - Parameters:
    ///   - now: the time of the report (its `generatedAt`).
    ///   - timeZone: where days begin and end for the activity figures.
    ///   - reviewForecast: what spaced review has due, if it is known.
    public init(library: PackLibrary, progress: LearnerProgress, now: Date,
                timeZone: TimeZone = TimeZone(identifier: "UTC")!, reviewForecast: ReviewForecast? = nil) {
        let overview = PathOverview(library: library, progress: progress)
        var tracks = overview.tracks.map { track in
            Self.trackReport(path: track.path.id, id: track.track.id, title: track.track.title, pack: track.track.pack,
                             locked: track.isLocked, statuses: track.modules, progress: progress)
        }
        var packOrder: [String] = []
        var byPack: [String: [PathOverview.ModuleStatus]] = [:]
        for status in overview.otherModules {
            if byPack[status.pack.id] == nil { packOrder.append(status.pack.id) }
            byPack[status.pack.id, default: []].append(status)
        }
        for packID in packOrder {
            let statuses = byPack[packID] ?? []
            tracks.append(Self.trackReport(path: nil, id: packID, title: statuses.first?.pack.title ?? packID, pack: packID,
                                           locked: false, statuses: statuses, progress: progress))
        }

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        reportSchemaVersion = Self.schemaVersion
        generatedAt = now
        profile = progress.profile
        self.timeZone = timeZone.identifier
        self.tracks = tracks
        self.reviewForecast = reviewForecast
        activity = Self.activity(progress, calendar: calendar)
        portfolio = Self.portfolio(library: library, progress: progress)
        scenarios = Self.scenarios(library: library, progress: progress)
        summary = ReportSummary(lessonsCompleted: 0, lessonsTotal: 0, modulesCompleted: 0, modulesTotal: 0, itemsTotal: 0,
                                itemsAnswered: 0, answeredCorrectly: 0, firstTryCorrect: 0, firstTryAccuracy: nil,
                                attempts: 0, skipped: 0, seconds: 0, reflectionsWritten: 0, reflectionsTotal: 0,
                                unmatchedRecords: 0)
        skills = []
        strongest = []
        weakest = []
        let modules = self.modules
        skills = Self.skills(modules)
        (strongest, weakest) = Self.rankedStandings(modules)
        summary = Self.summary(modules: modules, library: library, progress: progress)
        let retired = Self.retiredAttempts(library: library, progress: progress)
        self.retired = retired.isEmpty ? nil : retired
        let cited = Self.citedReferences(library: library, modules: modules, portfolio: portfolio, scenarios: scenarios)
        references = cited.isEmpty ? nil : cited
        let placements = progress.placements.sorted { $0.key < $1.key }.map { key, record in
            PlacementReport(pack: key.pack, module: key.id, packVersion: record.packVersion, score: record.score,
                            testedOut: record.testedOut, at: record.at)
        }
        self.placements = placements.isEmpty ? nil : placements
    }

    /// Answers saved for questions no pack of the library has any more, marked retired.
    private static func retiredAttempts(library: PackLibrary, progress: LearnerProgress) -> [AttemptReport] {
        var current: Set<ProgressKey> = []
        for pack in library.packs {
            for question in pack.lessons.flatMap(\.lesson.questions) { current.insert(.question(pack, question)) }
        }
        var found: [AttemptReport] = []
        for (key, item) in progress.items.sorted(by: { $0.key < $1.key }) where !current.contains(key) && !item.attempts.isEmpty {
            guard key.rawValue.contains("/") else { continue }
            let pack = key.pack, question = key.id
            found += item.attempts.enumerated().map { index, attempt in
                AttemptReport(pack: pack, module: "", lesson: "", question: question, questionType: "retired", number: index + 1,
                              answer: attempt.answer, correct: attempt.correct, at: attempt.at, seconds: attempt.seconds,
                              hintsUsed: attempt.hintsUsed, score: attempt.score, retired: true)
            }
        }
        return found
    }

    private static func trackReport(path: String?, id: String, title: String, pack: String, locked: Bool,
                                    statuses: [PathOverview.ModuleStatus], progress: LearnerProgress) -> TrackReport {
        let modules = statuses.map { moduleReport($0, progress: progress) }
        return TrackReport(path: path, id: id, title: title, pack: pack,
                           completed: !modules.isEmpty && modules.allSatisfy(\.isCompleted), locked: locked,
                           lessonsCompleted: modules.reduce(0) { $0 + $1.lessonsCompleted },
                           lessonsTotal: modules.reduce(0) { $0 + $1.lessonsTotal }, modules: modules)
    }

    private static func moduleReport(_ status: PathOverview.ModuleStatus, progress: LearnerProgress) -> ModuleReport {
        let lessons = status.module.lessons.map { lessonReport(status.pack, status.module, $0, progress: progress) }
        let questions = lessons.flatMap(\.questions)
        let answered = questions.filter(\.answered)
        let firstTry = answered.filter(\.firstTryCorrect).count
        let state: ModuleState, reason: String?
        switch status.state {
        case let .locked(why): (state, reason) = (.locked, why)
        case .available: (state, reason) = (.available, nil)
        case .inProgress: (state, reason) = (.inProgress, nil)
        case .completed: (state, reason) = (.completed, nil)
        case .mastered: (state, reason) = (.mastered, nil)
        case .testedOut: (state, reason) = (.testedOut, nil)
        }
        return ModuleReport(pack: status.pack.id, id: status.module.id, title: status.module.title, state: state,
                            lockedReason: reason, skills: status.module.skills,
                            lessonsCompleted: status.lessonsCompleted, lessonsTotal: status.lessonsTotal,
                            itemsTotal: questions.count, itemsAnswered: answered.count,
                            answeredCorrectly: answered.filter(\.answeredCorrectly).count, firstTryCorrect: firstTry,
                            firstTryAccuracy: answered.isEmpty ? nil : Double(firstTry) / Double(answered.count),
                            seconds: lessons.reduce(0) { $0 + $1.seconds }, lessons: lessons)
    }

    private static func lessonReport(_ pack: Pack, _ module: Module, _ lesson: Lesson, progress: LearnerProgress) -> LessonReport {
        let record = progress.lessons[.lesson(pack, lesson)]
        let questions = lesson.questions.map { question in
            let item = progress.items[.question(pack, question)] ?? ItemRecord()
            let attempts = item.attempts.enumerated().map { index, attempt in
                AttemptReport(pack: pack.id, module: module.id, lesson: lesson.id, question: question.questionID,
                              questionType: question.typeName, number: index + 1, answer: attempt.answer,
                              correct: attempt.correct, at: attempt.at, seconds: attempt.seconds, hintsUsed: attempt.hintsUsed,
                              score: attempt.score)
            }
            return QuestionReport(id: question.questionID, type: question.typeName, prompt: question.prompt, attempts: attempts,
                                  hintsUsed: item.hintsUsed, skipped: item.skipped && !item.answeredCorrectly,
                                  revealed: item.revealed, seconds: item.secondsSpent,
                                  interaction: (question as? any XAPIInteractionDescribing)?.xapiInteraction ?? .other)
        }
        return LessonReport(id: lesson.id, title: lesson.title, started: record != nil, completed: record?.completed == true,
                            startedAt: record?.startedAt, completedAt: record?.completedAt, itemsTotal: questions.count,
                            itemsAnswered: questions.filter(\.answered).count,
                            firstTryCorrect: questions.filter(\.firstTryCorrect).count,
                            seconds: questions.reduce(0) { $0 + $1.seconds }, questions: questions)
    }

    private static func activity(_ progress: LearnerProgress, calendar: Calendar) -> [DayActivity] {
        var days: [String: DayActivity] = [:]
        func touch(_ date: Date, _ change: (inout DayActivity) -> Void) {
            let day = ReportText.day(date, in: calendar)
            var entry = days[day] ?? DayActivity(date: day, attempts: 0, correct: 0, seconds: 0, lessonsCompleted: 0)
            change(&entry)
            days[day] = entry
        }
        for item in progress.items.values {
            for attempt in item.attempts {
                touch(attempt.at) { day in
                    day.attempts += 1
                    day.correct += attempt.correct ? 1 : 0
                    day.seconds += attempt.seconds
                }
            }
        }
        for lesson in progress.lessons.values {
            if lesson.completed, let at = lesson.completedAt { touch(at) { $0.lessonsCompleted += 1 } }
        }
        return days.values.map { day in
            var day = day
            day.seconds = ReportText.hundredths(day.seconds)
            return day
        }.sorted { $0.date < $1.date }
    }

    private static func skills(_ modules: [ModuleReport]) -> [SkillReport] {
        var skills: [String: SkillReport] = [:]
        for module in modules {
            for skill in Set(module.skills) {
                var entry = skills[skill] ?? SkillReport(skill: skill, modules: [], itemsTotal: 0, itemsSeen: 0,
                                                         firstTryCorrect: 0, accuracy: nil)
                entry.modules.append(module.key)
                entry.itemsTotal += module.itemsTotal
                entry.itemsSeen += module.itemsAnswered
                entry.firstTryCorrect += module.firstTryCorrect
                entry.accuracy = entry.itemsSeen == 0 ? nil : Double(entry.firstTryCorrect) / Double(entry.itemsSeen)
                skills[skill] = entry
            }
        }
        return skills.values.sorted { $0.skill < $1.skill }
    }

    /// First-try accuracy a module needs to count among the strongest; below it, a module is
    /// one to revisit however it ranks.
    public static let strongAccuracy = 0.6

    /// The strongest and the weakest modules by first-try accuracy, at most
    /// ``standingsLimit`` each; a module is never in both lists, and never strong below
    /// ``strongAccuracy``.
    static func rankedStandings(_ modules: [ModuleReport]) -> ([ModuleStanding], [ModuleStanding]) {
        let measured = modules.compactMap { module in
            module.firstTryAccuracy.map {
                ModuleStanding(pack: module.pack, module: module.id, title: module.title, accuracy: $0,
                               itemsAnswered: module.itemsAnswered)
            }
        }
        // Ties go to the module with more evidence, then to path order (the sort is stable).
        let strongest = Array(measured.filter { $0.accuracy >= strongAccuracy }.sorted {
            $0.accuracy != $1.accuracy ? $0.accuracy > $1.accuracy : $0.itemsAnswered > $1.itemsAnswered
        }.prefix(standingsLimit))
        let strongKeys = Set(strongest.map { "\($0.pack)/\($0.module)" })
        let weakest = Array(measured.filter { !strongKeys.contains("\($0.pack)/\($0.module)") }.sorted {
            $0.accuracy != $1.accuracy ? $0.accuracy < $1.accuracy : $0.itemsAnswered > $1.itemsAnswered
        }.prefix(standingsLimit))
        return (strongest, weakest)
    }

    private static func summary(modules: [ModuleReport], library: PackLibrary, progress: LearnerProgress) -> ReportSummary {
        let questions = modules.flatMap { $0.lessons.flatMap(\.questions) }
        let answered = questions.filter(\.answered)
        let firstTry = answered.filter(\.firstTryCorrect).count
        var questionKeys: Set<ProgressKey> = [], reflectionKeys: Set<ProgressKey> = []
        for pack in library.packs {
            for step in pack.lessons.flatMap(\.lesson.steps) {
                if let question = step as? any Question { questionKeys.insert(.question(pack, question)) }
                if let reflection = step as? ReflectionStep { reflectionKeys.insert(.reflection(pack, reflection)) }
            }
        }
        let unmatched = progress.items.keys.filter { !questionKeys.contains($0) }.count
            + progress.reflections.keys.filter { !reflectionKeys.contains($0) }.count
        return ReportSummary(
            lessonsCompleted: modules.reduce(0) { $0 + $1.lessonsCompleted },
            lessonsTotal: modules.reduce(0) { $0 + $1.lessonsTotal },
            modulesCompleted: modules.filter(\.isCompleted).count, modulesTotal: modules.count,
            itemsTotal: questions.count, itemsAnswered: answered.count,
            answeredCorrectly: answered.filter(\.answeredCorrectly).count, firstTryCorrect: firstTry,
            firstTryAccuracy: answered.isEmpty ? nil : Double(firstTry) / Double(answered.count),
            attempts: answered.reduce(0) { $0 + $1.attempts.count }, skipped: questions.filter(\.skipped).count,
            seconds: questions.reduce(0) { $0 + $1.seconds },
            reflectionsWritten: reflectionKeys.filter { progress.reflections[$0] != nil }.count,
            reflectionsTotal: reflectionKeys.count, unmatchedRecords: unmatched)
    }
}
