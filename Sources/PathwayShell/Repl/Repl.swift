import Foundation
import PathwayCore

/// The interactive tutor: reads commands and answers, drives a ``Tutor`` and renders its
/// lessons. The same loop serves a terminal (readline), a pipe and a test script.
public final class Repl {
    public let tutor: Tutor
    let reader: any LineReader
    /// Everything printed goes through this writer, which wraps to the terminal's width.
    let out: TerminalWriter
    let errors: TerminalWriter
    let style: Style
    /// Pages long output on a terminal; nil for pipes and tests.
    let pager: Pager?
    /// The references of the pack being shown, for inline citations.
    var references: [String: Reference] = [:]
    /// Reloads the packs from disk, for `reload`.
    let reloadLibrary: (() -> PackLibrary)?
    private(set) var commands: [Command] = []
    /// Who the learner is, for reports' names and xAPI actors; nil uses the profile name.
    public var identity: ResolvedIdentity?
    /// Called with the progress after each completed lesson (automatic sync); must not block.
    public var onLessonCompleted: (@Sendable (LearnerProgress) -> Void)?
    var running = true
    /// Whether the packs changed on disk since the last call (`pack preview --watch`); checked
    /// before every prompt, and a change reloads them where the learner is.
    public var watch: (() -> Bool)?
    private var toldAboutInterrupt = false

    public init(tutor: Tutor, reader: any LineReader, output: any TextOutput, errors: (any TextOutput)? = nil,
                style: Style = .plain, width: Int = 80, terminalWidth: TerminalWidth? = nil,
                pager: Pager? = nil, reloadLibrary: (() -> PackLibrary)? = nil) {
        self.pager = pager
        self.tutor = tutor
        self.reader = reader
        let widthSource = terminalWidth ?? .pipe(width)
        self.out = TerminalWriter(output, width: widthSource)
        self.errors = errors.map { TerminalWriter($0, width: widthSource) } ?? out
        self.style = style
        self.reloadLibrary = reloadLibrary
        commands = Self.lessonCommands + Self.reviewCommands + Self.informationCommands + Self.careerCommands
            + Self.reportCommands + Self.sourceCommands + Self.scenarioCommands + Self.placementCommands + Self.sessionCommands
    }

    /// Renders pack Markdown at the width the terminal has now.
    var markdown: MarkdownRenderer {
        var renderer = MarkdownRenderer(width: out.width, style: style)
        renderer.references = references
        return renderer
    }

    /// Writes `label` followed by Markdown `text` whose lines hang under the text, not the label.
    func labelled(_ label: String, _ text: String) {
        let labelWidth = DisplayWidth.of(label)
        var renderer = MarkdownRenderer(width: max(out.width - labelWidth, 20), style: style)
        renderer.references = references
        let body = renderer.render(text)
        let pad = String(repeating: " ", count: labelWidth)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { ($0.offset == 0 ? label : ($0.element.isEmpty ? "" : pad)) + $0.element }
        out.line(lines.joined(separator: "\n"))
    }

