/// The placement quiz: which items test a module, and what passing takes.
///
/// Each module is tested with ``minimumItems`` questions at `apply` level or above (from its
/// `placement` list, or else its own graded items at that level), at least one of them not a
/// choice question, never true/false. The rule (see `docs/pack-format.md`): all three right
/// passes; exactly two right earns ``followUpItems`` more items, and both of them right passes;
/// anything less does not. With four-option items a blind guesser passes a module 2.4% of the
/// time and a learner who knows 90% of the material 92.6%.
public enum Placement {
    public static let minimumItems = 3
    /// Items added when the first round is one short of perfect.
    public static let followUpItems = 2

    /// What the first round of a module's items decides.
    public enum FirstRound: Sendable, Equatable {
        case passed
        case failed
        /// Exactly one wrong: two more items decide.
        case followUp
    }

    /// The verdict on a module's first round, from how many of its items were right.
    public static func firstRound(right: Int, of count: Int) -> FirstRound {
        if right >= count { return .passed }
        return right == count - 1 ? .followUp : .failed
    }

    /// What placement decided about one module.
    public enum Verdict: Sendable, Equatable {
        /// All first-round items right, or the follow-up items all right.
        case testedOut
        /// Not enough right: the module is there to study.
        case toStudy
        /// One first-round item wrong and the pack has too few further items to decide: the
        /// module is not tested out, and the learner is told why.
        case undecided
    }

    /// The first-round items and the follow-up pool of a module, drawn from `eligible` in
    /// order: the first ``minimumItems`` (the last of them swapped for the first non-choice
    /// item when they are all choice questions), and the rest as follow-ups.
    static func rounds(_ eligible: [any Question]) -> (first: [any Question], followUps: [any Question]) {
        var first = Array(eligible.prefix(minimumItems))
        if first.allSatisfy(isChoice), let open = eligible.dropFirst(minimumItems).first(where: { !isChoice($0) }) {
            first[first.count - 1] = open
        }
        let chosen = Set(first.map(\.questionID))
        return (first, eligible.filter { !chosen.contains($0.questionID) })
    }

    /// Whether a question type is answered by picking among shown options.
    public static func isChoice(_ question: any Question) -> Bool {
        question is SingleChoiceQuestion || question is MultipleSelectQuestion || question is TrueFalseQuestion
    }

    /// The module's questions placement may draw on when it lists none: apply or above, no true/false.
    public static func defaultItems(of module: Module) -> [any Question] {
        module.questions.filter { $0.level?.isApplyOrAbove == true && !($0 is TrueFalseQuestion) }
    }

    /// What is missing from `items` for a fair placement of one module, or nil when nothing is.
    public static func shortfall(of items: [any Question]) -> String? {
        if items.count < minimumItems {
            return "\(Plural.count(items.count, "item")) (at least \(minimumItems) are needed)"
        }
        if items.allSatisfy(isChoice) {
            return "only choice questions (a numeric, short_text, ordering or matching question is needed)"
        }
        return nil
    }
}
