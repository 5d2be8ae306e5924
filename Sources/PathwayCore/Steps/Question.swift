/// A graded step: the learner types an answer and Pathway grades it.
public protocol Question: Step {
    /// A short name for the kind, shown above the prompt, e.g. `single choice`.
    static var displayName: String { get }
    /// The id, prompt, explanation and hints.
    var basics: QuestionBasics { get }
    /// How this question appears to one learner at one time (e.g. its shuffled choices).
    func present(shuffling: Bool, using random: inout SeededRandom) -> Presentation
    /// One line telling the learner how to answer.
    func answerInstructions(for presentation: Presentation) -> String
    /// Grades what the learner typed.
    func evaluate(_ input: String, in presentation: Presentation) -> Evaluation
    /// The correct answer, as the learner would see it, for when it is revealed.
    func correctAnswer(in presentation: Presentation) -> String
    /// Answers typed against the unshuffled presentation that must pass and must fail.
    func selfCheck() -> SelfCheck
}

extension Question {
    public var id: String? { basics.id }
    /// The stable id progress is keyed on: the step id, with its revision from 2 on.
    public var questionID: String { basics.progressID }
    /// The question, in Markdown.
    public var prompt: String { basics.prompt }
    /// Shown after a correct answer or when the answer is revealed.
    public var explanation: String? { basics.explanation }
    /// Hints in the order they are revealed.
    public var hints: [String] { basics.hints }
    /// The kind of thinking the question asks for, if the author said.
    public var level: CognitiveLevel? { basics.level }
    /// Whether choices are shuffled even when shuffling is turned off (the order is the question).
    public static var alwaysShuffles: Bool { false }

    /// Problems every question shares: an empty prompt, a missing explanation, empty hints.
    public func commonProblems() -> [StepProblem] {
        var found: [StepProblem] = []
        if basics.revision < 1 { found.append(.error("revision must be 1 or more (raise it when the answer key changes)", field: "revision")) }
        if prompt.trimmingWhitespace().isEmpty { found.append(.error("the prompt is empty", field: "prompt")) }
        if explanation?.trimmingWhitespace().isEmpty ?? true {
            found.append(.warning("no explanation; learners see it after answering", field: "explanation"))
        }
        if hints.contains(where: { $0.trimmingWhitespace().isEmpty }) {
            found.append(.error("a hint is empty", field: "hints"))
        }
        return found
    }
}

/// How a question is shown: the options in display order and where each came from.
public struct Presentation: Sendable, Equatable {
    /// Displayed option texts (choices), lettered a, b, c…; empty for questions without options.
    public var options: [String]
    /// `order[i]` is the index in the pack of the option displayed at position `i`.
    public var order: [Int]
    /// Numbered items the options are matched to (matching questions), in pack order.
    public var items: [String]
    /// A unit shown after the prompt, if any.
    public var unit: String?

    public init(options: [String] = [], order: [Int] = [], items: [String] = [], unit: String? = nil) {
        self.options = options
        self.order = order
        self.items = items
        self.unit = unit
    }
}

/// The result of reading the learner's answer.
public enum Evaluation: Sendable, Equatable {
    /// The input was not an answer of the right shape; the message says what to type.
    case malformed(String)
    /// The answer was graded.
    case graded(Grade)
}

/// A graded answer.
public struct Grade: Sendable, Equatable {
    public var isCorrect: Bool
    /// Partial credit from 0 to 1 (1 when correct).
    public var score: Double
    /// Messages for this answer (e.g. the feedback of the choices picked).
    public var feedback: [String]
    /// The answer as recorded in progress: choice texts rather than letters, which change
    /// with shuffling.
    public var recordedAnswer: String

    public init(isCorrect: Bool, score: Double? = nil, feedback: [String] = [], recordedAnswer: String) {
        self.isCorrect = isCorrect
        self.score = score ?? (isCorrect ? 1 : 0)
        self.feedback = feedback
        self.recordedAnswer = recordedAnswer
    }
}

/// Inputs that a question's own grader must accept and must reject.
public struct SelfCheck: Sendable {
    public var mustPass: [String]
    public var mustFail: [String]
    /// The list fields the answers come from, when the i-th answer is the field's i-th entry,
    /// so a failure can be reported at that entry's line.
    public var mustPassField: String?
    public var mustFailField: String?

    public init(mustPass: [String], mustFail: [String], mustPassField: String? = nil, mustFailField: String? = nil) {
        self.mustPass = mustPass
        self.mustFail = mustFail
        self.mustPassField = mustPassField
        self.mustFailField = mustFailField
    }
}

extension String {
    /// The string without surrounding whitespace and newlines.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
