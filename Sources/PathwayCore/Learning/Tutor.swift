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

    /// The lesson being worked through.
    public struct ActiveLesson: Sendable {
        public var pack: Pack
        public var module: Module
        public var lesson: Lesson
        public var index: Int
        var stepShownAt: Date
        var wrongThisVisit = 0
        var hintsThisVisit = 0
        /// Whether the current question has been settled (answered right, revealed or skipped).
        public var settled = false

        public var step: any Step { lesson.steps[index] }
        public var isLastStep: Bool { index == lesson.steps.count - 1 }
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
    public internal(set) var progress: LearnerProgress
    public internal(set) var active: ActiveLesson?
    public let options: Options
    /// False in preview mode: nothing is written.
    public let savesProgress: Bool
    let store: any ProgressStore
    let clock: Clock
    var random: SeededRandom
    private var presentations: [String: Presentation] = [:]
    var saveFailure: (any Error)?
    /// Schedules spaced review.
    public let scheduler: FSRSScheduler
    /// The review session under way, if any.
    public internal(set) var review: ReviewState?
    /// Every question of the library by its key (`pack/question`), built when first needed.
    var questionIndex: [String: (pack: Pack, question: any Question)]?
    /// Records changed since the last successful save.
    var dirty = ChangeSet()

    public init(library: PackLibrary, progress: LearnerProgress, store: any ProgressStore, clock: Clock = .system,
                random: SeededRandom = .unseeded(), options: Options = Options(), savesProgress: Bool = true,
                scheduler: FSRSScheduler = FSRSScheduler()) {
        self.scheduler = scheduler
        self.library = library
        self.progress = progress
        self.store = store
        self.clock = clock
        self.random = random
        self.options = options
        self.savesProgress = savesProgress
    }

    /// Where the learner is on the path.
    public var overview: PathOverview { PathOverview(library: library, progress: progress) }

    /// Replaces the packs (after `reload`), keeping progress; the open lesson is closed.
    public func replaceLibrary(_ library: PackLibrary) {
        self.library = library
        presentations = [:]
        questionIndex = nil
        active = nil
    }

    // MARK: Opening lessons

    /// Opens a lesson where the learner left it (or at its start).
    @discardableResult
    public func open(pack: Pack, module: Module, lesson: Lesson, restart: Bool = false) -> ActiveLesson {
        review = nil
        let key = LearnerProgress.key(pack.id, lesson.id)
        let now = clock.now
        var record = progress.lessons[key] ?? LessonRecord(startedAt: now)
        var index = 0
        if !restart && !record.completed {
            index = record.positionStepID.flatMap(lesson.stepIndex(id:)) ?? min(record.position, lesson.steps.count - 1)
        }
        record.lastVisitedAt = now
        progress.lessons[key] = record
        dirty.lessons.insert(key)
        active = ActiveLesson(pack: pack, module: module, lesson: lesson, index: max(index, 0), stepShownAt: now)
        enterStep()
        return active!
    }

    /// The lesson `continue` goes back to: the one left open last, else the next on the path.
    public func resumeTarget() -> (pack: Pack, module: Module, lesson: Lesson)? {
        if let current = progress.current, let pack = library.pack(id: current.pack),
           let found = pack.lesson(id: current.lesson),
           progress.lessons[LearnerProgress.key(pack.id, current.lesson)]?.completed != true {
            return (pack, found.module, found.lesson)
        }
        return overview.nextLesson(progress: progress)
    }

    /// Leaves the lesson; the position is kept for `continue`.
    public func leave() {
        active = nil
    }

    // MARK: The current step

    /// How the current question is shown (stable while the session lasts).
    public func presentation(for question: any Question) -> Presentation {
        guard let pack = active?.pack else { return question.present(shuffling: false, using: &random) }
        let key = LearnerProgress.key(pack.id, question.questionID)
        if let existing = presentations[key] { return existing }
        let shuffles = type(of: question).alwaysShuffles || (options.shuffleChoices && pack.manifest.policy.shuffle)
        let made = question.present(shuffling: shuffles, using: &random)
        presentations[key] = made
        return made
    }

    /// The record of the current step, if it is a question that has one.
    public func itemRecord(for question: any Question) -> ItemRecord? {
        guard let pack = active?.pack else { return nil }
        return progress.items[LearnerProgress.key(pack.id, question.questionID)]
    }

    /// The saved reflection for a reflection step.
    public func reflectionRecord(for step: ReflectionStep) -> ReflectionRecord? {
        guard let pack = active?.pack else { return nil }
        return progress.reflections[LearnerProgress.key(pack.id, step.reflectionID)]
    }

    /// Grades an answer to the current question and records it.
    public func answer(_ input: String) -> AnswerOutcome {
        guard var lesson = active, let question = lesson.step as? any Question else { return .notAQuestion }
        let presentation = presentation(for: question)
        let grade: Grade
        switch question.evaluate(input, in: presentation) {
        case let .malformed(message): return .malformed(message)
        case let .graded(value): grade = value
        }
        let now = clock.now
        let seconds = min(max(now.timeIntervalSince(lesson.stepShownAt), 0), options.attemptTimeCap)
        let key = LearnerProgress.key(lesson.pack.id, question.questionID)
        var record = progress.items[key] ?? ItemRecord()
        record.attempts.append(Attempt(answer: grade.recordedAnswer, correct: grade.isCorrect,
                                       score: grade.isCorrect || grade.score == 0 ? nil : grade.score, at: now,
                                       seconds: seconds, hintsUsed: lesson.hintsThisVisit))
        record.secondsSpent += seconds
        lesson.stepShownAt = now
        let outcome: AnswerOutcome
        if grade.isCorrect {
            record.skipped = false
            lesson.settled = true
            outcome = .correct(grade)
        } else {
            lesson.wrongThisVisit += 1
            let left = (options.maximumAttempts ?? lesson.pack.manifest.policy.attemptsBeforeReveal) - lesson.wrongThisVisit
            if left <= 0 {
                record.revealed = true
                lesson.settled = true
                outcome = .revealed(grade, correctAnswer: question.correctAnswer(in: presentation))
            } else {
                outcome = .incorrect(grade, attemptsLeft: left)
            }
        }
        progress.items[key] = record
        dirty.items.insert(key)
        if record.attempts.count == 1, progress.cards[key] == nil, let first = record.attempts.first {
            // The first answer seeds the item's spaced-review card.
            let rating = ReviewRating.from(correct: first.correct, hintsUsed: first.hintsUsed, seconds: first.seconds, revealed: false)
            progress.cards[key] = scheduler.review(ReviewCard(firstSeenAt: now), rating: rating, at: now)
            dirty.cards.insert(key)
        }
        active = lesson
        persist()
        return outcome
    }

    /// The next hint of the current question: its text, number and the total, or nil when it
    /// has none left.
    public func hint() -> (text: String, number: Int, total: Int)? {
        guard var lesson = active, let question = lesson.step as? any Question,
              lesson.hintsThisVisit < question.hints.count else { return nil }
        let text = question.hints[lesson.hintsThisVisit]
        lesson.hintsThisVisit += 1
        let key = LearnerProgress.key(lesson.pack.id, question.questionID)
        var record = progress.items[key] ?? ItemRecord()
        record.hintsUsed = max(record.hintsUsed, lesson.hintsThisVisit)
        progress.items[key] = record
        dirty.items.insert(key)
        active = lesson
        persist()
        return (text, lesson.hintsThisVisit, question.hints.count)
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
            let key = LearnerProgress.key(lesson.pack.id, question.questionID)
            var record = progress.items[key] ?? ItemRecord()
            if !record.answeredCorrectly { record.skipped = true }
            progress.items[key] = record
            dirty.items.insert(key)
        }
        return advance()
    }

    /// Saves the learner's text for the current reflection step.
    public func saveReflection(text: String, checked: [Int]) {
        guard var lesson = active, let step = lesson.step as? ReflectionStep else { return }
        let key = LearnerProgress.key(lesson.pack.id, step.reflectionID)
        progress.reflections[key] = ReflectionRecord(artifact: step.artifact, text: text, checked: checked.sorted(), savedAt: clock.now)
        dirty.reflections.insert(key)
        lesson.settled = true
        active = lesson
        persist()
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
            let key = LearnerProgress.key(lesson.pack.id, lesson.lesson.id)
            var record = progress.lessons[key] ?? LessonRecord(startedAt: clock.now)
            if !record.completed {
                record.completed = true
                record.completedAt = clock.now
            }
            record.position = lesson.index
            record.positionStepID = lesson.step.id
            progress.lessons[key] = record
            dirty.lessons.insert(key)
            progress.current = nil
            dirty.current = true
            active = nil
            persist()
            return .lessonCompleted(summary(of: lesson.pack, lesson.lesson))
        }
        lesson.index += 1
        active = lesson
        enterStep()
        return .moved
    }

    /// Goes back one step; false at the first step.
    public func back() -> Bool {
        guard var lesson = active, lesson.index > 0 else { return false }
        lesson.index -= 1
        active = lesson
        enterStep()
        return true
    }

    /// Counts of a lesson's questions by outcome.
    public func summary(of pack: Pack, _ lesson: Lesson) -> LessonSummary {
        let records = lesson.questions.map { progress.items[LearnerProgress.key(pack.id, $0.questionID)] }
        return LessonSummary(questions: records.count,
                             firstTryCorrect: records.filter { $0?.firstTryCorrect == true }.count,
                             answeredCorrectly: records.filter { $0?.answeredCorrectly == true }.count,
                             skipped: records.filter { $0?.skipped == true && $0?.answeredCorrectly != true }.count)
    }

    private func enterStep() {
        guard var lesson = active else { return }
        let now = clock.now
        lesson.stepShownAt = now
        lesson.wrongThisVisit = 0
        lesson.hintsThisVisit = 0
        lesson.settled = !(lesson.step is any Question) && !(lesson.step is ReflectionStep)
        active = lesson
        let key = LearnerProgress.key(lesson.pack.id, lesson.lesson.id)
        var record = progress.lessons[key] ?? LessonRecord(startedAt: now)
        if !record.completed {
            record.position = lesson.index
            record.positionStepID = lesson.step.id
        }
        record.lastVisitedAt = now
        progress.lessons[key] = record
        dirty.lessons.insert(key)
        progress.current = Position(pack: lesson.pack.id, lesson: lesson.lesson.id, step: lesson.index, stepID: lesson.step.id)
        dirty.current = true
        persist()
    }
}
