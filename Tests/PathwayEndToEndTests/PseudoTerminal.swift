import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program on a new pseudo-terminal, so it sees a real tty (readline, Ctrl-C, Ctrl-D),
/// and lets a test type keys and wait for output.
final class PseudoTerminal {
    private let master: Int32
    private(set) var pid: pid_t = 0
    /// Everything the program wrote so far.
    private(set) var output = ""
    private var consumed: String.Index

    init(executable: String, arguments: [String], environment: [String: String], columns: UInt16 = 100) throws {
        // posix_openpt/unlockpt/ptsname are not visible from Swift here; these are their Linux
        // equivalents: open the multiplexer, unlock the secondary, ask its number.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0, ioctl(master, 0x8004_5430 /* TIOCGPTN */, &number) == 0 else {
            throw PseudoTerminalError("cannot open a pseudo-terminal")
        }
        let name = "/dev/pts/\(number)"
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let secondary = name
        consumed = output.startIndex

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        // The test runner may block or ignore signals; the program must start as from a shell.
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(0x04 | 0x08)) // POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, secondary, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        // setsid -c starts a new session whose controlling terminal is the pseudo-terminal, so
        // Ctrl-C reaches the program as SIGINT, as in a real terminal.
        let argv = (["/usr/bin/setsid", "-c", executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        let status = posix_spawn(&pid, "/usr/bin/setsid", &actions, &attributes, argv, envp)
        guard status == 0 else { throw PseudoTerminalError("cannot start \(executable): \(String(cString: strerror(status)))") }
    }

    deinit {
        if pid > 0 { kill(pid, SIGKILL); var status: Int32 = 0; waitpid(pid, &status, 0) }
        close(master)
    }

    /// Resizes the terminal, as dragging the window does (the program gets SIGWINCH).
    func resize(columns: UInt16, rows: UInt16 = 40) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        if pid > 0 { kill(-pid, SIGWINCH) }
    }

    /// The output after `start` with styling and cursor movement removed, split into the
    /// lines the terminal shows.
    func screenLines(from start: String.Index? = nil) -> [String] {
        let text = String(output[(start ?? output.startIndex)...])
            .replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\u{1B}[()][A-Z0-9]", with: "", options: .regularExpression)
        return text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.split(separator: "\r", omittingEmptySubsequences: false).last ?? "") }
    }

    /// Reads until the program has been quiet for `quiet` seconds (or `timeout` passes), so
    /// that keys typed next never arrive while it is still printing.
    func settle(quiet: TimeInterval = 0.12, timeout: TimeInterval = 5) {
        let deadline = Date().addingTimeInterval(timeout)
        var lastCount = output.utf8.count
        var quietSince = Date()
        while Date() < deadline {
            _ = readAvailable(until: Date().addingTimeInterval(0.05))
            let count = output.utf8.count
            if count != lastCount {
                lastCount = count
                quietSince = Date()
            } else if Date().timeIntervalSince(quietSince) >= quiet {
                return
            }
        }
    }

    /// Where the output ends now, to look at only what comes after.
    var mark: String.Index { output.endIndex }

    /// Types `text` as keys.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits until `text` appears after what earlier expectations consumed.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = output.range(of: text, range: consumed..<output.endIndex) {
                consumed = range.upperBound
                return true
            }
            guard Date() < deadline, readAvailable(until: deadline) else { return false }
        }
    }

    /// Reads what is there within the time left; false at end of output.
    private func readAvailable(until deadline: Date) -> Bool {
        var pollFD = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let millis = Int32(max(0, min(deadline.timeIntervalSinceNow, 1)) * 1000)
        let ready = poll(&pollFD, 1, millis)
        if ready <= 0 { return ready == 0 || errno == EINTR }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        if n <= 0 { return false }
        let offset = output.distance(from: output.startIndex, to: consumed)
        output += String(decoding: buffer[0..<n], as: UTF8.self)
        consumed = output.index(output.startIndex, offsetBy: offset)
        return true
    }

    /// Waits for the program to end and returns its exit status, or nil if it was killed by a
    /// signal or did not end in time.
    func waitForExit(timeout: TimeInterval = 15) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                pid = 0
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : nil
            }
            _ = readAvailable(until: Date().addingTimeInterval(0.05))
        }
        return nil
    }
}

struct PseudoTerminalError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
