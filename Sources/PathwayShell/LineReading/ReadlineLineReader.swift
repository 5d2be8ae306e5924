@preconcurrency import CReadline
import Foundation
import Synchronization

/// Reads lines with GNU readline: editing, history kept across runs, Tab completion of commands
/// and ids, Ctrl-C that clears the line and Ctrl-D that ends the session.
public final class ReadlineLineReader: LineReader {
    private let historyFile: URL?
    private var lastHistoryLine: String?

    /// Sets readline up; `historyFile` is read now and written by ``close()``.
    public init(historyFile: URL?) {
        self.historyFile = historyFile
        rl_readline_name = UnsafePointer(strdup("pathway")!)
        rl_attempted_completion_function = attemptedCompletion
        // Words break only at blanks, and a quoted or backslash-escaped blank does not break
        // one, so Tab completes a file name with spaces (see CommandWords).
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t\n")!)
        rl_completer_quote_characters = UnsafePointer(strdup("\"'")!)
        rl_char_is_quoted_p = isEscaped
        rl_catch_signals = 0
        rl_getc_function = interruptibleGetc
        rl_bind_key(3, cancelLine)
        installFlagHandler(SIGINT) { _ in sigintPending.store(true, ordering: .relaxed) }
        installFlagHandler(SIGCONT) { _ in sigcontPending.store(true, ordering: .relaxed) }
        installFlagHandler(SIGTERM) { _ in terminatePending.store(true, ordering: .relaxed) }
        installFlagHandler(SIGHUP) { _ in terminatePending.store(true, ordering: .relaxed) }
        installFlagHandler(SIGUSR1) { _ in wakePending.store(true, ordering: .relaxed) }
        // A parent may have blocked these; the handlers above must see them.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in [SIGINT, SIGCONT, SIGTERM, SIGHUP, SIGUSR1] { sigaddset(&unblock, signal) }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        stifle_history(1000)
        if let historyFile { _ = read_history(historyFile.path) }
    }

    public var isInteractive: Bool { true }

    public func readLine(prompt: String) -> LineEvent {
        if terminatePending.load(ordering: .relaxed) { return .endOfInput }
        lineCancelled.store(false, ordering: .relaxed)
        lineWoken.store(false, ordering: .relaxed)
        sigintPending.store(false, ordering: .relaxed)
        // Text typed before a wake-up is put back at the new prompt.
        rl_startup_hook = pendingInput.withLock { $0 == nil } ? nil : restorePendingInput
        guard let raw = readline(prompt) else {
            print("")
            return .endOfInput
        }
        defer { free(raw) }
        if lineCancelled.load(ordering: .relaxed) {
            print("")
            return .interrupted
        }
        if lineWoken.load(ordering: .relaxed) { return .woken }
        if terminatePending.load(ordering: .relaxed) { return .endOfInput }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty, line != lastHistoryLine {
            add_history(line)
            lastHistoryLine = line
        }
        return .line(line)
    }

    /// Makes the reader on `thread` stop waiting and return ``LineEvent/woken`` (from any
    /// thread; the text being typed is kept).
    public static func wake(_ thread: pthread_t) {
        pthread_kill(thread, SIGUSR1)
    }

    public var completes: Bool { true }

    public func updateCompletions(_ table: CompletionTable) {
        completionTable.withLock { $0 = table }
    }

