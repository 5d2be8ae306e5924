import Foundation
import PathwayCore

/// How a command fails: the message, printed once by ``Pathway/finish(with:)`` as
/// `error: MESSAGE`, and the exit status.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var status: Int32

    init(_ message: String, status: Int32 = 1) {
        self.message = message
        self.status = status
    }

    var description: String { message }
}

/// Lines for the person at the terminal, on standard error; text from files never reaches it
/// raw.
enum Console {
    static func error(_ message: String) { write("error: \(message)") }
    static func warning(_ message: String) { write("warning: \(message)") }
    static func note(_ message: String) { write("note: \(message)") }

    /// A line of a command's output on standard output; every interpolated value is escaped.
    static func line(_ text: TerminalText) { print(text.description) }

    private static func write(_ line: String) {
        FileHandle.standardError.write(Data((TerminalSafeText.sanitize(line) + "\n").utf8))
    }
}
