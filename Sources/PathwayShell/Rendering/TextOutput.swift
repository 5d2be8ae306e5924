import Foundation

/// Where the REPL writes: standard output, or a buffer in tests.
public protocol TextOutput: AnyObject {
    func write(_ text: String)
}

extension TextOutput {
    /// Writes `text` and a newline.
    public func line(_ text: String = "") { write(text + "\n") }
}

/// Standard output or standard error, unbuffered by lines so prompts and text interleave.
public final class StandardOutput: TextOutput {
    private let handle: FileHandle

    public init(error: Bool = false) { handle = error ? .standardError : .standardOutput }

    public func write(_ text: String) {
        try? handle.write(contentsOf: Data(text.utf8))
    }
}
