/// Why typed input is not an answer of the right shape, as a sentence for the learner.
struct InputProblem: Error, ExpressibleByStringInterpolation {
    let message: String

    init(stringLiteral value: String) { message = value }
    init(stringInterpolation: DefaultStringInterpolation) { message = String(stringInterpolation: stringInterpolation) }
}
