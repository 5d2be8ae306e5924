import Foundation

/// The width to wrap text to.
public enum TerminalSize {
    /// Prose is kept to this many columns on wide terminals, for readability.
    public static let proseCap = 100

    /// The terminal's width when standard output is one, else `COLUMNS`, else 80; one column
    /// is left free (a full line makes some terminals wrap early), and text is kept to at most
    /// ``proseCap`` columns.
    public static func wrapWidth(environment: [String: String]) -> Int {
        max(20, min(columns(environment: environment) - 1, proseCap))
    }

    /// The terminal's columns now.
    public static func columns(environment: [String: String]) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = environment["COLUMNS"], let value = Int(text), value > 0 { return value }
        return 80
    }

    /// The terminal's rows now (24 when standard output is not a terminal).
    public static func rows() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return 24
    }
}
