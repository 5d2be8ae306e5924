import Foundation
import PathwayCore

/// Everything the REPL prints goes through one writer: each line is wrapped at word boundaries
/// to the width the terminal has when the line is written (so a resized window is followed),
/// with continuation lines hanging under list items, labels and table columns.
public final class TerminalWriter: TextOutput {
    private let target: any TextOutput
    private let widthSource: TerminalWidth
    /// Text written without a newline yet (a line is wrapped once it is complete).
    private var pending = ""
    /// Output held back by ``batch(_:)``, written in one piece when it ends.
    private var held: String?

    public init(_ target: any TextOutput, width: TerminalWidth) {
        self.target = target
        self.widthSource = width
    }

    /// The columns text is wrapped to now.
    public var width: Int { widthSource.wrapWidth() }

    /// Whether the output is a terminal (every line is wrapped), not a pipe or a file.
    public var isTerminal: Bool { widthSource.wrapsLines }

    public func write(_ text: String) {
        let all = pending + text
        // Split by bytes (splitting by characters cost more than the rest of printing a line),
        // unless a carriage return makes "\r\n" one character that is not a line break.
        var lines = all.utf8.contains(UInt8(ascii: "\r"))
            ? all.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            : all.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(Substring($0)) }
        pending = lines.removeLast()
        guard !lines.isEmpty else { return }
        guard widthSource.wrapsLines else {
            emit(lines.map { $0 + "\n" }.joined())
            return
        }
        let width = self.width
        emit(lines.flatMap { LineWrapper.wrap($0, width: width) }.map { $0 + "\n" }.joined())
    }

    /// Runs `body`, writing what it prints in one piece at its end rather than a line at a
    /// time (`list` and `path` print a line per module of every pack). Nothing else may be
    /// printed meanwhile, on this writer or another, so that the order stays as written.
    public func batch(_ body: () -> Void) {
        guard held == nil else { return body() }
        held = ""
        body()
        let text = held ?? ""
        held = nil
        if !text.isEmpty { target.write(text) }
    }

    private func emit(_ text: String) {
        if held != nil {
            held! += text
        } else {
            target.write(text)
        }
    }

    /// Writes text from files or the learner, escaped (see ``TerminalText``), and a newline.
    public func line(safe text: TerminalText) { line(text.description) }

    /// Writes `text` with continuation lines indented by `hang` columns.
    public func line(_ text: String, hang: Int) {
        guard widthSource.wrapsLines else { return line(text) }
        let width = self.width
        let wrapped = text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { LineWrapper.wrap(String($0), width: width, hang: hang) }
        write(wrapped.joined(separator: "\n") + "\n")
    }

    /// Writes what is pending without waiting for a newline (before a prompt).
    public func flush() {
        guard !pending.isEmpty else { return }
        emit(pending)
        pending = ""
    }
}

/// Where the wrap width comes from: a fixed number (tests) or the terminal, asked again for
/// every line so that resizing the window takes effect at once. Output to a pipe wraps only
/// the Markdown of packs, as it always has, so scripts see whole lines.
public struct TerminalWidth: Sendable {
    private let columns: @Sendable () -> Int
    /// Whether every line is wrapped (a terminal), or only pack Markdown (a pipe or a file).
    public let wrapsLines: Bool

    /// Wraps every line at exactly `width` columns.
    public static func fixed(_ width: Int) -> TerminalWidth { TerminalWidth { width } }

    /// Output that is not a terminal: pack Markdown wrapped at `width`, other lines left whole.
    public static func pipe(_ width: Int) -> TerminalWidth { TerminalWidth(wrapsLines: false) { width } }

    /// The terminal's width (standard output), else `COLUMNS`, else 80, read at each call.
    public static func terminal(environment: [String: String]) -> TerminalWidth {
        TerminalWidth { TerminalSize.wrapWidth(environment: environment) }
    }

    public init(wrapsLines: Bool = true, _ columns: @escaping @Sendable () -> Int) {
        self.wrapsLines = wrapsLines
        self.columns = columns
    }

    public func wrapWidth() -> Int { max(20, columns()) }
}
