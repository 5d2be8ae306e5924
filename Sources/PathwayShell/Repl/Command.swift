/// A REPL command: its words, its help and what it does.
public struct Command {
    public var name: String
    public var aliases: [String]
    /// How to call it, e.g. `start <module-or-lesson>`.
    public var usage: String
    /// One line for the command list.
    public var summary: String
    /// More help, shown by `help <command>`.
    public var detail: String
    /// What Tab offers after the command word.
    public var arguments: (Repl) -> [String]
    /// Whether Tab completes file names among its arguments.
    public var completesFiles: Bool
    public var run: (Repl, [String]) -> Void

    public init(_ name: String, aliases: [String] = [], usage: String? = nil, summary: String, detail: String = "",
                arguments: @escaping (Repl) -> [String] = { _ in [] }, completesFiles: Bool = false, run: @escaping (Repl, [String]) -> Void) {
        self.name = name
        self.aliases = aliases
        self.usage = usage ?? name
        self.summary = summary
        self.detail = detail
        self.arguments = arguments
        self.completesFiles = completesFiles
        self.run = run
    }
}
