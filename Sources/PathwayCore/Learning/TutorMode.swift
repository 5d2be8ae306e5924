import Foundation

/// What the tutor is doing: one mode at a time, each with its own state.
///
/// A new activity (a scenario, a placement test) is one more case with its state type; the
/// compiler then points at every place that must handle it.
public enum TutorMode: Sendable {
    /// At the top level, nothing open.
    case idle
    /// Working through a lesson.
    case lesson(ActiveLesson)
    /// A spaced-review session.
    case review(ReviewState)
    /// The placement quiz of one track.
    case placement(PlacementState)
}

/// The placement quiz under way: each module's items in turn, one answer each.
public struct PlacementState: Sendable {
    public struct Item: Sendable {
        public var module: Module
        public var question: any Question
    }

    public var pack: Pack
    public var trackTitle: String
    public var items: [Item]
    public var index = 0
    var presentation: Presentation?
    var shownAt: Date
    /// The answers given so far, per module id.
    var answers: [String: [PlacementAnswer]] = [:]
    /// Items a module may still be given when its first round is one short, per module id.
    var followUps: [String: [any Question]] = [:]
    /// Modules whose follow-up items were added.
    var followedUp: Set<String> = []

    public var current: Item? { index < items.count ? items[index] : nil }
}

/// How long a question has been on screen, and what was used on it, this visit. Shared by
/// lessons and reviews so that attempts are recorded the same way in both.
public struct QuestionVisit: Sendable {
    var shownAt: Date
    /// Hints revealed this visit.
    public internal(set) var hints = 0
    /// Wrong answers this visit.
    public internal(set) var wrong = 0

    init(shownAt: Date) { self.shownAt = shownAt }
}

/// The lesson being worked through.
public struct ActiveLesson: Sendable {
    public var pack: Pack
    public var module: Module
    public var lesson: Lesson
    public var index: Int
    public internal(set) var visit: QuestionVisit
    /// Whether the current question has been settled (answered right, revealed or skipped).
    public var settled = false

    public var step: any Step { lesson.steps[index] }
    public var isLastStep: Bool { index == lesson.steps.count - 1 }
    /// The key of the lesson's record.
    public var key: ProgressKey { .lesson(pack, lesson) }
}

/// A spaced-review session: the due cards, one question at a time.
public struct ReviewState: Sendable {
    /// Question keys in the order they are asked.
    public var queue: [ProgressKey]
    public var index = 0
    public internal(set) var visit: QuestionVisit
    var presentation: Presentation?
    /// How the session went so far: right and wrong answers.
    public var right = 0
    public var wrong = 0

    /// The key of the card being asked.
    public var currentKey: ProgressKey? { index < queue.count ? queue[index] : nil }
}

extension Tutor {
    /// The lesson being worked through, if that is the mode.
    public var active: ActiveLesson? {
        if case let .lesson(lesson) = mode { return lesson }
        return nil
    }

    /// The review session under way, if that is the mode.
    public var review: ReviewState? {
        if case let .review(state) = mode { return state }
        return nil
    }

    /// The placement quiz under way, if that is the mode.
    public var placement: PlacementState? {
        if case let .placement(state) = mode { return state }
        return nil
    }

    /// Changes the open lesson in place; nil when no lesson is open.
    @discardableResult
    func withLesson<Result>(_ body: (inout ActiveLesson) -> Result) -> Result? {
        guard case var .lesson(lesson) = mode else { return nil }
        let result = body(&lesson)
        mode = .lesson(lesson)
        return result
    }

    /// Changes the review session in place; nil when no review is under way.
    @discardableResult
    func withReview<Result>(_ body: (inout ReviewState) -> Result) -> Result? {
        guard case var .review(state) = mode else { return nil }
        let result = body(&state)
        mode = .review(state)
        return result
    }
}
