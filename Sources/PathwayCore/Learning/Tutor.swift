import Foundation

/// The learning loop without any terminal: opens lessons, grades answers, reveals hints,
/// moves between steps and records everything in ``LearnerProgress``, saving after each change.
///
/// The REPL drives a `Tutor`; tests drive it directly with an injected clock, random source
/// and in-memory store.
public final class Tutor {
    /// How lessons behave.
    public struct Options: Sendable {
        /// Wrong attempts before the answer is shown; nil follows each pack's policy.
        public var maximumAttempts: Int?
        /// Whether choices are shuffled (each question may still opt out).
        public var shuffleChoices = true
        /// Time on one attempt beyond this counts as this much (the learner was away).
        public var attemptTimeCap: TimeInterval = 30 * 60

        public init() {}
    }

    /// Whether a session's changes are saved.
    public enum Saving: Sendable, Equatable {
        /// Every change is recorded.
        case saved
        /// `pack preview`: a pack is tried out; nothing is kept, as expected.
        case preview
        /// Another process writes this profile: answers are graded but not kept.
        case readOnly
    }

    /// The result of an answer.
    public enum AnswerOutcome: Equatable {
        case malformed(String)
        case correct(Grade)
        case incorrect(Grade, attemptsLeft: Int)
        /// Wrong for the last allowed time: the answer is shown.
        case revealed(Grade, correctAnswer: String)
        /// The current step is not a question.
        case notAQuestion
    }

    /// How a lesson went, shown when it ends.
    public struct LessonSummary: Sendable, Equatable {
        public var questions: Int
        public var firstTryCorrect: Int
        public var answeredCorrectly: Int
        public var skipped: Int
    }

    public private(set) var library: PackLibrary
    /// The learner's progress; every change goes through ``recorded``, which notes it for saving.
    public var progress: LearnerProgress { recorded.progress }
    var recorded: RecordedProgress
    /// What the tutor is doing.
    public internal(set) var mode: TutorMode = .idle
    public let options: Options
    /// Whether and why changes are saved.
    public let saving: Saving
    /// False in preview and read-only sessions: nothing is written.
    public var savesProgress: Bool { saving == .saved }
    let store: any ProgressStore
    let clock: Clock
    var random: SeededRandom
    private var presentations: [ProgressKey: Presentation] = [:]
    /// The display order of each scenario node's options this session, by `pack/scenario#node`.
    var scenarioOrders: [ProgressKey: [Int]] = [:]
    var saveFailure: (any Error)?
    /// Schedules spaced review.
    public let scheduler: FSRSScheduler
    /// Where each question of a pack sits, by its key, per pack, built from the lessons'
    /// outlines when a pack is first asked about.
    var questionPlaces: [String: [ProgressKey: (lesson: Lesson, step: Int)]] = [:]

    public init(library: PackLibrary, progress: LearnerProgress, store: any ProgressStore, clock: Clock = .system,
                random: SeededRandom = .unseeded(), options: Options = Options(), saving: Saving = .saved,
                scheduler: FSRSScheduler = FSRSScheduler()) {
        self.scheduler = scheduler
        self.library = library
        recorded = RecordedProgress(progress)
        self.store = store
        self.clock = clock
        self.random = random
        self.options = options
        self.saving = saving
    }

    /// Where the learner is on the path.
    public var overview: PathOverview { PathOverview(library: library, progress: progress) }

    /// Replaces the packs (after `reload`), keeping progress; the open lesson is closed.
    public func replaceLibrary(_ library: PackLibrary) {
        self.library = library
        presentations = [:]
        scenarioOrders = [:]
        questionPlaces = [:]
        mode = .idle
    }

    // MARK: Opening lessons

    /// Opens a lesson where the learner left it (or at its start).
    @discardableResult
    public func open(pack: Pack, module: Module, lesson: Lesson, restart: Bool = false) -> ActiveLesson {
        let key = ProgressKey.lesson(pack, lesson)
        let now = clock.now
        let index = recorded.update(.lessons, key, default: LessonRecord(startedAt: now)) { record in
            record.lastVisitedAt = now
            guard !restart && !record.completed else { return 0 }
            return record.positionStepID.flatMap(lesson.stepIndex(id:)) ?? min(record.position, lesson.steps.count - 1)
        }
        mode = .lesson(ActiveLesson(pack: pack, module: module, lesson: lesson, index: max(index, 0), visit: QuestionVisit(shownAt: now)))
        enterStep()
        return active!
    }

