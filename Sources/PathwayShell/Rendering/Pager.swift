import Foundation

/// Shows long output one screen at a time through `$PAGER` (or `less -R` when it is unset),
/// only when both ends are a terminal.
public struct Pager: Sendable {
    private let command: String
    private let rows: @Sendable () -> Int

    /// The pager for this process's terminal, or nil when standard input or output is not one.
    public static func terminal(environment: [String: String]) -> Pager? {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { return nil }
        let command = environment["PAGER"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? "less -R"
        return Pager(command: command) { TerminalSize.rows() }
    }

    public init(command: String, rows: @escaping @Sendable () -> Int) {
        self.command = command
        self.rows = rows
    }

    /// Whether `lines` lines need a pager: more than the screen holds with the prompt.
    public func needed(forLines lines: Int) -> Bool { lines > rows() - 2 }

    /// Pipes `text` to the pager and waits for it; false if it could not be started.
    public func show(_ text: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        process.standardInput = input
        // A pager quit early closes the pipe: writing must fail, not kill the tutor.
        signal(SIGPIPE, SIG_IGN)
        do { try process.run() } catch { return false }
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
    }
}
