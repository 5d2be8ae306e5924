/// The placement quiz: which items test a module, and what passing takes.
///
/// Each module is tested with at least ``minimumItems`` questions at `apply` level or above
/// (its `placement` list, or else its own graded items at that level), at least one of them
/// not a choice question, never true/false. A module is passed at the pack's mastery threshold.
public enum Placement {
    public static let minimumItems = 3

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
            return "\(items.count) item\(items.count == 1 ? "" : "s") (at least \(minimumItems) are needed)"
        }
        if items.allSatisfy(isChoice) {
            return "only choice questions (a numeric, short_text, ordering or matching question is needed)"
        }
        return nil
    }
}
