import Foundation

/// The width to wrap text to.
public enum TerminalSize {
    /// The terminal's width when standard output is one, else `COLUMNS`, else 80; text is kept
    /// to at most 100 columns for readability.
    public static func wrapWidth(environment: [String: String]) -> Int {
        var size = winsize()
        var columns = 0
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            columns = Int(size.ws_col)
        } else if let text = environment["COLUMNS"], let value = Int(text), value > 0 {
            columns = value
        } else {
            columns = 80
        }
        return max(20, min(columns - 1, 100))
    }
}
