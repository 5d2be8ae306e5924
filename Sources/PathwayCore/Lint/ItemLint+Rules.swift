/// The lint's rules, one method each.
extension ItemLint {
    /// `key-longest`: the right choice is the single longest one.
    func keyLongest(_ items: [Item]) -> [PackDiagnostic] {
        var longest: [(item: Item, key: Int, mean: Double)] = []
        var chances: [Double] = []
        for item in items {
            guard let question = item.question as? SingleChoiceQuestion, question.choices.count >= 2, !question.anyCorrect,
                  let key = question.choices.firstIndex(where: \.isCorrect) else { continue }
            chances.append(1 / Double(question.choices.count))
            let lengths = question.choices.map { Self.words($0.text).count }
            let others = lengths.enumerated().filter { $0.offset != key }.map(\.element)
            guard lengths[key] > (others.max() ?? 0) else { continue }
            longest.append((item, lengths[key], Double(others.reduce(0, +)) / Double(others.count)))
        }
        guard !chances.isEmpty else { return [] }
        let p = Self.upperTail(observed: longest.count, probabilities: chances)
        let packFlagged = p < Self.alpha && longest.count >= 2
        var found: [PackDiagnostic] = []
        if packFlagged {
            found.append(warnPack("key-longest", "the right choice is the longest in \(longest.count) of \(chances.count) single-choice items (\(Self.percent(Double(longest.count) / Double(chances.count)))); chance would give about \(Self.percent(chances.reduce(0, +) / Double(chances.count))) (p = \(String(format: "%.3f", p))). A test-wise learner picks the longest option"))
        }
        for entry in longest where packFlagged || (Double(entry.key) >= Self.lengthRatio * entry.mean && entry.mean >= Self.lengthMinimumWords) {
            found.append(warn("key-longest", "the right choice is the longest (\(Plural.count(entry.key, "word")); the others average \(String(format: "%.1f", entry.mean)))", entry.item, ["choices"]))
        }
        return found
    }

    /// `absolute-terms`: absolute words that cue the answer.
    func absoluteTerms(_ items: [Item]) -> [PackDiagnostic] {
        var found: [PackDiagnostic] = []
        // Choice questions: an absolute word in a distractor but not in the key.
        for item in items {
            let choices: [Choice]
            switch item.question {
            case let q as SingleChoiceQuestion: choices = q.choices
            case let q as MultipleSelectQuestion: choices = q.choices
            default: continue
            }
            let inKeys = Set(choices.filter(\.isCorrect).flatMap { absoluteWords(in: $0.text) })
            for (index, choice) in choices.enumerated() where !choice.isCorrect {
                let words = absoluteWords(in: choice.text).filter { !inKeys.contains($0) }
                if let word = words.first {
                    found.append(warn("absolute-terms", "the wrong choice \"\(choice.text)\" says '\(word)', and no right choice does; learners learn that absolute options are wrong", item, ["choices", PathKey(index), "text"]))
                }
            }
        }
        // True/false: statements with absolute words that are mostly false.
        let absolute = items.compactMap { item -> (Item, Bool, String)? in
            guard let q = item.question as? TrueFalseQuestion, let word = absoluteWords(in: q.prompt).first else { return nil }
            return (item, q.answer, word)
        }
        let falseOnes = absolute.filter { !$0.1 }
        if absolute.count >= 2, Double(falseOnes.count) / Double(absolute.count) > 0.5 {
            found.append(warnPack("absolute-terms", "\(falseOnes.count) of \(absolute.count) true/false statements with an absolute word (always, never, only, …) are false; a learner can answer them without knowing the content"))
            for (item, _, word) in falseOnes {
                found.append(warn("absolute-terms", "a false statement that says '\(word)'; rewrite it without the absolute word, or add true statements that use one", item, ["prompt"]))
            }
        }
        return found
    }

    /// `true-false-balance`: true/false keys mostly one way.
    func trueFalseBalance(_ items: [Item]) -> [PackDiagnostic] {
        let keys = items.compactMap { ($0.question as? TrueFalseQuestion)?.answer }
        guard keys.count >= Self.balanceMinimum else { return [] }
        let trues = keys.filter { $0 }.count
        let share = Double(max(trues, keys.count - trues)) / Double(keys.count)
        guard share > Self.balanceShare else { return [] }
        let side = trues * 2 > keys.count ? "true" : "false"
        return [warnPack("true-false-balance", "\(max(trues, keys.count - trues)) of \(keys.count) true/false statements (\(Self.percent(share))) are \(side); keep either side at \(Self.percent(Self.balanceShare)) or less, so guessing '\(side)' does not pay")]
    }

    /// `above-options`: "all of the above" or "none of the above".
    func aboveOptions(_ items: [Item]) -> [PackDiagnostic] {
        items.flatMap { item -> [PackDiagnostic] in
            let choices = (item.question as? SingleChoiceQuestion)?.choices ?? (item.question as? MultipleSelectQuestion)?.choices ?? []
            return choices.enumerated().compactMap { index, choice in
                let text = AnswerNormalizer.normalize(choice.text)
                guard text.contains("all of the above") || text.contains("none of the above") else { return nil }
                return warn("above-options", "\"\(choice.text)\" breaks when choices are shuffled and can be answered by spotting two true options; write a real option", item, ["choices", PathKey(index), "text"])
            }
        }
    }

