import Foundation

extension LearnerProgress {
    /// This progress combined with `other` (for instance the same learner's progress from
    /// another computer) so that nothing either side recorded is lost:
    ///
    /// - attempts: the union of both lists, one copy of each attempt both sides hold (the
    ///   same answer at the same second), in time order, so the first attempt stays the first;
    /// - items: the most hints used, revealed if either side revealed it, skipped only if
    ///   skipped on a side and never answered right on either; time is the merged attempts'
    ///   time plus whatever either side recorded outside attempts;
    /// - lessons: completed if either completed it, the earliest start and completion, the
    ///   latest visit, and the position of the side visited last;
    /// - reflections: the one saved last (this side's on a tie);
    /// - review cards: the one reviewed last (this side's on a tie);
    /// - scenarios: every run either side has, once, in time order;
    /// - placement results: the one taken last;
    /// - the earliest `createdAt`, the latest `updatedAt`, and the current position of the side
    ///   updated last. The profile name stays this side's.
    public func merged(with other: LearnerProgress) -> LearnerProgress {
        var result = self
        result.schemaVersion = Self.currentSchemaVersion
        result.createdAt = min(createdAt, other.createdAt)
        result.updatedAt = max(updatedAt, other.updatedAt)
        if other.updatedAt > updatedAt || current == nil { result.current = other.current ?? current }
        for (key, theirs) in other.lessons {
            result.lessons[key] = result.lessons[key].map { $0.merged(with: theirs) } ?? theirs
        }
        for (key, theirs) in other.items {
            result.items[key] = result.items[key].map { $0.merged(with: theirs) } ?? theirs
        }
        for (key, theirs) in other.reflections {
            if let mine = result.reflections[key], mine.savedAt >= theirs.savedAt { continue }
            result.reflections[key] = theirs
        }
        for (key, theirs) in other.scenarios {
            result.scenarios[key] = result.scenarios[key].map { $0.merged(with: theirs) } ?? theirs
        }
        for (key, theirs) in other.placements {
            if let mine = result.placements[key], mine.at >= theirs.at { continue }
            result.placements[key] = theirs
        }
        for (key, theirs) in other.settings where result.settings[key] == nil || other.updatedAt > updatedAt {
            result.settings[key] = theirs
        }
        for (key, theirs) in other.cards {
            if let mine = result.cards[key], (mine.lastReview ?? .distantPast) >= (theirs.lastReview ?? .distantPast) { continue }
            result.cards[key] = theirs
        }
        return result
    }
}

extension ScenarioRecord {
    /// Both records of one scenario combined: every run either side has (one copy of a run both
    /// hold, by its start), in time order.
    public func merged(with other: ScenarioRecord) -> ScenarioRecord {
        var runs = self.runs
        for run in other.runs {
            if let index = runs.firstIndex(where: { Int64($0.startedAt.timeIntervalSince1970) == Int64(run.startedAt.timeIntervalSince1970) }) {
                if run.decisions.count > runs[index].decisions.count { runs[index] = run }
            } else {
                runs.append(run)
            }
        }
        return ScenarioRecord(runs: runs.sorted { $0.startedAt < $1.startedAt })
    }
}

extension LessonRecord {
    /// Both records of one lesson combined (see ``LearnerProgress/merged(with:)``).
    public func merged(with other: LessonRecord) -> LessonRecord {
        var result = other.lastVisitedAt > lastVisitedAt ? other : self
        result.startedAt = min(startedAt, other.startedAt)
        result.lastVisitedAt = max(lastVisitedAt, other.lastVisitedAt)
        result.completed = completed || other.completed
        result.completedAt = [completedAt, other.completedAt].compactMap { $0 }.min()
        return result
    }
}

extension ItemRecord {
    /// Both records of one question combined (see ``LearnerProgress/merged(with:)``).
    public func merged(with other: ItemRecord) -> ItemRecord {
        // A multiset union: an attempt the other side also has is kept once, but two equal
        // attempts on one side (a repeated answer within a second) both stay.
        var unmatched: [Attempt.Identity: Int] = [:]
        for attempt in self.attempts { unmatched[attempt.identity, default: 0] += 1 }
        var attempts = self.attempts
        for attempt in other.attempts {
            if let count = unmatched[attempt.identity], count > 0 {
                unmatched[attempt.identity] = count - 1
            } else {
                attempts.append(attempt)
            }
        }
        // A stable sort keeps each side's order for attempts in the same second.
        attempts = attempts.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        var result = ItemRecord()
        result.attempts = attempts
        result.hintsUsed = max(hintsUsed, other.hintsUsed)
        result.revealed = revealed || other.revealed
        result.skipped = (skipped || other.skipped) && !result.answeredCorrectly
        let unattributed = max(secondsOutsideAttempts, other.secondsOutsideAttempts)
        result.secondsSpent = attempts.reduce(0) { $0 + $1.seconds } + unattributed
        return result
    }

    /// Time recorded on the question beyond the sum of its attempts (none, as Pathway
    /// records time today; kept so that a merge never loses any).
    var secondsOutsideAttempts: Double {
        max(0, secondsSpent - attempts.reduce(0) { $0 + $1.seconds })
    }
}

extension Attempt {
    /// What makes two attempts the same attempt: the same answer at the same second
    /// (progress files keep times to the second).
    struct Identity: Hashable {
        var second: Int64
        var answer: String
    }

    var identity: Identity { Identity(second: Int64(at.timeIntervalSince1970.rounded(.down)), answer: answer) }
}
