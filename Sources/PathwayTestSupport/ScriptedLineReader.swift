import PathwayShell

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

    public var completes: Bool { true }
    public func updateCompletions(_ table: CompletionTable) { completions = table }
}