    /// `near-duplicate`: two choices with the same or nearly the same text.
    func nearDuplicates(_ items: [Item]) -> [PackDiagnostic] {
        items.flatMap { item -> [PackDiagnostic] in
            let choices = (item.question as? SingleChoiceQuestion)?.choices ?? (item.question as? MultipleSelectQuestion)?.choices ?? []
            let texts = choices.map { AnswerNormalizer.normalize($0.text) }
            var found: [PackDiagnostic] = []
            for i in texts.indices {
                for j in texts.indices where j > i && Self.nearlyEqual(texts[i], texts[j]) {
                    found.append(warn("near-duplicate", "choices \(ChoiceInput.letter(i)) and \(ChoiceInput.letter(j)) say nearly the same (\"\(choices[i].text)\" / \"\(choices[j].text)\"); make each option a distinct idea", item, ["choices", PathKey(j), "text"]))
                }
            }
            return found
        }
    }

    /// Whether two normalised texts say the same once articles and plural endings are dropped
    /// ("the model's precision" / "model precision"); a different word or number is a different option.
    static func nearlyEqual(_ a: String, _ b: String) -> Bool {
        func canonical(_ text: String) -> [String] {
            text.split(separator: " ").filter { !["a", "an", "the", "s"].contains($0) }.map { word in
                var w = String(word)
                if w.hasSuffix("'s") { w.removeLast(2) }
                if w.count >= 4, w.hasSuffix("s") { w.removeLast() }
                return w
            }
        }
        return canonical(a) == canonical(b)
    }

    /// `distractor-feedback`: a wrong choice with no feedback.
    func distractorFeedback(_ items: [Item]) -> [PackDiagnostic] {
        items.flatMap { item -> [PackDiagnostic] in
            let choices = (item.question as? SingleChoiceQuestion)?.choices ?? (item.question as? MultipleSelectQuestion)?.choices ?? []
            return choices.enumerated().compactMap { index, choice in
                guard !choice.isCorrect, choice.feedback?.trimmingWhitespace().isEmpty ?? true else { return nil }
                return warn("distractor-feedback", "the wrong choice \"\(choice.text)\" has no feedback; say why a learner might pick it and why it is wrong", item, ["choices", PathKey(index)])
            }
        }
    }

    /// `hint-count`: a hint that tells how many options are right.
    func hintCounts(_ items: [Item]) -> [PackDiagnostic] {
        let numbers: Set<String> = ["one", "two", "three", "four", "five", "both", "1", "2", "3", "4", "5"]
        let nouns: Set<String> = ["correct", "right", "true", "answer", "answers", "option", "options", "choice", "choices", "apply", "statements"]
        return items.flatMap { item -> [PackDiagnostic] in
            guard item.question is MultipleSelectQuestion else { return [] }
            return item.question.hints.enumerated().compactMap { index, hint in
                let words = Self.words(hint)
                let cue = words.indices.contains { i in
                    numbers.contains(words[i]) && (words[i] == "both" || words[(i + 1)..<min(i + 4, words.count)].contains { nouns.contains($0) })
                }
                guard cue else { return nil }
                return warn("hint-count", "the hint tells how many choices are right; a learner can then pick that many of the likeliest without judging each one", item, ["hints", PathKey(index)])
            }
        }
    }

    /// `forbidden-text`: text the pack's manifest says learners must never see.
    func forbiddenText() -> [PackDiagnostic] {
        let rules = pack.manifest.lint.forbidden.filter { !$0.text.isEmpty }
        guard !rules.isEmpty else { return [] }
        var found: [PackDiagnostic] = []
        func check(_ text: String, file: String, path: [PathKey], what: String) {
            let lower = text.lowercased()
            for rule in rules where lower.contains(rule.text.lowercased()) {
                let message = "forbidden-text: \(what) contains '\(rule.text)'" + (rule.reason.map { ": \($0)" } ?? "")
                found.append(report(message, file, path))
            }
        }
        check(pack.manifest.title, file: manifestFile, path: ["title"], what: "the pack title")
        check(pack.manifest.description, file: manifestFile, path: ["description"], what: "the pack description")
        for (i, reference) in pack.manifest.references.enumerated() {
            check(reference.title + " " + (reference.note ?? ""), file: manifestFile, path: ["references", PathKey(i)], what: "reference '\(reference.key)'")
        }
        for module in pack.modules {
            check(module.title + " " + (module.summary ?? ""), file: module.file, path: ["title"], what: "module '\(module.id)'")
            for lesson in module.lessons {
                let at = prefix(lesson)
                check(lesson.title, file: lesson.file, path: at + ["title"], what: "lesson '\(lesson.id)' title")
                for (j, source) in lesson.sources.enumerated() {
                    check(source, file: lesson.file, path: at + ["sources", PathKey(j)], what: "a source of lesson '\(lesson.id)'")
                }
                for (index, step) in lesson.steps.enumerated() {
                    let name = step.id.map { "\(step.typeName) '\($0)'" } ?? "a \(step.typeName) step of lesson '\(lesson.id)'"
                    for text in StepTexts.texts(of: step) {
                        check(text.text, file: lesson.file, path: at + ["steps", PathKey(index)] + text.path, what: name)
                    }
                }
            }
        }
        return found
    }
}
