import Foundation

/// The result of the placement quiz for one module: kept per module key, with the pack version
/// it was taken on (placement can be taken once per track per pack version).
public struct PlacementRecord: Codable, Sendable, Equatable {
    /// The pack version the quiz was taken on.
    public var packVersion: String
    /// The weighted share of the module's placement items answered right.
    public var score: Double
    /// Whether the module was passed (all three first items right, or two of three and then
    /// both follow-up items right): it is *tested out*. Stored with ``undecided`` as the file
    /// keeps them; set both through ``verdict``.
    public private(set) var testedOut: Bool
    /// True when two of three were right and the pack had too few further items to decide;
    /// absent otherwise.
    public private(set) var undecided: Bool?
    public var at: Date
    /// The answers given, one per item, in order.
    public var answers: [PlacementAnswer]

    public init(packVersion: String, score: Double, verdict: Placement.Verdict, at: Date, answers: [PlacementAnswer]) {
        self.packVersion = packVersion
        self.score = score
        self.testedOut = verdict == .testedOut
        self.undecided = verdict == .undecided ? true : nil
        self.at = at
        self.answers = answers
    }

    /// What placement decided about the module, from the two stored fields.
    public var verdict: Placement.Verdict {
        if testedOut { return .testedOut }
        return undecided == true ? .undecided : .toStudy
    }
}

/// One placement answer: the question, what was typed (as recorded) and whether it was right.
public struct PlacementAnswer: Codable, Sendable, Equatable {
    public var question: String
    public var answer: String
    public var correct: Bool
    public var score: Double

    public init(question: String, answer: String, correct: Bool, score: Double) {
        self.question = question
        self.answer = answer
        self.correct = correct
        self.score = score
    }
}
