/// What reading one line gave.
public enum LineEvent: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line being typed was thrown away.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// Reading was stopped from outside (a watched pack changed); what was typed is kept for
    /// the next prompt.
    case woken
}

/// Reads the learner's lines: GNU readline on a terminal, plain lines from a pipe or a file,
/// or a script in tests.
public protocol LineReader: AnyObject {
    /// Reads one line, showing `prompt` where the reader shows prompts.
    func readLine(prompt: String) -> LineEvent
    /// Whether a person is typing (prompts and confirmations make sense).
    var isInteractive: Bool { get }
    /// Whether it completes words on Tab (a pipe does not, so the REPL builds no table for it).
    var completes: Bool { get }
    /// The words Tab completes, refreshed by the REPL as its state changes.
    func updateCompletions(_ table: CompletionTable)
    /// Saves history and restores the terminal.
    func close()
}

extension LineReader {
    public var completes: Bool { false }
    public func updateCompletions(_ table: CompletionTable) {}
    public func close() {}
}

/// The words Tab offers: commands first, then each command's arguments, and file names after
/// the commands that write files.
public struct CompletionTable: Sendable, Equatable {
    public var commands: [String]
    public var arguments: [String: [String]]
    /// Commands whose arguments may be file names (`report`, `portfolio`).
    public var fileCommands: [String]

    public init(commands: [String] = [], arguments: [String: [String]] = [:], fileCommands: [String] = []) {
        self.commands = commands
        self.arguments = arguments
        self.fileCommands = fileCommands
    }

    /// Candidates for the word being typed, given the text of the line before it.
    public func candidates(for word: String, after preceding: String) -> [String] {
        let before = preceding.split(separator: " ").map(String.init)
        let pool: [String]
        if before.isEmpty {
            pool = commands
        } else if before.count == 1 {
            pool = arguments[before[0].lowercased()] ?? []
        } else {
            pool = []
        }
        return pool.filter { $0.hasPrefix(word) }
    }

    /// Whether the word after `preceding` may be a file name: an argument of a file command.
    public func completesFiles(after preceding: String) -> Bool {
        let before = preceding.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = before.first, before.count > 1 || preceding.last?.isWhitespace == true else { return false }
        return fileCommands.contains(first.lowercased())
    }
}
