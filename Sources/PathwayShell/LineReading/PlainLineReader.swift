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
