/// Reads lines from standard input when it is not a terminal: no prompt, no echo, no history,
/// so `pathway < answers.txt` prints only what Pathway says.
public final class PlainLineReader: LineReader {
    public init() {}

    public func readLine(prompt: String) -> LineEvent {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }

    public var isInteractive: Bool { false }
}

/// Lines given in advance, for tests that drive the REPL through the same code as a terminal.
public final class ScriptedLineReader: LineReader {
    private var events: [LineEvent]
    /// The prompts asked, in order.
    public private(set) var prompts: [String] = []
    public let isInteractive: Bool
    public private(set) var completions = CompletionTable()

    public init(_ events: [LineEvent], interactive: Bool = false) {
        self.events = events
        self.isInteractive = interactive
    }

    /// A script of plain lines.
    public convenience init(lines: [String], interactive: Bool = false) {
        self.init(lines.map(LineEvent.line), interactive: interactive)
    }

    public func readLine(prompt: String) -> LineEvent {
        prompts.append(prompt)
        return events.isEmpty ? .endOfInput : events.removeFirst()
    }

    public func updateCompletions(_ table: CompletionTable) { completions = table }
}
