/// Imports Moodle Aiken files: single-answer multiple-choice questions written as
///
/// ```
/// What does MLOps add to ML development?
/// A) Data labeling only
/// B. Deployment, monitoring and retraining practices
/// ANSWER: B
/// ```
///
/// The question text is one or more lines; each choice starts with a capital letter and `)` or
/// `.`; `ANSWER:` and the right letter end the question. Blank lines are ignored.
public struct AikenImporter: Importer {
    public let formatID = "aiken"
    public let formatName = "Moodle Aiken"
    public let fileExtensions = ["aiken"]

    public init() {}

    /// A question being read.
    private struct Pending {
        var line: Int
        var text: [String]
        var choices: [(letter: Character, text: String, line: Int)] = []
    }

    public func `import`(text: String, fileName: String, target: ImportTarget) -> ImportResult {
        let source = ImportLines(text: text, fileName: fileName)
        var draft = PackDraft(target: target, fileName: fileName, formatName: formatName)
        draft.append(source.diagnostics)
        var pending: Pending?
        for (index, raw) in source.lines.enumerated() {
            let number = index + 1
            let line = TerminalSafeText.sanitize(raw).trimmingWhitespace()
            if line.isEmpty { continue }
            if let answer = Self.answerLetter(line) {
                if !line.hasPrefix("ANSWER:") {
                    draft.report(.warning, line: number, "Moodle reads only 'ANSWER:' in capitals; this line is read as one")
                }
                guard let question = pending else {
                    draft.skip(line: number, "ANSWER: without a question before it")
                    continue
                }
                finish(question, answer: answer, answerLine: number, into: &draft)
                pending = nil
            } else if let (letter, choice) = Self.choice(line), var question = pending {
                if let last = question.choices.last, letter != Self.next(after: last.letter) {
                    draft.report(.warning, line: number, "choice \(letter) follows \(last.letter); choices are lettered in order")
                }
                question.choices.append((letter, choice, number))
                pending = question
            } else if var question = pending {
                if question.choices.isEmpty {
                    question.text.append(line)
                    pending = question
                } else {
                    draft.skip(line: question.line, "the question has no 'ANSWER:' line before the next question (line \(number))")
                    pending = Pending(line: number, text: [line])
                }
            } else {
                pending = Pending(line: number, text: [line])
            }
        }
        if let question = pending {
            draft.skip(line: question.line, "the question ends without an 'ANSWER:' line")
        }
        return draft.result()
    }

    private func finish(_ question: Pending, answer: Character, answerLine: Int, into draft: inout PackDraft) {
        guard question.choices.count >= 2 else {
            return draft.skip(line: question.line, "a question needs at least two choices (A) … B) …) before its ANSWER: line")
        }
        guard question.choices.contains(where: { $0.letter == answer }) else {
            return draft.skip(line: answerLine, "ANSWER: \(answer) is not one of the choices \(question.choices.map { String($0.letter) }.joined(separator: ", "))")
        }
        let prompt = question.text.joined(separator: "\n")
        let choices = question.choices.map { Choice(text: $0.text, isCorrect: $0.letter == answer) }
        let step = SingleChoiceQuestion(id: draft.makeStepID(title: nil, text: prompt), prompt: prompt, choices: choices,
                                        shuffle: !choices.contains { GIFTParser.refersToOtherChoices($0.text) })
        draft.add(step, line: question.line)
    }

    /// The letter of an `ANSWER: B` line.
    private static func answerLetter(_ line: String) -> Character? {
        guard line.uppercased().hasPrefix("ANSWER:") else { return nil }
        let rest = String(line.dropFirst(7)).trimmingWhitespace()
        guard let letter = rest.first, letter.isASCII, letter.isUppercase || letter.isLowercase else { return nil }
        return Character(letter.uppercased())
    }

    /// The letter and text of a choice line such as `B) text` or `B. text`.
    private static func choice(_ line: String) -> (Character, String)? {
        let chars = Array(line)
        guard chars.count >= 3, let scalar = chars[0].unicodeScalars.first, chars[0].unicodeScalars.count == 1,
              scalar.value >= 65, scalar.value <= 90, chars[1] == ")" || chars[1] == "." else { return nil }
        let text = String(chars[2...]).trimmingWhitespace()
        return text.isEmpty ? nil : (chars[0], text)
    }

    private static func next(after letter: Character) -> Character {
        guard let scalar = letter.unicodeScalars.first, let next = Unicode.Scalar(scalar.value + 1) else { return letter }
        return Character(next)
    }
}