    /// Writes long text (already rendered): through the pager when it does not fit the screen
    /// of a terminal, else wrapped like every other line.
    func showLong(_ text: String) {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        if let pager, out.isTerminal {
            let width = out.width
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false).flatMap { LineWrapper.wrap(String($0), width: width) }
            if pager.needed(forLines: lines.count), pager.show(lines.joined(separator: "\n") + "\n") { return }
        }
        out.line(body)
    }

    /// Runs until `quit`, Ctrl-D or the end of input. Returns the exit status.
    @discardableResult
    public func run(greeting: Bool = true, initialCommands: [String] = []) -> Int32 {
        if greeting { greet() }
        for command in initialCommands { handle(command) }
        while running {
            if let watch, watch() { reload(because: "the pack changed on disk") }
            if reader.completes { reader.updateCompletions(completionTable()) }
            out.flush()
            let event = reader.readLine(prompt: prompt)
            switch event {
            case .endOfInput:
                finish()
            case .interrupted:
                if !toldAboutInterrupt {
                    out.line(style.dim("(Ctrl-C clears the line. Type quit or press Ctrl-D to leave; your progress is saved.)"))
                    toldAboutInterrupt = true
                }
            case .woken:
                continue
            case let .line(text):
                handle(text)
            }
            reportSaveFailure()
        }
        reader.close()
        return 0
    }

    /// Handles one line as if typed at the prompt.
    public func handle(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // A leading backslash sends the rest as an answer even if it looks like a command.
        if trimmed.hasPrefix("\\"), tutor.active != nil || tutor.review != nil || tutor.placement != nil {
            respondToAnswer(String(trimmed.dropFirst()))
            return
        }
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        // Where a reflection waits for its text, a capitalised first word ("Portfolio pieces
        // show…") begins the text; commands are typed in lower case.
        let writing = tutor.active?.step is ReflectionStep && tutor.review == nil && tutor.placement == nil
        if let first = words.first, !(writing && first != first.lowercased()), let command = command(named: first.lowercased()) {
            // A command's arguments are split as a shell would, so quotes keep spaces in a word.
            let arguments: [String]
            do {
                arguments = Array(try CommandWords.split(trimmed).dropFirst())
            } catch {
                out.line(safe: TerminalText(error.description))
                return
            }
            // In a review, hint and skip act on the review; any other command ends it.
            if tutor.review != nil, !["hint", "skip", "help", "review", "quit", "exit"].contains(command.name) { tutor.endReview() }
            if tutor.placement != nil, command.name != "skip", command.name != "help" {
                tutor.leavePlacement()
                out.line(style.dim("You left the placement quiz; modules already finished keep their result."))
            }
            command.run(self, arguments)
            return
        }
        if tutor.placement != nil {
            respondInPlacement(trimmed)
        } else if tutor.active != nil || tutor.review != nil {
            respondToAnswer(trimmed)
        } else if !trimmed.isEmpty {
            let suggestion: TerminalText = suggest(for: words[0].lowercased()).map { " Did you mean '\($0)'?" } ?? ""
            out.line(safe: "Unknown command '\(words[0])'.\(suggestion) Type help for the list of commands.")
        }
    }

    private func respondToAnswer(_ text: String) {
        if tutor.review != nil { respondInReview(to: text) } else { respond(to: text) }
    }

    func command(named word: String) -> Command? {
        commands.first { $0.name == word || $0.aliases.contains(word) }
    }

    private func suggest(for word: String) -> String? {
        let names = commands.map(\.name)
        if let prefixed = names.first(where: { $0.hasPrefix(word) && !word.isEmpty }) { return prefixed }
        let distance = { (name: String) in Suggestion.editDistance(name, word) }
        return names.min { distance($0) < distance($1) }.flatMap { distance($0) <= 2 ? $0 : nil }
    }

    /// The prompt for the current state.
    var prompt: String {
        if let review = tutor.review { return "[review \(review.index + 1)/\(review.queue.count)] answer> " }
        if let placement = tutor.placement { return "[placement \(placement.index + 1)/\(placement.items.count)] answer> " }
        guard let lesson = tutor.active else { return "pathway> " }
        switch lesson.step {
        case let question as any Question:
            // The same count as the "Question 3 of 10" line above the prompt.
            let questions = lesson.lesson.questions
            let number = (questions.firstIndex { $0.questionID == question.questionID } ?? 0) + 1
            return "[\(number)/\(questions.count)] answer> "
        case is ReflectionStep: return "write> "
        case is ScenarioStep:
            if case .deciding? = tutor.scenarioPhase() { return "decide> " }
            return "> "
        default: return "> "
        }
    }

    func completionTable() -> CompletionTable {
        var arguments: [String: [String]] = [:]
        for command in commands {
            let words = command.arguments(self)
            for name in [command.name] + command.aliases where !words.isEmpty { arguments[name] = words }
        }
        let fileCommands = commands.filter(\.completesFiles).flatMap { [$0.name] + $0.aliases }
        return CompletionTable(commands: commands.map(\.name).sorted(), arguments: arguments, fileCommands: fileCommands)
    }

    /// Asks a yes/no question (Enter means no). Anything else is answered with a short
    /// message and the question again; the end of input means no.
    func confirm(_ question: String) -> Bool {
        // On a terminal `[y/N]` is the prompt; without one it ends the question.
        out.line(reader.isInteractive ? question : question + " [y/N]")
        while true {
            out.flush()
            guard case let .line(answer) = reader.readLine(prompt: "[y/N] ") else { return false }
            switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
            case "y", "yes": return true
            case "", "n", "no": return false
            default:
                out.line("Please type y for yes or n for no (Enter means no).")
                out.line(reader.isInteractive ? question : question + " [y/N]")
            }
        }
    }

    func finish() {
        tutor.saveSnapshot()
        switch tutor.saving {
        case .saved:
            out.line(tutor.active == nil ? "Progress saved. Goodbye." : "Progress saved; type continue next time to pick up here. Goodbye.")
        case .readOnly:
            out.line("Nothing from this session was saved (it was read-only). Goodbye.")
        case .preview:
            break
        }
        running = false
    }

    /// Said with every verdict of a read-only session, whose answers are not kept.
    var notSavedNote: String {
        tutor.saving == .readOnly ? style.dim(" Not saved: another pathway has this profile open (read-only session).") : ""
    }

    func reportSaveFailure() {
        guard let failure = tutor.takeSaveFailure() else { return }
        errors.line(style.red("warning: your progress could not be saved: \(failure)."))
        errors.line("The previous file is intact and Pathway will try again after your next answer. Free some disk space or fix the permissions.")
    }

    private func greet() {
        let (done, total) = PathOverview.tracks(library: tutor.library, progress: tutor.progress)
            .lessonTotals(library: tutor.library, progress: tutor.progress)
        guard total > 0 else {
            out.line("No curriculum packs found. Pass --pack-path DIR or set PATHWAY_CURRICULA to the curricula folder.")
            return
        }
        let title = tutor.library.chosenPath(for: tutor.progress)?.title ?? "your curriculum"
        out.line(style.bold("Pathway") + " — \(title). \(done) of \(Plural.count(total, "lesson")) completed.")
        let due = tutor.dueCards().count
        if due > 0 { out.line("\(Plural.count(due, "question is", "questions are")) due for review: type \(style.bold("review")) (or next).") }
        if let target = tutor.resumeTarget() {
            let verb = tutor.progress.lessons[.lesson(target.pack, target.lesson)] == nil ? "start" : "pick up"
            out.line("Type \(style.bold("continue")) to \(verb) '\(target.lesson.title)', \(style.bold("path")) to see the path, \(style.bold("help")) for all commands.")
        } else {
            out.line("Type \(style.bold("path")) to see the path, \(style.bold("help")) for all commands.")
        }
    }
}