    /// The lesson `continue` goes back to: the one left open last, else the next on the path.
    public func resumeTarget() -> (pack: Pack, module: Module, lesson: Lesson)? {
        if let current = progress.current, let pack = library.pack(id: current.pack),
           let found = pack.lesson(id: current.lesson),
           progress.lessons[ProgressKey(pack: pack.id, id: current.lesson)]?.completed != true {
            return (pack, found.module, found.lesson)
        }
        return PathOverview.nextLesson(library: library, progress: progress)
    }

    /// Leaves the lesson; the position is kept for `continue`.
    public func leave() {
        if case .lesson = mode { mode = .idle }
    }

    // MARK: The current step

    /// How the current question is shown (stable while the session lasts).
    public func presentation(for question: any Question) -> Presentation {
        guard let pack = active?.pack else { return question.present(shuffling: false, using: &random) }
        let key = ProgressKey.question(pack, question)
        if let existing = presentations[key] { return existing }
        let made = present(question, of: pack)
        presentations[key] = made
        return made
    }

    /// The record of the current step, if it is a question that has one.
    public func itemRecord(for question: any Question) -> ItemRecord? {
        guard let pack = active?.pack else { return nil }
        return progress.items[.question(pack, question)]
    }

    /// The saved reflection for a reflection step.
    public func reflectionRecord(for step: ReflectionStep) -> ReflectionRecord? {
        guard let pack = active?.pack else { return nil }
        return progress.reflections[.reflection(pack, step)]
    }

    /// Grades an answer to the current question and records it.
    public func answer(_ input: String) -> AnswerOutcome {
        guard var lesson = active, let question = lesson.step as? any Question else { return .notAQuestion }
        let presentation = presentation(for: question)
        let grade: Grade
        switch self.grade(input, to: question, in: presentation) {
        case let .failure(message): return .malformed(message.text)
        case let .success(value): grade = value
        }
        let key = ProgressKey.question(lesson.pack, question)
        let record = recordAttempt(grade, key: key, visit: &lesson.visit, inReview: false)
        let outcome: AnswerOutcome
        if grade.isCorrect {
            lesson.settled = true
            outcome = .correct(grade)
        } else {
            let left = (options.maximumAttempts ?? lesson.pack.manifest.policy.attemptsBeforeReveal) - lesson.visit.wrong
            if left <= 0 {
                recorded.update(.items, key, default: record) { $0.revealed = true }
                lesson.settled = true
                outcome = .revealed(grade, correctAnswer: question.correctAnswer(in: presentation))
            } else {
                outcome = .incorrect(grade, attemptsLeft: left)
            }
        }
        if record.attempts.count == 1, progress.cards[key] == nil, let first = record.attempts.first {
            // The first answer seeds the item's spaced-review card.
            let rating = ReviewRating.from(correct: first.correct, hintsUsed: first.hintsUsed, seconds: first.seconds, revealed: false)
            recorded.set(.cards, key, to: scheduler.review(ReviewCard(firstSeenAt: first.at), rating: rating, at: first.at))
        }
        mode = .lesson(lesson)
        persist()
        return outcome
    }

    /// The next hint of the current question: its text, number and the total, or nil when it
    /// has none left.
    public func hint() -> (text: String, number: Int, total: Int)? {
        guard var lesson = active, let question = lesson.step as? any Question,
              let hint = nextHint(of: question, key: .question(lesson.pack, question), visit: &lesson.visit) else { return nil }
        mode = .lesson(lesson)
        persist()
        return hint
    }

    /// Whether the open lesson's pack lets learners skip questions.
    public var skippingAllowed: Bool { active?.pack.manifest.policy.allowSkip ?? true }

    /// Skips the current step. A question not yet answered right is marked skipped. Returns nil
    /// when nothing is open or the pack does not allow skipping a question not yet settled.
    @discardableResult
    public func skip() -> StepChange? {
        guard let lesson = active else { return nil }
        if lesson.step is any Question, !lesson.settled, !skippingAllowed { return nil }
        if let question = lesson.step as? any Question, !lesson.settled {
            recorded.update(.items, .question(lesson.pack, question), default: ItemRecord()) { record in
                if !record.answeredCorrectly { record.skipped = true }
            }
        }
        return advance()
    }