    public func close() {
        guard let historyFile else { return }
        try? FileManager.default.createDirectory(at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = write_history(historyFile.path)
        chmod(historyFile.path, 0o600)
    }
}

// readline calls these C callbacks on the main thread; their state is global by necessity.
private let sigintPending = Atomic<Bool>(false)
private let sigcontPending = Atomic<Bool>(false)
private let terminatePending = Atomic<Bool>(false)
private let lineCancelled = Atomic<Bool>(false)
private let wakePending = Atomic<Bool>(false)
private let lineWoken = Atomic<Bool>(false)
private let pendingInput = Mutex<String?>(nil)

/// Puts back the text that was being typed when the reader was woken.
private func restorePendingInput() -> Int32 {
    if let text = pendingInput.withLock({ value -> String? in defer { value = nil }; return value }) {
        rl_insert_text(text)
    }
    return 0
}
private let completionTable = Mutex(CompletionTable())
private let completionMatches = Mutex<[String]>([])

private func installFlagHandler(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0 // no SA_RESTART: a signal must interrupt read()
    sigaction(signal, &action, nil)
}

/// readline's own getc retries after EINTR, so a signal could never end readline(); this one
/// turns a pending SIGINT into Ctrl-C's byte and a SIGTERM/SIGHUP into end of input.
private func interruptibleGetc(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    let fd = stream.map { fileno($0) } ?? STDIN_FILENO
    var byte: UInt8 = 0
    while true {
        if sigintPending.exchange(false, ordering: .relaxed) { return 3 }
        if wakePending.exchange(false, ordering: .relaxed) {
            let typed = rl_line_buffer.map { String(cString: $0) } ?? ""
            pendingInput.withLock { $0 = typed.isEmpty ? nil : typed }
            lineWoken.store(true, ordering: .relaxed)
            rl_delete_text(0, rl_end)
            rl_point = 0
            return 10 // end the (now empty) line; readLine returns .woken
        }
        if terminatePending.load(ordering: .relaxed) {
            rl_delete_text(0, rl_end)
            rl_point = 0
            return EOF
        }
        let n = Glibc.read(fd, &byte, 1)
        if n == 1 { return Int32(byte) }
        if n == 0 { return EOF }
        if errno != EINTR { return EOF }
        if sigcontPending.exchange(false, ordering: .relaxed) {
            rl_cleanup_after_signal()
            rl_reset_after_signal()
            rl_forced_update_display()
        }
    }
}

/// Bound to Ctrl-C: show ^C, drop the line (recorded for undo, so history stays intact) and
/// end readline().
private func cancelLine(_ count: Int32, _ key: Int32) -> Int32 {
    lineCancelled.store(true, ordering: .relaxed)
    rl_point = rl_end
    rl_redisplay()
    rl_echo_signal_char(SIGINT)
    rl_delete_text(0, rl_end)
    rl_point = 0
    rl_done = 1
    return 0
}

private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    completionMatches.withLock { matches -> UnsafeMutablePointer<CChar>? in
        if state == 0 {
            let word = text.map { String(cString: $0) } ?? ""
            let preceding = rl_line_buffer.map { String(String(cString: $0).utf8.prefix(Int(rl_point))) ?? "" } ?? ""
            let before = String(preceding.dropLast(word.count))
            let table = completionTable.withLock { $0 }
            matches = table.candidates(for: word, after: before)
            if table.completesFiles(after: before) {
                let quote = rl_completion_quote_character == 0 ? nil : Character(UnicodeScalar(UInt8(truncatingIfNeeded: rl_completion_quote_character)))
                matches += FileNameCompletion.candidates(for: word, quote: quote)
            }
        }
        let index = Int(state)
        return index < matches.count ? strdup(matches[index]) : nil
    }
}

private func attemptedCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1 // never fall back to readline's own file names
    let found = rl_completion_matches(text, completionGenerator)
    // A folder is completed without the closing quote and space, to go on into it.
    if completionMatches.withLock({ $0.count == 1 && $0[0].hasSuffix("/") }) {
        rl_completion_suppress_append = 1
        rl_completion_suppress_quote = 1
    }
    return found
}

/// Whether the character at `index` of `line` is escaped by a backslash (an odd number of
/// backslashes before it), so readline does not break a word there.
private func isEscaped(_ line: UnsafeMutablePointer<CChar>?, _ index: Int32) -> Int32 {
    guard let line, index > 0 else { return 0 }
    var backslashes = 0
    var position = Int(index) - 1
    while position >= 0, line[position] == 0x5C {
        backslashes += 1
        position -= 1
    }
    return backslashes % 2 == 1 ? 1 : 0
}
