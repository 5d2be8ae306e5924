import Foundation

extension LearnerProgress {
    /// The longest one attempt can count for: a day. Pathway itself caps an attempt at the
    /// tutor's time cap (30 minutes by default); anything beyond a day comes from a damaged or
    /// hand-made file.
    public static let maximumAttemptSeconds: Double = 86_400

    /// Replaces values no Pathway writes — times that are negative, not finite or longer than
    /// ``maximumAttemptSeconds`` per attempt, scores outside 0...1, negative hint counts,
    /// review cards with a negative step or a stability or difficulty that is not a positive
    /// finite number — by the nearest safe value, so that one damaged file cannot crash a
    /// report or the scheduler. Returns how many values it replaced.
    @discardableResult
    public mutating func repairImpossibleValues() -> Int {
        var repaired = 0
        for key in items.keys {
            items[key]!.repairImpossibleValues(count: &repaired)
        }
        for key in cards.keys {
            cards[key]!.repairImpossibleValues(count: &repaired)
        }
        return repaired
    }
}

/// Clamps `value` to `range`; a value that is not finite becomes `fallback`. Counts a change.
private func clamp(_ value: inout Double, _ range: ClosedRange<Double>, fallback: Double, count: inout Int) {
    let safe = value.isFinite ? min(max(value, range.lowerBound), range.upperBound) : fallback
    if safe != value || value.isNaN {
        value = safe
        count += 1
    }
}

extension ItemRecord {
    mutating func repairImpossibleValues(count: inout Int) {
        let cap = LearnerProgress.maximumAttemptSeconds
        for index in attempts.indices {
            clamp(&attempts[index].seconds, 0...cap, fallback: 0, count: &count)
            if var score = attempts[index].score {
                clamp(&score, 0...1, fallback: 0, count: &count)
                attempts[index].score = score
            }
            if attempts[index].hintsUsed < 0 {
                attempts[index].hintsUsed = 0
                count += 1
            }
        }
        // Time outside attempts (before the first answer) is allowed, a day's worth per attempt.
        clamp(&secondsSpent, 0...(cap * Double(max(attempts.count, 1))), fallback: attempts.reduce(0) { $0 + $1.seconds },
              count: &count)
        if hintsUsed < 0 {
            hintsUsed = 0
            count += 1
        }
    }
}

extension ReviewCard {
    mutating func repairImpossibleValues(count: inout Int) {
        if let value = step, value < 0 {
            step = 0
            count += 1
        }
        if var value = stability {
            clamp(&value, 0.001...1_000_000, fallback: 1, count: &count)
            stability = value
        }
        if var value = difficulty {
            clamp(&value, 1...10, fallback: 5, count: &count)
            difficulty = value
        }
    }
}