    /// Saves the learner's text for the current reflection step, with the checklist items ticked
    /// and the level picked on each rubric criterion.
    public func saveReflection(text: String, checked: [Int], selfScores: [Int] = []) {
        guard var lesson = active, let step = lesson.step as? ReflectionStep else { return }
        recorded.set(.reflections, .reflection(lesson.pack, step),
                     to: ReflectionRecord(artifact: step.artifact, text: text, checked: checked.sorted(), savedAt: clock.now,
                                          selfScores: selfScores.isEmpty ? nil : selfScores))
        lesson.settled = true
        mode = .lesson(lesson)
        persist()
    }

    /// Replaces the current reflection's text with a revision; the version written first is kept.
    public func reviseReflection(text: String) {
        guard let lesson = active, let step = lesson.step as? ReflectionStep else { return }
        let now = clock.now
        recorded.update(.reflections, .reflection(lesson.pack, step),
                        default: ReflectionRecord(artifact: step.artifact, text: text, checked: [], savedAt: now)) { record in
            if record.firstDraft == nil { record.firstDraft = record.text }
            record.text = text
            record.savedAt = now
        }
        persist()
    }

    /// Sets the career path the learner follows (saved in the profile); false when no path has this id.
    @discardableResult
    public func choosePath(_ id: String) -> Bool {
        guard library.path(id: id) != nil else { return false }
        recorded.set(.settings, .chosenPath, to: id)
        persist()
        return true
    }

    /// What moving on did.
    public enum StepChange: Equatable {
        case moved
        case lessonCompleted(LessonSummary)
    }

    /// Moves to the next step, completing the lesson after its last one.
    @discardableResult
    public func advance() -> StepChange? {
        guard var lesson = active else { return nil }
        if lesson.isLastStep {
            let now = clock.now
            recorded.update(.lessons, lesson.key, default: LessonRecord(startedAt: now)) { record in
                if !record.completed {
                    record.completed = true
                    record.completedAt = now
                }
                record.position = lesson.index
                record.positionStepID = lesson.step.id
            }
            recorded.setCurrent(nil)
            mode = .idle
            persist()
            return .lessonCompleted(summary(of: lesson.pack, lesson.lesson))
        }
        lesson.index += 1
        mode = .lesson(lesson)
        enterStep()
        return .moved
    }

    /// Goes back one step; false at the first step.
    public func back() -> Bool {
        guard var lesson = active, lesson.index > 0, backRefusal == nil else { return false }
        lesson.index -= 1
        mode = .lesson(lesson)
        enterStep()
        return true
    }

    /// Counts of a lesson's questions by outcome.
    public func summary(of pack: Pack, _ lesson: Lesson) -> LessonSummary {
        let records = lesson.questions.map { progress.items[.question(pack, $0)] }
        return LessonSummary(questions: records.count,
                             firstTryCorrect: records.filter { $0?.firstTryCorrect == true }.count,
                             answeredCorrectly: records.filter { $0?.answeredCorrectly == true }.count,
                             skipped: records.filter { $0?.skipped == true && $0?.answeredCorrectly != true }.count)
    }

    private func enterStep() {
        guard var lesson = active else { return }
        let now = clock.now
        lesson.visit = QuestionVisit(shownAt: now)
        switch lesson.step {
        case is any Question, is ReflectionStep: lesson.settled = false
        case let scenario as ScenarioStep: lesson.settled = progress.scenarios[.scenario(lesson.pack, scenario)]?.isFinished == true
        default: lesson.settled = true
        }
        mode = .lesson(lesson)
        recorded.update(.lessons, lesson.key, default: LessonRecord(startedAt: now)) { record in
            if !record.completed {
                record.position = lesson.index
                record.positionStepID = lesson.step.id
            }
            record.lastVisitedAt = now
        }
        recorded.setCurrent(Position(pack: lesson.pack.id, lesson: lesson.lesson.id, step: lesson.index, stepID: lesson.step.id))
        persist()
    }
}
