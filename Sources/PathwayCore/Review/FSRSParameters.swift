import Foundation

/// The settings of an ``FSRSScheduler``: the 21 FSRS-6 weights, the retention to aim for, the
/// short learning and relearning steps, and the longest interval.
///
/// ``standard`` holds py-fsrs 6.3.2's `Scheduler` defaults: the FSRS-6 default weights (medians
/// over the srs-benchmark dataset), desired retention 0.9, learning steps 1 min and 10 min, one
/// relearning step of 10 min, and a maximum interval of 36,500 days. Values are checked against
/// py-fsrs's bounds when a custom set is made.
public struct FSRSParameters: Sendable, Equatable {
    /// The FSRS-6 default weights w0…w20 (fsrs-rs commit 037345f, py-fsrs 6.3.x).
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// The range each weight must lie in (py-fsrs `LOWER_BOUNDS_PARAMETERS`/`UPPER_BOUNDS_PARAMETERS`).
    public static let weightBounds: [ClosedRange<Double>] = [
        0.001...100, 0.001...100, 0.001...100, 0.001...100, 1...10, 0.001...4, 0.001...4, 0.001...0.75,
        0...4.5, 0...0.8, 0.001...3.5, 0.001...5, 0.001...0.25, 0.001...0.9, 0...4, 0...1, 1...6,
        0...2, 0...2, 0...0.8, 0.1...0.8,
    ]

    /// py-fsrs 6.3.2's scheduler defaults (without fuzzing).
    public static let standard = FSRSParameters(
        checked: defaultWeights, desiredRetention: 0.9, learningSteps: [60, 600], relearningSteps: [600],
        maximumInterval: 36_500
    )

    /// The model weights w0…w20.
    public let weights: [Double]
    /// The probability of recall at which a review is scheduled (0.9: reviews come when the
    /// learner would remember nine times in ten).
    public let desiredRetention: Double
    /// The waits, in seconds, between the first reviews of a new card before it graduates.
    public let learningSteps: [TimeInterval]
    /// The waits, in seconds, after a forgotten card before it goes back to daily intervals.
    public let relearningSteps: [TimeInterval]
    /// The longest interval, in days, a review can be scheduled.
    public let maximumInterval: Int

    /// A checked set of settings; throws ``Problem`` for a value py-fsrs would refuse or that
    /// makes no sense (retention outside 0 < r < 1, a step that is not positive).
    public init(weights: [Double] = Self.defaultWeights, desiredRetention: Double = 0.9,
                learningSteps: [TimeInterval] = [60, 600], relearningSteps: [TimeInterval] = [600],
                maximumInterval: Int = 36_500) throws(Problem) {
        guard weights.count == Self.weightBounds.count else { throw .weightCount(weights.count) }
        for (index, weight) in weights.enumerated() where !Self.weightBounds[index].contains(weight) {
            throw .weightOutOfBounds(index: index, value: weight)
        }
        guard desiredRetention > 0, desiredRetention < 1 else { throw .desiredRetention(desiredRetention) }
        if let step = (learningSteps + relearningSteps).first(where: { !($0 > 0) }) { throw .step(step) }
        guard maximumInterval >= 1 else { throw .maximumInterval(maximumInterval) }
        self.init(checked: weights, desiredRetention: desiredRetention, learningSteps: learningSteps,
                  relearningSteps: relearningSteps, maximumInterval: maximumInterval)
    }

    private init(checked weights: [Double], desiredRetention: Double, learningSteps: [TimeInterval],
                 relearningSteps: [TimeInterval], maximumInterval: Int) {
        self.weights = weights
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
    }

    /// The forgetting curve's exponent, −w20.
    var decay: Double { -weights[20] }

    /// The forgetting curve's factor, chosen so that recall is 90 % after `stability` days.
    var factor: Double { pow(0.9, 1 / decay) - 1 }

    /// A value that cannot be used.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case weightCount(Int)
        case weightOutOfBounds(index: Int, value: Double)
        case desiredRetention(Double)
        case step(TimeInterval)
        case maximumInterval(Int)

        public var description: String {
            switch self {
            case .weightCount(let count): "FSRS-6 needs 21 weights, not \(count)"
            case .weightOutOfBounds(let index, let value):
                "weight w\(index) = \(value) is outside \(FSRSParameters.weightBounds[index])"
            case .desiredRetention(let value): "desired retention \(value) must be between 0 and 1"
            case .step(let seconds): "a learning or relearning step of \(seconds) s must be positive"
            case .maximumInterval(let days): "the maximum interval (\(days) days) must be at least 1 day"
            }
        }
    }
}
