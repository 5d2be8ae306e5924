import Foundation

/// Item analysis as Moodle's quiz statistics compute it, over each learner's first attempt at
/// each question (later attempts are practice, not measurement). See docs/reports.md.
///
/// - facility: the mean first-attempt score (0 to 1; partial credit counts);
/// - discrimination: the item–rest correlation, Pearson's r between the first-attempt score on
///   this item and the learner's *rest score*, the mean first-attempt score over the other
///   questions they answered (a mean rather than a sum, because learners of a self-paced course
///   answer different numbers of questions);
/// - per-choice frequencies of first attempts, for choice and true/false questions.
public struct CohortItemStatistics: Codable, Sendable, Equatable {
    /// The discrimination index used, named in every report.
    public static let discriminationMethod = "item-rest correlation (Pearson r of the first-attempt score with the mean of the learner's other first-attempt scores)"
    /// Below this, discrimination is flagged as near zero (Ebel and Frisbie's "poor" band).
    public static let weakDiscrimination = 0.20
    /// Below this many learners the figures are indicative only.
    public static let indicativeBelow = 30

    public var pack: String
    public var question: String
    public var module: String?
    public var type: String?
    public var prompt: String?
    /// Learners with a first attempt at the question.
    public var learners: Int
    /// Mean first-attempt score, 0 to 1.
    public var facility: Double
    /// Item–rest correlation; absent when it cannot be computed (fewer than two learners with
    /// a rest score, or no spread in the item or the rest scores).
    public var discrimination: Double?
    /// For choice and true/false questions: each option with how many first attempts chose it.
    public var choices: [ChoiceFrequency]
    /// Problems to look at: negative or near-zero discrimination, distractors nobody picks.
    public var flags: [String]

    public struct ChoiceFrequency: Codable, Sendable, Equatable {
        public var text: String
        public var correct: Bool
        public var count: Int
        /// `count / learners`.
        public var share: Double
    }
}

extension CohortItemStatistics {
    /// Pearson's correlation of two equally long series; nil without spread or pairs.
    static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2 else { return nil }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 1e-12, syy > 1e-12 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// The flags for these figures.
    static func flags(discrimination: Double?, choices: [ChoiceFrequency]) -> [String] {
        var flags: [String] = []
        if let d = discrimination {
            if d < 0 {
                flags.append("negative discrimination: learners who do well elsewhere do worse here; check the key and the wording")
            } else if d < weakDiscrimination {
                flags.append("near-zero discrimination (below 0.20): the question hardly separates stronger from weaker learners")
            }
        }
        for choice in choices where !choice.correct && choice.count == 0 {
            flags.append("distractor nobody picks: '\(choice.text)'")
        }
        return flags
    }
}

/// The first-attempt scores of every learner, kept while a cohort is built, for the item–rest
/// correlations (they need each learner's other answers).
struct CohortScoreTable {
    /// Per item index, the learners' first-attempt scores, and the learner each belongs to.
    private(set) var scores: [[(learner: Int, score: Double)]] = []
    /// Per learner, the sum and count of their first-attempt scores.
    private(set) var totals: [(sum: Double, count: Int)] = []
    private var indexOf: [ProgressKey: Int] = [:]
    private(set) var keys: [ProgressKey] = []

    mutating func addLearner(_ firstScores: [(ProgressKey, Double)]) {
        let learner = totals.count
        totals.append((firstScores.reduce(0) { $0 + $1.1 }, firstScores.count))
        for (key, score) in firstScores {
            let index: Int
            if let known = indexOf[key] {
                index = known
            } else {
                index = keys.count
                indexOf[key] = index
                keys.append(key)
                scores.append([])
            }
            scores[index].append((learner, score))
        }
    }

    /// The item–rest correlation of the item `key`.
    func discrimination(_ key: ProgressKey) -> Double? {
        guard let index = indexOf[key] else { return nil }
        var item: [Double] = [], rest: [Double] = []
        for (learner, score) in scores[index] {
            let total = totals[learner]
            guard total.count > 1 else { continue }
            item.append(score)
            rest.append((total.sum - score) / Double(total.count - 1))
        }
        return CohortItemStatistics.correlation(item, rest)
    }
}
