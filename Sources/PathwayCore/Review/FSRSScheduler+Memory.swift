import Foundation

/// The FSRS-6 memory model: how stability and difficulty start and change.
///
/// Every formula keeps py-fsrs 6.3.2's order of operations and raises its own `math.e` with
/// `pow` rather than calling `exp`, so that results agree with py-fsrs to the last bit or two.
extension FSRSScheduler {
    /// Python's `math.e`, raised with `pow` as py-fsrs does.
    private static let e = 2.718281828459045
    /// The smallest stability (py-fsrs `STABILITY_MIN`).
    static let minimumStability = 0.001
    private static let difficultyRange = 1.0...10.0

    private var w: [Double] { parameters.weights }

    /// Stability and difficulty after a review: the initial values on the first review, the
    /// same-day formula when less than a whole day has passed, else recall or forgetting.
    func memoryState(after card: ReviewCard, rating: ReviewRating,
                     at now: Date) -> (stability: Double, difficulty: Double) {
        guard let stability = card.stability, let difficulty = card.difficulty else {
            return (initialStability(rating), initialDifficulty(rating, clamped: true))
        }
        let newStability: Double
        if let lastReview = card.lastReview, Self.wholeDays(from: lastReview, to: now) < 1 {
            newStability = shortTermStability(stability, rating)
        } else {
            let recall = retrievability(of: card, at: now)
            newStability = rating == .again
                ? forgetStability(difficulty, stability, recall)
                : recallStability(difficulty, stability, recall, rating)
        }
        return (max(newStability, Self.minimumStability), nextDifficulty(difficulty, rating))
    }

    /// The forgetting curve: the probability of recall `elapsedDays` after a review.
    func retrievability(stability: Double, elapsedDays: Int) -> Double {
        pow(1 + parameters.factor * Double(elapsedDays) / stability, parameters.decay)
    }

    /// S0(G) = w[G−1].
    func initialStability(_ rating: ReviewRating) -> Double {
        max(w[rating.rawValue - 1], Self.minimumStability)
    }

    /// D0(G) = w4 − e^(w5·(G−1)) + 1.
    func initialDifficulty(_ rating: ReviewRating, clamped: Bool) -> Double {
        let difficulty = w[4] - pow(Self.e, w[5] * Double(rating.rawValue - 1)) + 1
        return clamped ? clampDifficulty(difficulty) : difficulty
    }

    /// ΔD = −w6·(G−3), damped by (10 − D)/9, then pulled towards D0(easy) by w7.
    func nextDifficulty(_ difficulty: Double, _ rating: ReviewRating) -> Double {
        let target = initialDifficulty(.easy, clamped: false)
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0
        return clampDifficulty(w[7] * target + (1 - w[7]) * damped)
    }

    /// Same-day review: S·e^(w17·(G−3+w18))·S^(−w19), never lower for hard, good or easy.
    func shortTermStability(_ stability: Double, _ rating: ReviewRating) -> Double {
        var increase = pow(Self.e, w[17] * (Double(rating.rawValue - 3) + w[18])) * pow(stability, -w[19])
        if rating != .again { increase = max(increase, 1.0) }
        return stability * increase
    }

    /// Stability after a lapse: the smaller of the long-term formula and S / e^(w17·w18).
    func forgetStability(_ difficulty: Double, _ stability: Double, _ recall: Double) -> Double {
        var longTerm = w[11] * pow(difficulty, -w[12])
        longTerm *= pow(stability + 1, w[13]) - 1
        longTerm *= pow(Self.e, (1 - recall) * w[14])
        let shortTerm = stability / pow(Self.e, w[17] * w[18])
        return min(longTerm, shortTerm)
    }

    /// Stability after a successful recall, with w15 as the hard penalty and w16 the easy bonus.
    func recallStability(_ difficulty: Double, _ stability: Double, _ recall: Double,
                         _ rating: ReviewRating) -> Double {
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        var growth = pow(Self.e, w[8]) * (11 - difficulty)
        growth *= pow(stability, -w[9])
        growth *= pow(Self.e, (1 - recall) * w[10]) - 1
        growth *= hardPenalty
        growth *= easyBonus
        return stability * (1 + growth)
    }

    private func clampDifficulty(_ difficulty: Double) -> Double {
        min(max(difficulty, Self.difficultyRange.lowerBound), Self.difficultyRange.upperBound)
    }
}
