/// The item-writing lint of `pathway pack validate`: cues a test-wise learner can use instead of
/// knowledge, and text a learner cannot look up. Every finding is a warning (`--strict` fails
/// on warnings). Each message starts with its rule name, as documented in docs/authoring.md.
///
/// Thresholds follow the project's item-writing reference: a pack-level figure is flagged when
/// it is unlikely by chance (one-sided binomial p < .05), per-item heuristics are conservative.
struct ItemLint {
    /// One graded question with where it sits.
    struct Item {
        var question: any Question
        var lesson: Lesson
        /// The coding path of the step inside its file.
        var path: [PathKey]
    }

    /// Makes a located warning: message, pack file, coding path.
    typealias Report = (String, String, [PathKey]) -> PackDiagnostic

    let pack: Pack
    let manifestFile: String
    let prefix: (Lesson) -> [PathKey]
    let report: Report

    /// Words that make a statement absolute; a learner learns that these are usually false.
    static let absoluteTerms = ["always", "never", "only", "guarantee", "guarantees", "guaranteed", "prove", "proves", "proved",
                                "completely", "absolutely", "entirely", "impossible", "cannot", "every"]
    /// The significance level of the pack-level figures.
    static let alpha = 0.05
    /// True/false keys one way beyond this share, in a pack with at least `balanceMinimum` statements.
    static let balanceShare = 0.6
    static let balanceMinimum = 10
    /// A key at least this many times the mean distractor length is flagged on its own.
    static let lengthRatio = 1.5
    /// …when the distractors average at least this many words.
    static let lengthMinimumWords = 4.0

    var items: [Item] {
        pack.modules.flatMap(\.lessons).flatMap { lesson in
            lesson.steps.enumerated().compactMap { index, step in
                (step as? any Question).map { Item(question: $0, lesson: lesson, path: prefix(lesson) + ["steps", PathKey(index)]) }
            }
        }
    }

    var allowed: Set<String> { Set(pack.manifest.lint.allow.map { $0.lowercased() }) }

    func diagnostics() -> [PackDiagnostic] {
        let items = self.items
        return keyLongest(items) + absoluteTerms(items) + trueFalseBalance(items) + aboveOptions(items)
            + nearDuplicates(items) + distractorFeedback(items) + hintCounts(items) + forbiddenText()
    }

    func warn(_ rule: String, _ message: String, _ item: Item, _ field: [PathKey] = []) -> PackDiagnostic {
        report("\(rule): \(item.question.typeName) '\(item.question.questionID)': \(message)", item.lesson.file, item.path + field)
    }

    func warnPack(_ rule: String, _ message: String) -> PackDiagnostic {
        report("\(rule): pack '\(pack.id)': \(message)", manifestFile, ["id"])
    }

    // MARK: Shared helpers

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "-" }.map(String.init)
    }

    /// Text outside `code` spans and quotation marks, where absolute words are meant.
    static func prose(_ text: String) -> String {
        var result = ""
        var inCode = false
        var inQuote = false
        for character in text {
            switch character {
            case "`": inCode.toggle()
            case "\u{201C}": inQuote = true
            case "\u{201D}": inQuote = false
            case "\"": inQuote.toggle()
            default: if !inCode && !inQuote { result.append(character) }
            }
        }
        return result
    }

    func absoluteWords(in text: String) -> [String] {
        let found = Set(Self.words(Self.prose(text)))
        return Self.absoluteTerms.filter { found.contains($0) && !allowed.contains($0) }
    }

    /// P(X ≥ observed) for independent events with the given probabilities (a Poisson binomial).
    static func upperTail(observed: Int, probabilities: [Double]) -> Double {
        var distribution = [1.0]
        for p in probabilities {
            var next = Array(repeating: 0.0, count: distribution.count + 1)
            for (k, value) in distribution.enumerated() {
                next[k] += value * (1 - p)
                next[k + 1] += value * p
            }
            distribution = next
        }
        return distribution[min(observed, distribution.count - 1)...].reduce(0, +)
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
