import Foundation

extension Tutor {
    /// The time now, from the tutor's clock.
    public var now: Date { clock.now }

    /// When the next review card falls due, or nil when there is none.
    public var nextReviewDue: Date? {
        progress.cards.filter { hasQuestion(forCard: $0.key) }.map(\.value.due).min()
    }

    /// The questions of `lesson` skipped and not answered right since.
    public func skippedQuestions(of pack: Pack, _ lesson: Lesson) -> [any Question] {
        lesson.questions.filter { question in
            guard let record = progress.items[.question(pack, question)] else { return false }
            return record.skipped && !record.answeredCorrectly
        }
    }

    /// Moves the open lesson to the step with `id` (forward or back), without marking the
    /// steps passed; false if the lesson has no such step.
    @discardableResult
    public func move(toStep id: String) -> Bool {
        guard let lesson = active, let target = lesson.lesson.stepIndex(id: id) else { return false }
        while let index = active?.index, index > target, back() {}
        while let index = active?.index, index < target, advance() == .moved {}
        return active?.step.id == id
    }
}
