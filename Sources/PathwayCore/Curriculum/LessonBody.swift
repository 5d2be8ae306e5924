import Foundation

/// A lesson's steps: decoded already, or read from the pack index the first time they are
/// asked for (opening the lesson, review, reports), then kept.
///
/// Shared between copies of a ``Lesson`` (a class), so a lesson is decoded once however many
/// copies of its pack exist; assigning new steps to a lesson gives it a body of its own.
final class LessonBody: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [any Step]?
    private var outline: [StepOutline]?
    private var outlineText: String?
    private var counts: StepCounts?
    private let load: (@Sendable () -> [any Step])?

    /// Steps already decoded.
    init(steps: [any Step]) {
        self.steps = steps
        outline = nil
        load = nil
    }

    /// Steps decoded by `load` when first needed; the outline (in its text form, read when
    /// first needed) and the counts stand for them until then.
    init(outline: String, counts: StepCounts, load: @escaping @Sendable () -> [any Step]) {
        steps = nil
        outlineText = outline
        self.counts = counts
        self.load = load
    }

    var decodedSteps: [any Step] {
        lock.withLock {
            if let steps { return steps }
            let loaded = load?() ?? []
            steps = loaded
            return loaded
        }
    }

    var stepOutline: [StepOutline] {
        lock.withLock {
            if let outline { return outline }
            // A damaged outline text: the steps themselves tell.
            let made = outlineText.flatMap(StepOutline.parse) ?? (steps ?? load?() ?? []).map(StepOutline.init)
            outline = made
            return made
        }
    }

    var stepCounts: StepCounts {
        if let counts = lock.withLock({ counts }) { return counts }
        let made = StepCounts(stepOutline)
        lock.withLock { counts = made }
        return made
    }

    /// Whether the steps have been decoded (tests check that start-up decodes none).
    var isDecoded: Bool { lock.withLock { steps != nil } }
}
